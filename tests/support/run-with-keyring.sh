#!/bin/sh
# Runs a command inside a private D-Bus session with a fresh, unlocked GNOME Keyring providing the
# Secret Service, so keychain tests use the real thing and never touch the user's own keyring.
set -eu
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "run-with-keyring: dbus-run-session and gnome-keyring-daemon are needed (packaging/install-deps.sh installs them)" >&2
  exit 1
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" XDG_CACHE_HOME="$scratch/cache"
export XDG_RUNTIME_DIR="$scratch/runtime"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
exec dbus-run-session -- sh -c '
  printf "sonde-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"' run-with-keyring "$@"
