#pragma once

#include "formats/ImportResult.h"

#include <QJsonObject>

/// The JSON form of an import, printed by `sonde-cli import` (shape documented in docs/cli.md): the
/// collection's folders and requests (method, url, headers, body, auth, settings, example) and the
/// warnings. Stable: scripts read it.
namespace Sonde::ImportJson {

QJsonObject toJson(const ImportResult &result);

/// One request; `example` (may be null) is written with the shape of `sonde-cli send --json`.
QJsonObject requestToJson(const Request &request, const Exchange *example);

/// The request's auth: its own settings when it has some ({"type": "basic", "user", "password"},
/// {"type": "bearer", "token"}, {"type": "digest"|"ntlm", …}, …, see docs/cli.md); else what its
/// Authorization header holds ({"type": "basic"|"bearer", …} or {"type": "other", "scheme"}); else null.
QJsonValue authToJson(const Request &request);

} // namespace Sonde::ImportJson
