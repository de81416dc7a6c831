#pragma once

#include <QStringList>

/// `sonde-cli jwt decode [--json] TOKEN` (TOKEN `-` reads standard input): prints the header and claims
/// of a JWT and its exp/nbf/iat as UTC dates with the time left. Exit 0, 1 when the token is not a JWT,
/// 2 on a usage error.
int runJwtCommand(const QStringList &arguments);
