#include "model/PathParams.h"

#include <QRegularExpression>

namespace Sonde::PathParams {

namespace {

struct Segment
{
    qsizetype start = 0; // of the ':'
    qsizetype length = 0;
    QString name;
};

/// Where the path of `url` starts: after the scheme and the authority, skipping over {{variables}},
/// which may hold either (`{{baseUrl}}/users/:id`).
qsizetype pathStart(const QString &url)
{
    static const QRegularExpression scheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*://"));
    const QRegularExpressionMatch match = scheme.match(url);
    qsizetype i = match.hasMatch() ? match.capturedEnd() : 0;
    while (i < url.size()) {
        const QChar c = url.at(i);
        if (c == u'/' || c == u'?' || c == u'#')
            break;
        if (c == u'{' && url.mid(i, 2) == u"{{") {
            const qsizetype close = url.indexOf(QStringLiteral("}}"), i + 2);
            i = close < 0 ? url.size() : close + 2;
            continue;
        }
        ++i;
    }
    return i;
}

bool isNameChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_' || c == u'-';
}

QList<Segment> segments(const QString &url)
{
    QList<Segment> found;
    qsizetype i = pathStart(url);
    qsizetype end = i;
    while (end < url.size() && url.at(end) != u'?' && url.at(end) != u'#')
        ++end;
    while (i < end) {
        // i is at a '/'
        qsizetype next = url.indexOf(u'/', i + 1);
        if (next < 0 || next > end)
            next = end;
        const qsizetype start = i + 1;
        if (start < next && url.at(start) == u':' && next - start > 1) {
            const QString name = url.mid(start + 1, next - start - 1);
            if (std::all_of(name.cbegin(), name.cend(), isNameChar))
                found.append({start, next - start, name});
        }
        i = next;
    }
    return found;
}

} // namespace

QStringList names(const QString &url)
{
    QStringList result;
    for (const Segment &segment : segments(url)) {
        if (!result.contains(segment.name))
            result.append(segment.name);
    }
    return result;
}

KeyValueList mergeFromUrl(const KeyValueList &previous, const QString &url)
{
    KeyValueList rows;
    for (const QString &name : names(url)) {
        KeyValue row {name, QString()};
        for (const KeyValue &old : previous) {
            if (old.key == name) {
                row.value = old.value;
                row.enabled = old.enabled;
                break;
            }
        }
        rows.append(row);
    }
    return rows;
}

QString encodeSegment(const QString &value)
{
    if (value == u"." || value == u"..")
        return QString(value).replace(u'.', QStringLiteral("%2E"));
    return QString::fromLatin1(value.toUtf8().toPercentEncoding());
}

QString substitute(const QString &url, const KeyValueList &params)
{
    const QList<Segment> found = segments(url);
    if (found.isEmpty())
        return url;
    QString result;
    qsizetype last = 0;
    for (const Segment &segment : found) {
        const auto row = std::find_if(params.cbegin(), params.cend(), [&segment](const KeyValue &kv) {
            return kv.enabled && !kv.value.isEmpty() && kv.key == segment.name;
        });
        if (row == params.cend())
            continue;
        result += QStringView(url).mid(last, segment.start - last);
        result += encodeSegment(row->value);
        last = segment.start + segment.length;
    }
    result += QStringView(url).mid(last);
    return result;
}

} // namespace Sonde::PathParams
