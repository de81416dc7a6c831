#!/usr/bin/env bash
# Builds Sonde and runs its tests inside a Debian 13 (trixie) chroot: the second platform, the one
# with KF6 SyntaxHighlighting. Runs as root from anywhere in a clone with ../shared beside it.
#
# The chroot lives in ${SONDE_TRIXIE_ROOT:-/var/cache/sonde/trixie} and is reused while the stamp
# inside it matches the package list below. A new one is made in DIR.tmp and moved into place
# only once complete, so an interrupted run never leaves a half chroot that looks usable.
# The source tree and ../shared are bound read-only at /src and /shared; the build tree and the
# ccache stay inside the chroot, so the host tree is never written.
set -euo pipefail

root=${SONDE_TRIXIE_ROOT:-/var/cache/sonde/trixie}
mirror=${SONDE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared=$(cd "$src/../shared" 2>/dev/null && pwd) || shared=

packages=(
  g++ cmake ninja-build pkg-config ccache
  # qt6-svg-plugins (QIcon from SVG) is part of libqt6svg6 on Debian 12, a package of its own on 13
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-svg-dev qt6-svg-plugins qt6-image-formats-plugins
  libqscintilla2-qt6-dev libkf6syntaxhighlighting-dev libyaml-cpp-dev qtkeychain-qt6-dev
  libxml2-dev zlib1g-dev libgl-dev libssl-dev
  xvfb xauth desktop-file-utils appstream
  openssl ca-certificates dbus gnome-keyring nodejs npm
  # the Postman export's JSON Schema check (tst_conformance_postmanexport)
  python3 python3-jsonschema
)
sources="deb $mirror trixie main
deb $mirror trixie-updates main
deb ${mirror%/debian}/debian-security trixie-security main"
stamp_name=.sonde-packages
stamp=$(printf '%s\n' "$sources" "${packages[@]}" | sha256sum | cut -d' ' -f1)

section() { printf '\n==== %s ====\n' "$*"; }
timed() { # timed LABEL COMMAND...: runs the command and reports how long it took
  local label=$1 start=$SECONDS
  shift
  section "$label"
  "$@"
  printf -- '---- %s: %ds\n' "$label" $((SECONDS - start))
}
die() { echo "ci-debian13: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "must run as root (chroot, mount)"
command -v debootstrap >/dev/null || [ -d "$root" ] || die "debootstrap is missing: run packaging/install-deps.sh"

# One run at a time per chroot: a second one waits (they would share mounts and the build tree).
mkdir -p "$(dirname "$root")"
exec 9>"$root.lock"
flock -n 9 || { echo "waiting for another run using $root"; flock 9; }

# ---- mounts: everything mounted is recorded and unmounted on exit, whatever happens ----
mounted=()
mount_in() { # mount_in TARGET MOUNT-ARGS...
  local target=$1
  shift
  mkdir -p "$target"
  mount "$@" "$target"
  mounted+=("$target")
}
unmount_all() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" || true
  done
  mounted=()
}
trap unmount_all EXIT
trap 'exit 130' INT TERM HUP

mount_system() { # mount_system DIR: what apt, the compiler and the tests need from the kernel
  local dir=$1
  mount_in "$dir/proc" -t proc proc
  mount_in "$dir/sys" -t sysfs sysfs
  mount_in "$dir/dev" --bind /dev
  mount_in "$dir/dev/pts" --bind /dev/pts
  mount_in "$dir/dev/shm" -t tmpfs tmpfs
  mount_in "$dir/tmp" -t tmpfs -o mode=1777 tmpfs
}
mount_ro() { # mount_ro HOSTDIR TARGET: a read-only bind
  mount_in "$2" --bind "$1"
  mount -o remount,bind,ro "$2"
}
has_mounts_under() { awk -v d="$1/" 'index($2 "/", d) == 1 { found = 1 } END { exit !found }' /proc/mounts; }
unmount_stale() { # unmount_stale DIR: mounts left inside DIR by a run killed before its trap ran
  local target
  # /proc/mounts lists in mount order; the reverse unmounts nested ones first.
  while IFS= read -r target; do
    echo "unmounting $target, left by an earlier run"
    umount "$target" 2>/dev/null || umount -l "$target"
  done < <(awk -v d="$1/" 'index($2 "/", d) == 1 { print $2 }' /proc/mounts | tac)
}
remove_tree() { # never recurse into a tree with something still mounted in it
  has_mounts_under "$1" && die "refusing to remove $1: something is mounted inside it"
  rm -rf --one-file-system "$1"
}

in_chroot() { # in_chroot DIR COMMAND...: a clean environment, HTTPS trusting the host's CAs
  local dir=$1
  shift
  chroot "$dir" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb DEBIAN_FRONTEND=noninteractive \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt \
    NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt \
    npm_config_cafile=/etc/ssl/certs/ca-certificates.crt \
    ${http_proxy:+http_proxy=$http_proxy} ${https_proxy:+https_proxy=$https_proxy} \
    ${no_proxy:+no_proxy=$no_proxy} "$@"
}

debootstrap_complete() { # debootstrap deletes DIR/debootstrap as its very last step
  [ -x "$1/usr/bin/apt-get" ] && [ ! -e "$1/debootstrap" ]
}

create_base() { # create_base DIR: a minimal trixie in DIR (reusing a finished debootstrap there)
  local dir=$1
  if [ -d "$dir" ] && debootstrap_complete "$dir"; then
    echo "reusing the finished debootstrap in $dir"
    return
  fi
  [ -e "$dir" ] && remove_tree "$dir"
  debootstrap --variant=minbase trixie "$dir" "$mirror" >"$dir.log" 2>&1 ||
    { tail -n 30 "$dir.log" >&2; die "debootstrap failed (log: $dir.log)"; }
  debootstrap_complete "$dir" || die "debootstrap left $dir incomplete"
}

install_packages() { # install_packages DIR: the build and test dependencies, and the host's CAs
  local dir=$1
  printf '%s\n' "$sources" >"$dir/etc/apt/sources.list"
  mkdir -p "$dir/usr/local/share/ca-certificates" "$dir/etc/ssl/certs"
  if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
    cp -L /usr/local/share/ca-certificates/*.crt "$dir/usr/local/share/ca-certificates/"
  fi
  # The host's bundle lets apt and npm use HTTPS even before ca-certificates is installed.
  cp -L /etc/ssl/certs/ca-certificates.crt "$dir/etc/ssl/certs/ca-certificates.crt"
  # Daemons must not start inside the chroot while packages install.
  printf '#!/bin/sh\nexit 101\n' >"$dir/usr/sbin/policy-rc.d"
  chmod 755 "$dir/usr/sbin/policy-rc.d"

  cp -L /etc/resolv.conf "$dir/etc/resolv.conf"
  rm -f "$dir/$stamp_name"
  mount_system "$dir"
  in_chroot "$dir" apt-get update -qq
  local p missing=()
  for p in "${packages[@]}"; do
    [[ $(in_chroot "$dir" apt-cache policy "$p") == *"Candidate: "[!\(]* ]] || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] || die "not in trixie: ${missing[*]}"
  in_chroot "$dir" apt-get install -y -qq --no-install-recommends "${packages[@]}" >"$dir.apt.log" 2>&1 ||
    { tail -n 30 "$dir.apt.log" >&2; die "apt-get install failed (log: $dir.apt.log)"; }
  in_chroot "$dir" apt-get clean
  # Rebuilds the bundle from Debian's CAs plus the host's extra ones in /usr/local/share.
  in_chroot "$dir" update-ca-certificates >/dev/null
  unmount_all
  echo "$stamp" >"$dir/$stamp_name"
}

# Holding the lock, nothing else uses the chroot: whatever is still mounted in it is stale.
unmount_stale "$root"
unmount_stale "$root.tmp"

total_start=$SECONDS
section "Debian 13 chroot: $root"
if [ -d "$root" ] && [ -f "$root/$stamp_name" ] && [ "$(cat "$root/$stamp_name")" = "$stamp" ]; then
  echo "up to date (stamp $stamp)"
elif [ -d "$root" ] && debootstrap_complete "$root"; then
  # A complete chroot whose package list changed: bring it up to date in place; the stamp is
  # written only once that succeeded.
  timed "install packages (package list changed)" install_packages "$root"
else
  [ -e "$root" ] && remove_tree "$root"
  timed "debootstrap trixie" create_base "$root.tmp"
  timed "install packages" install_packages "$root.tmp"
  mv "$root.tmp" "$root"
fi

cp -L /etc/resolv.conf "$root/etc/resolv.conf" # the tests' npm installs need names resolved
mount_system "$root"
mount_ro "$src" "$root/src"
if [ -n "$shared" ]; then
  mount_ro "$shared" "$root/shared"
else
  echo "warning: no ../shared beside $src; tests needing the corpus will skip or fail" >&2
fi

build() {
  in_chroot "$root" bash -c '
    set -euo pipefail
    echo "Qt: $(dpkg-query -W -f="\${Version}" qt6-base-dev)"
    cmake -S /src -B /build-trixie -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSONDE_WERROR=ON \
      >/build-trixie.configure.log 2>&1 || { cat /build-trixie.configure.log; exit 1; }
    grep -E "Highlighting backend|QScintilla:" /build-trixie.configure.log || true
    if grep -q "^KF6SyntaxHighlighting_DIR:PATH=.*NOTFOUND" /build-trixie/CMakeCache.txt; then
      echo "KF6SyntaxHighlighting: NOT found"
    else
      echo "KF6SyntaxHighlighting: found"
    fi
    CCACHE_DIR=/var/cache/ccache cmake --build /build-trixie -- -k 0
    CCACHE_DIR=/var/cache/ccache ccache --show-stats 2>/dev/null | grep -iE "hits|misses" || true'
}
run_tests() { # a fresh HOME on the per-run /tmp: no state carried over from an earlier run
  mkdir -p "$root/tmp/home"
  in_chroot "$root" env HOME=/tmp/home QT_QPA_PLATFORM=offscreen SONDE_CORPUS=/shared/corpus \
    CI="${CI:-}" ctest --test-dir /build-trixie --output-on-failure --no-tests=error --timeout 300
}
timed "configure and build (Debian 13)" build
timed "test (Debian 13)" run_tests
printf '\n==== Debian 13 stage passed in %ds ====\n' $((SECONDS - total_start))
