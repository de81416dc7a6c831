#!/bin/sh
# Rewrites tests/data/snippets/<target>/<case>.<ext> (the golden files of tst_snippets) with the current
# code snippet generators, then shows what changed. Review the diff before committing: a changed golden
# file is a changed snippet.
#
# Usage: tests/data/snippets/regenerate.sh [build-dir]     (default: build/dev)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
build=${1:-$root/build/dev}

cmake --build "$build" --target tst_snippets
SONDE_REGENERATE=1 "$build/tests/core/tst_snippets" golden
git -C "$root" status --short -- tests/data/snippets
git -C "$root" diff --stat -- tests/data/snippets
