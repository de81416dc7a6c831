#pragma once

#include "http/WireHeaders.h"

#include <QByteArray>

/// `text` — a header line such as "\r\nCookie: a=1\r\n", or a bare header name — with the header name
/// spelled as Qt puts it on the wire: lower case from Qt 6.8 on (see WireHeaders::qtLowercasesNames()).
inline QByteArray asSent(QByteArray text)
{
    if (!Sonde::WireHeaders::qtLowercasesNames())
        return text;
    qsizetype colon = text.indexOf(':');
    if (colon < 0)
        colon = text.size();
    const qsizetype start = text.lastIndexOf('\n', colon > 0 ? colon - 1 : 0) + 1;
    for (qsizetype i = start; i < colon; ++i)
        text[i] = char(QChar::toLower(uint(uchar(text.at(i)))));
    return text;
}
