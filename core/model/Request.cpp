#include "model/Request.h"

#include <QStringList>

namespace Sonde {

QStringList standardMethods()
{
    return {QStringLiteral("GET"),    QStringLiteral("POST"), QStringLiteral("PUT"),
            QStringLiteral("PATCH"),  QStringLiteral("DELETE"), QStringLiteral("HEAD"),
            QStringLiteral("OPTIONS")};
}

bool isValidMethod(const QString &method)
{
    if (method.isEmpty())
        return false;
    // RFC 9110 §5.6.2: token = 1*tchar
    static const QString specials = QStringLiteral("!#$%&'*+-.^_`|~");
    for (const QChar c : method) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            || specials.contains(c);
        if (!ok)
            return false;
    }
    return true;
}

} // namespace Sonde
