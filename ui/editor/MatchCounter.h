#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>

namespace Sonde {

/// Where a search pattern matches in a text, for "3 of 17" in a find bar.
struct MatchPositions
{
    /// Byte offsets (Scintilla positions) of the first matches, in order.
    QList<qint64> starts;
    /// More matches exist than `starts` holds.
    bool capped = false;
    /// The pattern is not a valid regular expression.
    bool invalid = false;
    bool cancelled = false;
};

/// Finds where `pattern` matches in UTF-8 `text`, stopping after `cap` matches. Plain patterns are
/// matched byte-wise (ignoring ASCII case unless `caseSensitive`); regular expressions with
/// QRegularExpression, line by line as Scintilla does (^ and $ anchor lines). Runs in a worker thread; polls `cancel` as it goes.
MatchPositions findMatchPositions(const QByteArray &text, const QString &pattern, bool caseSensitive,
                                  bool regularExpression, qsizetype cap, const std::atomic_bool *cancel = nullptr);

} // namespace Sonde
