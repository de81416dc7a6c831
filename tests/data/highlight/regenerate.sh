#!/usr/bin/env bash
# Writes tests/data/highlight/reference anew from tst_highlighting, for every backend of the build
# given (default build/dev). Look at the diff before committing: it is the highlighting users see.
# The KSyntaxHighlighting references need a build with KF6 SyntaxHighlighting (Debian 13).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=${1:-$here/../../../build/dev}
SONDE_TEST_DATA="$here/.." SONDE_GOLDEN_OUT="$here/reference" QT_QPA_PLATFORM=offscreen \
  "$build/tests/ui/tst_highlighting" goldenRuns
