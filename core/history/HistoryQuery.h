#pragma once

#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QVariantList>

namespace Sonde {

/// What to look for in history. Every field that is set narrows the result; an empty filter lists
/// everything, newest first. `HistoryFilter {text}` searches for text alone.
struct HistoryFilter
{
    /// Words to find, all of them, in the URL, method, status, headers or textual bodies. The last word,
    /// when it has three characters or more, also finds longer ones, as you type ("user" finds "users").
    /// A word with punctuation ("api.example.com", "a/b") is found as written, its parts next to each other.
    QString text {};
    /// Status classes: 1–5 for 1xx–5xx; 0 for exchanges that got no response (transport errors).
    QList<int> statusClasses {};
    /// Exact status codes. An entry matches when it is in one of the classes or has one of the codes.
    QList<int> statuses {};
    /// Methods, compared without regard to case.
    QStringList methods {};
    /// A host: matches it and its subdomains ("example.com" finds "api.example.com").
    QString host {};
    /// Start time range, inclusive; an invalid QDateTime leaves that side open.
    QDateTime from {};
    QDateTime to {};
    int limit = 100;
    int offset = 0;

    friend bool operator==(const HistoryFilter &, const HistoryFilter &) = default;
};

/// The SQL of a history search, built from a filter. Used by HistoryStore.
namespace HistoryQuery {

/// The FTS5 query for `text`: each whitespace-separated word a quoted phrase, all required; the last
/// one with a prefix star when its last part has three characters or more (shorter prefixes match too
/// many words to be quick). Empty when the text has no word.
QString matchExpression(const QString &text);

/// The tables to read (`e` is the exchanges), the WHERE clause with its values to bind in order, and
/// the order, newest first.
struct Condition
{
    QString from;
    QString sql;
    QVariantList values;
    QString order;
};

/// The condition for every field of `filter` but limit and offset. With `fullText` the text is looked
/// up in the FTS5 index, which then drives the query newest first, so a page of results costs about a
/// page of lookups however common the words are; without it, with LIKE in URLs, methods, statuses and
/// headers only.
Condition condition(const HistoryFilter &filter, bool fullText);

} // namespace HistoryQuery
} // namespace Sonde
