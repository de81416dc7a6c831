#pragma once

#include <QString>
#include <QStringView>
#include <optional>

namespace Sonde::IRegexp {

/// How a translated I-Regexp is to be applied.
enum class Mode {
    FullMatch, ///< the whole string must match (JSONPath `match()`)
    Search, ///< some substring must match (JSONPath `search()`)
};

/// Translates an I-Regexp (RFC 9485) into a PCRE2 pattern for QRegularExpression.
///
/// The translation follows the RFC's grammar exactly: anything outside it (back-references, `\d`,
/// lazy quantifiers, lookarounds, an unpaired surrogate…) makes the result std::nullopt. `.` becomes
/// "any character except line feed and carriage return", and a FullMatch pattern is anchored at
/// both ends.
///
/// An unescaped `^` or `$` outside a character class is an assertion (start or end of the string),
/// as in the RFC's own mappings to ECMAScript and PCRE (§5.3, §5.4) and as the JSONPath compliance
/// test suite expects ("explicit caret", "explicit dollar"), although the XSD grammar reads them
/// as ordinary characters. A literal caret is written `\^`, a literal dollar `[$]`.
std::optional<QString> toPcre(QStringView pattern, Mode mode);

} // namespace Sonde::IRegexp
