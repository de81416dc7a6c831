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

/// What the request's Authorization header holds, or null: {"type": "basic", "user", "password"},
/// {"type": "bearer", "token"}, or {"type": "other", "scheme"}.
QJsonValue authToJson(const KeyValueList &headers);

} // namespace Sonde::ImportJson
