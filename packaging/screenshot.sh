#!/usr/bin/env bash
# Takes a screenshot of a GUI program on a virtual X screen (Xvfb), for docs/screenshot.png.
#
#   packaging/screenshot.sh OUT.png SECONDS COMMAND [ARGS...]
#   e.g. packaging/screenshot.sh docs/screenshot.png 5 build/dev/app/sonde/sonde
#
# Starts COMMAND on a 1400x900 screen, waits SECONDS, grabs the whole screen as a PNG and ends
# COMMAND. Fails when COMMAND exits before the grab or the result is not a PNG.
# Needs xvfb, xauth, x11-apps (xwd) and imagemagick: packaging/install-deps.sh installs them.
set -euo pipefail

if [ $# -lt 3 ]; then
  echo "usage: $0 OUT.png SECONDS COMMAND [ARGS...]" >&2
  exit 2
fi
out=$1 wait=$2
shift 2
[[ $wait =~ ^[0-9]+([.][0-9]+)?$ ]] || { echo "screenshot: SECONDS must be a number: $wait" >&2; exit 2; }
# ImageMagick 6 as Debian ships it; named by path so no other 'convert' earlier in PATH is used.
convert=/usr/bin/convert
for tool in xvfb-run xwd "$convert"; do
  command -v "$tool" >/dev/null || { echo "screenshot: $tool is missing: run packaging/install-deps.sh" >&2; exit 1; }
done
mkdir -p "$(dirname "$out")"
out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")

# Runs on the virtual screen: the program in the background, then the grab.
grab='
  out=$1 wait=$2
  shift 2
  "$@" &
  pid=$!
  sleep "$wait"
  if ! kill -0 "$pid" 2>/dev/null; then
    wait "$pid" && rc=0 || rc=$?
    echo "screenshot: the program exited (status $rc) before the grab" >&2
    exit 1
  fi
  xwd -root -silent | "'$convert'" xwd:- png:"$out"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
'
# The real X server, not a platform plugin that draws nowhere.
unset QT_QPA_PLATFORM
xvfb-run -a -s '-screen 0 1400x900x24' bash -c "$grab" screenshot "$out" "$wait" "$@"

if ! head -c 8 "$out" | cmp -s - <(printf '\x89PNG\r\n\x1a\n'); then
  echo "screenshot: $out is not a PNG" >&2
  exit 1
fi
echo "screenshot: $out: $(identify -format '%wx%h' "$out" 2>/dev/null || echo PNG)"
