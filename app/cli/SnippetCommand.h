#pragma once

#include <QStringList>

/// `sonde-cli snippet --target NAME --workspace DIR PATH [--resolve [--env NAME]]`: prints the saved
/// request PATH (COLLECTION/FOLDER…/REQUEST) as a code snippet for NAME, with its folders' headers and
/// inherited auth; `{{variables}}` stay as written unless --resolve. `--list-targets` prints the
/// targets. Returns 0, 1 when PATH names no request, 2 on a usage error, 3 when the workspace cannot be
/// loaded.
int runSnippetCommand(const QStringList &arguments);
