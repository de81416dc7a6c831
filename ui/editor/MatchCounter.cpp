#include "editor/MatchCounter.h"

#include <QByteArrayMatcher>
#include <QRegularExpression>

namespace Sonde {

namespace {

bool isCancelled(const std::atomic_bool *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

/// The UTF-8 length of UTF-16 text (a surrogate pair counts 2 + 2).
qint64 utf8Length(QStringView text)
{
    qint64 length = 0;
    for (const QChar c : text) {
        const char16_t unit = c.unicode();
        length += unit < 0x80 ? 1 : unit < 0x800 ? 2 : QChar::isSurrogate(unit) ? 2 : 3;
    }
    return length;
}

/// Plain patterns are looked for a slice at a time: cancellation is noticed between slices, and a
/// case-insensitive search lowers one slice, not a copy of the whole text.
constexpr qsizetype SliceBytes = 4 * 1024 * 1024;

MatchPositions findPlain(const QByteArray &text, const QString &pattern, bool caseSensitive, qsizetype cap,
    const std::atomic_bool *cancel)
{
    MatchPositions result;
    const QByteArray needle = caseSensitive ? pattern.toUtf8() : pattern.toUtf8().toLower();
    const QByteArrayMatcher matcher(needle);
    const qsizetype step = std::max<qsizetype>(1, needle.size());
    qsizetype from = 0; // where the next match may start: matches do not overlap
    for (qsizetype sliceStart = 0; sliceStart < text.size(); sliceStart += SliceBytes) {
        if (isCancelled(cancel)) {
            result.cancelled = true;
            return result;
        }
        // The slice, and as far beyond it as a match starting in it reaches.
        const qsizetype sliceEnd = std::min(text.size(), sliceStart + SliceBytes + needle.size() - 1);
        QByteArray lowered;
        const char *data = text.constData() + sliceStart;
        if (!caseSensitive) {
            lowered = QByteArray(data, sliceEnd - sliceStart).toLower();
            data = lowered.constData();
        }
        qsizetype at = std::max<qsizetype>(from - sliceStart, 0);
        while (true) {
            const qsizetype found = matcher.indexIn(data, sliceEnd - sliceStart, at);
            if (found < 0 || found >= SliceBytes)
                break; // a match starting after the slice is the next slice's
            if (result.starts.size() == cap) {
                result.capped = true;
                return result;
            }
            result.starts.append(sliceStart + found);
            from = sliceStart + found + step;
            at = found + step;
        }
    }
    return result;
}

MatchPositions findRegularExpression(const QByteArray &text, const QString &pattern, bool caseSensitive,
    qsizetype cap, const std::atomic_bool *cancel)
{
    MatchPositions result;
    // Scintilla matches line by line: ^ and $ are line anchors there.
    QRegularExpression::PatternOptions options = QRegularExpression::MultilineOption;
    if (!caseSensitive)
        options |= QRegularExpression::CaseInsensitiveOption;
    const QRegularExpression expression(pattern, options);
    if (!expression.isValid()) {
        result.invalid = true;
        return result;
    }
    const QString string = QString::fromUtf8(text);
    qint64 bytes = 0;
    qsizetype counted = 0; // UTF-16 units whose UTF-8 length is in `bytes`
    QRegularExpressionMatchIterator it = expression.globalMatch(string);
    while (it.hasNext()) {
        if ((result.starts.size() & 0xFF) == 0 && isCancelled(cancel)) {
            result.cancelled = true;
            return result;
        }
        const QRegularExpressionMatch match = it.next();
        if (match.capturedLength() == 0)
            continue; // an empty match is not something to step to
        if (result.starts.size() == cap) {
            result.capped = true;
            break;
        }
        bytes += utf8Length(QStringView(string).sliced(counted, match.capturedStart() - counted));
        counted = match.capturedStart();
        result.starts.append(bytes);
    }
    return result;
}

} // namespace

MatchPositions findMatchPositions(const QByteArray &text, const QString &pattern, bool caseSensitive,
    bool regularExpression, qsizetype cap, const std::atomic_bool *cancel)
{
    if (pattern.isEmpty() || text.isEmpty())
        return {};
    return regularExpression ? findRegularExpression(text, pattern, caseSensitive, cap, cancel)
                             : findPlain(text, pattern, caseSensitive, cap, cancel);
}

} // namespace Sonde
