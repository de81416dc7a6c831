#include "model/QueryParams.h"

namespace Sonde::QueryParams {

namespace {

struct UrlParts
{
    QString base;     // everything before '?'
    QString query;    // between '?' and '#', without them
    QString fragment; // from '#' on, with it
    bool hasQuery = false;
};

UrlParts split(const QString &url)
{
    UrlParts parts;
    qsizetype hash = url.indexOf(u'#');
    const QString beforeFragment = hash < 0 ? url : url.left(hash);
    if (hash >= 0)
        parts.fragment = url.mid(hash);
    const qsizetype question = beforeFragment.indexOf(u'?');
    if (question < 0) {
        parts.base = beforeFragment;
    } else {
        parts.base = beforeFragment.left(question);
        parts.query = beforeFragment.mid(question + 1);
        parts.hasQuery = true;
    }
    return parts;
}

} // namespace

KeyValueList parse(const QString &url)
{
    KeyValueList params;
    const UrlParts parts = split(url);
    if (!parts.hasQuery || parts.query.isEmpty())
        return params;
    const QStringList pairs = parts.query.split(u'&');
    for (const QString &pair : pairs) {
        const qsizetype equals = pair.indexOf(u'=');
        if (equals < 0)
            params.append({pair, QString(), true});
        else
            params.append({pair.left(equals), pair.mid(equals + 1), true});
    }
    // "a=1&" leaves one empty trailing pair while the user types: keep it so the row appears.
    return params;
}

QString applyToUrl(const QString &url, const KeyValueList &params)
{
    UrlParts parts = split(url);
    QStringList pairs;
    for (const KeyValue &param : params) {
        if (!param.enabled)
            continue;
        if (param.key.isEmpty() && param.value.isEmpty()) {
            continue;
        }
        pairs.append(param.value.isEmpty() ? param.key : param.key + u'=' + param.value);
    }
    QString result = parts.base;
    if (!pairs.isEmpty())
        result += u'?' + pairs.join(u'&');
    return result + parts.fragment;
}

KeyValueList mergeFromUrl(const KeyValueList &previous, const QString &url)
{
    const KeyValueList enabled = parse(url);
    KeyValueList merged;
    merged.reserve(enabled.size() + previous.size());
    // Walk the previous table: each disabled row stays after the enabled row that preceded it.
    qsizetype enabledIndex = 0;
    for (const KeyValue &row : previous) {
        if (row.enabled) {
            if (enabledIndex < enabled.size())
                merged.append(enabled.at(enabledIndex++));
        } else {
            merged.append(row);
        }
    }
    while (enabledIndex < enabled.size())
        merged.append(enabled.at(enabledIndex++));
    return merged;
}

} // namespace Sonde::QueryParams
