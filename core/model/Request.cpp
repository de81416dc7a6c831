#include "model/Request.h"

#include <QStringList>

#include <algorithm>

namespace Sonde {

QStringList standardMethods()
{
    return {QStringLiteral("GET"),    QStringLiteral("POST"), QStringLiteral("PUT"),
            QStringLiteral("PATCH"),  QStringLiteral("DELETE"), QStringLiteral("HEAD"),
            QStringLiteral("OPTIONS")};
}

namespace {

bool isTokenChar(QChar c)
{
    static const QString specials = QStringLiteral("!#$%&'*+-.^_`|~");
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || specials.contains(c);
}

} // namespace

QString headerProblem(const KeyValueList &headers)
{
    for (const KeyValue &header : headers) {
        if (!header.enabled || header.key.trimmed().isEmpty())
            continue;
        const QString name = header.key.trimmed();
        if (!std::all_of(name.cbegin(), name.cend(), isTokenChar))
            return QStringLiteral("The header name “%1” is not valid: names are letters, digits and !#$%&'*+-.^_`|~ only.")
                .arg(name);
        // RFC 9110 §5.5: field values may not hold CR, LF or NUL (no header injection).
        for (const QChar c : header.value) {
            if (c == u'\r' || c == u'\n' || c == u'\0' || (c.unicode() < 0x20 && c != u'\t') || c.unicode() == 0x7f)
                return QStringLiteral("The value of the header “%1” holds a line break or another control character, "
                                      "which cannot be sent.")
                    .arg(name);
        }
    }
    return {};
}

bool isValidMethod(const QString &method)
{
    if (method.isEmpty())
        return false;
    // RFC 9110 §5.6.2: token = 1*tchar
    return std::all_of(method.cbegin(), method.cend(), isTokenChar);
}

} // namespace Sonde
