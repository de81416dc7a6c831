#!/bin/sh
# Rewrites tests/data/format/reference/* from tests/data/format/input/* with the current JSON, XML and HTML
# formatters (the golden files of tst_formatters), then shows what changed. Review the diff before
# committing: a changed reference is a changed behaviour.
#
# Usage: tests/data/format/regenerate.sh [build-dir]     (default: build/dev)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
build=${1:-$root/build/dev}

cmake --build "$build" --target tst_formatters
SONDE_REGENERATE=1 "$build/tests/core/tst_formatters" goldenJson goldenXml goldenHtml
git -C "$root" status --short -- tests/data/format/reference
git -C "$root" diff --stat -- tests/data/format/reference
