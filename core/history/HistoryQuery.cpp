#include "history/HistoryQuery.h"

#include <QRegularExpression>
#include <algorithm>

namespace Sonde::HistoryQuery {

namespace {

QStringList words(const QString &text)
{
    return text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
}

/// `text` with LIKE's wildcards escaped by `\`.
QString escapeLike(QString text)
{
    return text.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
}

} // namespace

QString matchExpression(const QString &text)
{
    QStringList terms;
    QStringList searched = words(text);
    // A word with no letter or digit would be an empty phrase, which FTS5 refuses.
    searched.removeIf([](const QString &word) {
        return std::none_of(word.cbegin(), word.cend(), [](QChar c) { return c.isLetterOrNumber(); });
    });
    for (qsizetype index = 0; index < searched.size(); ++index) {
        QString word = searched.at(index);
        // Only the last word is a prefix: FTS5 reads every match of a prefix before the first result,
        // an exact word only up to the page asked for.
        qsizetype lastPart = 0;
        for (qsizetype i = word.size() - 1; i >= 0 && word.at(i).isLetterOrNumber(); --i)
            ++lastPart;
        const bool prefix = index == searched.size() - 1 && lastPart >= 3;
        word.replace(u'"', QStringLiteral("\"\""));
        terms.append(u'"' + word + (prefix ? QStringLiteral("\"*") : QStringLiteral("\"")));
    }
    return terms.join(QStringLiteral(" AND "));
}

Condition condition(const HistoryFilter &filter, bool fullText)
{
    QStringList parts;
    Condition result {QStringLiteral("exchanges e"), {}, {}, QStringLiteral("e.id DESC")};

    if (fullText) {
        const QString match = matchExpression(filter.text);
        if (!match.isEmpty()) {
            // The index leads, newest first, and the query stops after a page.
            result.from = QStringLiteral("exchange_fts f JOIN exchanges e ON e.id = f.rowid");
            result.order = QStringLiteral("f.rowid DESC");
            parts.append(QStringLiteral("exchange_fts MATCH ?"));
            result.values.append(match);
        } else if (!words(filter.text).isEmpty()) {
            parts.append(QStringLiteral("0")); // only punctuation: nothing can match it
        }
    } else {
        // Bodies may be compressed: without the index they are not searched.
        for (const QString &word : words(filter.text)) {
            parts.append(QStringLiteral(
                "(e.url LIKE ? ESCAPE '\\' OR e.method LIKE ? ESCAPE '\\' OR CAST(e.status AS TEXT) LIKE ?"
                " ESCAPE '\\' OR e.error_message LIKE ? ESCAPE '\\' OR e.id IN (SELECT d.id FROM exchange_data d"
                " WHERE d.request_headers LIKE ? ESCAPE '\\' OR d.response_headers LIKE ? ESCAPE '\\'))"));
            const QString pattern = u'%' + escapeLike(word) + u'%';
            for (int i = 0; i < 6; ++i)
                result.values.append(pattern);
        }
    }

    QStringList statusParts;
    for (int statusClass : filter.statusClasses) {
        if (statusClass == 0) {
            statusParts.append(QStringLiteral("e.status = 0"));
        } else {
            statusParts.append(QStringLiteral("(e.status >= ? AND e.status < ?)"));
            result.values << statusClass * 100 << (statusClass + 1) * 100;
        }
    }
    for (int status : filter.statuses) {
        statusParts.append(QStringLiteral("e.status = ?"));
        result.values << status;
    }
    if (!statusParts.isEmpty())
        parts.append(u'(' + statusParts.join(QStringLiteral(" OR ")) + u')');

    if (!filter.methods.isEmpty()) {
        QStringList marks;
        for (const QString &method : filter.methods) {
            marks.append(QStringLiteral("?"));
            result.values << method.trimmed().toUpper();
        }
        parts.append(QStringLiteral("upper(e.method) IN (") + marks.join(u',') + u')');
    }
    if (const QString host = filter.host.trimmed().toLower(); !host.isEmpty()) {
        parts.append(QStringLiteral("(e.host = ? OR e.host LIKE ? ESCAPE '\\')"));
        result.values << host << QString(QStringLiteral("%.") + escapeLike(host));
    }
    if (filter.from.isValid()) {
        parts.append(QStringLiteral("e.started_at >= ?"));
        result.values << filter.from.toMSecsSinceEpoch();
    }
    if (filter.to.isValid()) {
        parts.append(QStringLiteral("e.started_at <= ?"));
        result.values << filter.to.toMSecsSinceEpoch();
    }
    result.sql = parts.isEmpty() ? QStringLiteral("1") : parts.join(QStringLiteral(" AND "));
    return result;
}

} // namespace Sonde::HistoryQuery
