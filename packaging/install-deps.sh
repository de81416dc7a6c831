#!/usr/bin/env bash
# Installs every Debian package Sonde needs to build, run and test.
# Idempotent: when everything is present it prints nothing and exits 0.
# Runs apt-get through sudo when not root (desktop users are not root).
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build pkg-config git ccache
  # Qt 6 and the libraries Sonde links
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-svg-dev qt6-image-formats-plugins
  libqscintilla2-qt6-dev libyaml-cpp-dev qtkeychain-qt6-dev libxml2-dev zlib1g-dev libgl-dev libssl-dev
  # running the GUI headless, screenshots, desktop-file checks
  xvfb xauth x11-apps imagemagick desktop-file-utils appstream
  # tests: certificates, keychain (Secret Service), OpenID provider, chroot stage
  openssl ca-certificates dbus dbus-x11 gnome-keyring libsecret-tools nodejs npm debootstrap
  # tests that run code snippets against the echo server (each is skipped when its tool is missing)
  curl wget python3 python3-requests default-jdk-headless
  # the Postman export's JSON Schema check (tst_conformance_postmanexport; skipped without it)
  python3-jsonschema
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
# nodejs from another repository may ship npm itself and conflict with Debian's npm package.
if [[ " ${missing[*]} " == *" npm "* ]] && command -v npm >/dev/null 2>&1; then
  missing=("${missing[@]/npm}")
fi
read -r -a missing <<<"${missing[*]}"
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=()
[ "$(id -u)" -ne 0 ] && sudo=(sudo)
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
