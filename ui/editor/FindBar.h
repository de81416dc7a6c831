#pragma once

#include "editor/MatchCounter.h"

#include <QFuture>
#include <QWidget>
#include <atomic>
#include <memory>
#include <optional>
#include <utility>

class QLabel;
class QLineEdit;
class QToolButton;

namespace Sonde {

class CodeEditor;

/// A small find bar for a CodeEditor: the text to find, previous/next, "3 of 17", case-sensitive
/// and regular-expression toggles.
///
/// Enter and F3 go to the next match, Shift+Enter and Shift+F3 to the previous one (both wrap), Esc
/// closes the bar and gives the focus back to the editor. Matches are counted in a worker over a
/// copy of the text, up to 10,000 ("10,000+" beyond).
class FindBar : public QWidget
{
    Q_OBJECT

public:
    static constexpr qsizetype CountCap = 10000;
    /// Above this many bytes of text, find goes by the positions counted in the worker rather than
    /// by Scintilla's search on the UI thread.
    static constexpr qint64 LargeTextBytes = 4 * 1024 * 1024;

    explicit FindBar(CodeEditor *editor, QWidget *parent = nullptr);
    ~FindBar() override;

    /// Shows the bar with the focus in its field, taking a one-line selection as the text to find.
    void open();
    /// Hides the bar and gives the focus back to the editor.
    void close();

    void findNext();
    void findPrevious();

    void setCaseSensitive(bool caseSensitive);
    void setRegularExpression(bool regularExpression);

    /// "3 of 17", "17 matches", "No matches", "10,000+ matches"; empty while counting.
    QString countText() const;
    QLineEdit *lineEdit() const { return m_edit; }

Q_SIGNALS:
    /// The count or the current match changed (countText() is up to date).
    void countChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void find(bool forward, bool fromSelectionStart);
    /// Selects the next or previous counted match; false when it lies beyond the matches counted.
    bool findCounted(bool forward, bool fromSelectionStart);
    void recount();
    void cancelCount();
    void updateCountText();

    CodeEditor *m_editor;
    QLineEdit *m_edit;
    QToolButton *m_previous;
    QToolButton *m_next;
    QToolButton *m_caseSensitive;
    QToolButton *m_regularExpression;
    QLabel *m_count;
    QList<qint64> m_starts;
    bool m_capped = false;
    bool m_invalid = false;
    bool m_counted = false;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic_bool> m_cancel;
    /// A find asked for while the matches of a large text are being counted: (forward, fromSelectionStart).
    std::optional<std::pair<bool, bool>> m_pendingFind;
    QFuture<MatchPositions> m_countFuture;
    bool m_countReadsInPlace = false;
};

} // namespace Sonde
