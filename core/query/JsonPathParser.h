#pragma once

#include "JsonPathAst.h"

#include <QString>
#include <QStringView>
#include <optional>

namespace Sonde {

/// Parses a JSONPath query (RFC 9535 §2) into its syntax tree and checks it is well-typed
/// (§2.4.3). On failure returns std::nullopt and sets `error` to a message naming the offset of
/// the problem in the query ("Unexpected ']' at offset 7"). Internal to core/query.
std::optional<JsonPathAst::Query> parseJsonPath(QStringView text, QString *error);

} // namespace Sonde
