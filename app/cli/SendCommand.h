#pragma once

#include <QStringList>

/// `sonde-cli send URL [-X METHOD] [-H 'Name: value']... [-d BODY | --data-file FILE] [--timeout MS]
/// [--insecure] [--no-follow] [--json]`, or `sonde-cli send --workspace DIR [--env NAME]
/// [--var name=value]... COLLECTION/FOLDER/REQUEST` for a saved request. Returns the process exit code:
/// 0 on any HTTP response, 2 on a usage error or a request that cannot be prepared, 3 on a transport error.
int runSendCommand(const QStringList &arguments);
