#include "editor/FindBar.h"

#include "editor/CodeEditor.h"
#include "editor/MatchCounter.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QToolButton>
#include <QtConcurrent>
#include <algorithm>

namespace Sonde {

FindBar::FindBar(CodeEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_edit(new QLineEdit(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_caseSensitive(new QToolButton(this))
    , m_regularExpression(new QToolButton(this))
    , m_count(new QLabel(this))
{
    m_edit->setPlaceholderText(tr("Find"));
    m_edit->setClearButtonEnabled(true);
    m_edit->installEventFilter(this);
    m_previous->setArrowType(Qt::UpArrow);
    m_previous->setToolTip(tr("Previous match (Shift+F3)"));
    m_next->setArrowType(Qt::DownArrow);
    m_next->setToolTip(tr("Next match (F3)"));
    m_caseSensitive->setText(QStringLiteral("Aa"));
    m_caseSensitive->setToolTip(tr("Match case"));
    m_regularExpression->setText(QStringLiteral(".*"));
    m_regularExpression->setToolTip(tr("Regular expression"));
    for (QToolButton *button : {m_previous, m_next, m_caseSensitive, m_regularExpression})
        button->setAutoRaise(true);
    m_caseSensitive->setCheckable(true);
    m_regularExpression->setCheckable(true);
    auto *closeButton = new QToolButton(this);
    closeButton->setText(QStringLiteral("✕"));
    closeButton->setAutoRaise(true);
    closeButton->setToolTip(tr("Close (Esc)"));
    m_count->setForegroundRole(QPalette::PlaceholderText);
    m_count->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("10,000 of 10,000+")));

    connect(m_edit, &QLineEdit::textChanged, this, [this] {
        recount();
        find(true, true);
    });
    connect(m_next, &QToolButton::clicked, this, &FindBar::findNext);
    connect(m_previous, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(m_caseSensitive, &QToolButton::toggled, this, [this] {
        recount();
        find(true, true);
    });
    connect(m_regularExpression, &QToolButton::toggled, this, [this] {
        recount();
        find(true, true);
    });
    connect(closeButton, &QToolButton::clicked, this, &FindBar::close);
    // A new document: the count is stale.
    connect(m_editor, &CodeEditor::textChanged, this, [this] {
        if (isVisible())
            recount();
    });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->setSpacing(2);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_count);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(m_caseSensitive);
    layout->addWidget(m_regularExpression);
    layout->addWidget(closeButton);
    hide();
}

FindBar::~FindBar()
{
    cancelCount();
}

void FindBar::open()
{
    if (m_editor->hasSelectedText()) {
        const QString selection = m_editor->selectedText();
        if (!selection.contains(u'\n') && selection.size() < 200)
            m_edit->setText(selection);
    }
    show();
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
    recount();
}

void FindBar::close()
{
    cancelCount();
    hide();
    m_editor->setFocus(Qt::OtherFocusReason);
}

void FindBar::findNext()
{
    find(true, false);
}

void FindBar::findPrevious()
{
    find(false, false);
}

void FindBar::setCaseSensitive(bool caseSensitive)
{
    m_caseSensitive->setChecked(caseSensitive);
}

void FindBar::setRegularExpression(bool regularExpression)
{
    m_regularExpression->setChecked(regularExpression);
}

QString FindBar::countText() const
{
    return m_count->text();
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool shift = key->modifiers() & Qt::ShiftModifier;
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_F3:
            find(!shift, false);
            return true;
        case Qt::Key_Escape:
            close();
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FindBar::find(bool forward, bool fromSelectionStart)
{
    const QString pattern = m_edit->text();
    if (pattern.isEmpty()) {
        updateCountText();
        return;
    }
    if (m_editor->length() > LargeTextBytes) {
        // Scintilla would scan a large text on this thread, for seconds when the match is far or
        // missing: go by the positions the worker finds instead, once it has found them.
        if (!m_counted) {
            m_pendingFind = {forward, fromSelectionStart};
            return;
        }
        if (findCounted(forward, fromSelectionStart))
            return;
    }
    int lineFrom = 0;
    int indexFrom = 0;
    int lineTo = 0;
    int indexTo = 0;
    m_editor->getSelection(&lineFrom, &indexFrom, &lineTo, &indexTo);
    if (lineFrom < 0) {
        m_editor->getCursorPosition(&lineFrom, &indexFrom);
        lineTo = lineFrom;
        indexTo = indexFrom;
    }
    // Forward from the end of the current match (or its start while typing, so the match grows);
    // backward from its start.
    const bool fromStart = !forward || fromSelectionStart;
    const int line = fromStart ? lineFrom : lineTo;
    const int index = fromStart ? indexFrom : indexTo;
    const bool regularExpression = m_regularExpression->isChecked();
    m_editor->findFirst(pattern, regularExpression, m_caseSensitive->isChecked(), false, true, forward, line,
        index, true, false, regularExpression);
    updateCountText();
}

bool FindBar::findCounted(bool forward, bool fromSelectionStart)
{
    if (m_invalid || m_starts.isEmpty()) {
        updateCountText(); // "Invalid pattern", "No matches"
        return true;
    }
    const qint64 selectionStart = m_editor->SendScintilla(QsciScintillaBase::SCI_GETSELECTIONSTART);
    const qint64 selectionEnd = m_editor->SendScintilla(QsciScintillaBase::SCI_GETSELECTIONEND);
    qint64 target = -1;
    if (forward) {
        // From the end of the current match, or from its start while the pattern is typed.
        const qint64 from = fromSelectionStart ? selectionStart : std::max(selectionEnd, selectionStart + 1);
        const auto next = std::lower_bound(m_starts.cbegin(), m_starts.cend(), from);
        if (next != m_starts.cend())
            target = *next;
        else if (!m_capped)
            target = m_starts.first(); // wrap
    } else {
        const auto next = std::lower_bound(m_starts.cbegin(), m_starts.cend(), selectionStart);
        if (next != m_starts.cbegin())
            target = *std::prev(next);
        else if (!m_capped)
            target = m_starts.last(); // wrap
    }
    if (target < 0)
        return false; // beyond the matches counted: Scintilla searches
    int line = 0;
    int index = 0;
    m_editor->lineIndexFromPosition(int(target), &line, &index);
    // The match starts right there: Scintilla finds it without scanning.
    const bool regularExpression = m_regularExpression->isChecked();
    m_editor->findFirst(m_edit->text(), regularExpression, m_caseSensitive->isChecked(), false, false, true,
        line, index, true, false, regularExpression);
    updateCountText();
    return true;
}

void FindBar::recount()
{
    cancelCount();
    m_pendingFind.reset();
    m_starts.clear();
    m_counted = false;
    m_capped = false;
    m_invalid = false;
    const QString pattern = m_edit->text();
    if (pattern.isEmpty()) {
        updateCountText();
        return;
    }
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const quint64 generation = ++m_generation;
    auto *watcher = new QFutureWatcher<MatchPositions>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_generation)
            m_countFuture = {}; // finished; its result is taken below
        MatchPositions positions = watcher->future().takeResult();
        if (generation != m_generation || positions.cancelled)
            return;
        m_cancel.reset();
        m_starts = std::move(positions.starts);
        m_capped = positions.capped;
        m_invalid = positions.invalid;
        m_counted = true;
        updateCountText();
        if (const auto pending = std::exchange(m_pendingFind, std::nullopt))
            find(pending->first, pending->second);
    });
    // A read-only text does not change while it is shown, and a new one cancels the count and waits
    // for it (cancelCount): the worker reads it where it is. An editable one is copied (a memcpy).
    m_countReadsInPlace = m_editor->isReadOnly();
    QByteArray text;
    if (m_countReadsInPlace) {
        const long length = m_editor->SendScintilla(QsciScintillaBase::SCI_GETLENGTH);
        const auto *data = static_cast<const char *>(
            m_editor->SendScintillaPtrResult(QsciScintillaBase::SCI_GETCHARACTERPOINTER));
        text = QByteArray::fromRawData(data, length);
    } else {
        text = m_editor->utf8Text();
    }
    m_countFuture = QtConcurrent::run([text = std::move(text), pattern, cancel = m_cancel,
                                          caseSensitive = m_caseSensitive->isChecked(),
                                          regularExpression = m_regularExpression->isChecked()] {
        return findMatchPositions(text, pattern, caseSensitive, regularExpression, CountCap, cancel.get());
    });
    watcher->setFuture(m_countFuture);
}

void FindBar::cancelCount()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    ++m_generation;
    if (m_countReadsInPlace && m_countFuture.isValid() && !m_countFuture.isFinished())
        m_countFuture.waitForFinished(); // it reads the text in place: done before the text may go
    m_countFuture = {};
}

void FindBar::updateCountText()
{
    const QLocale locale;
    QString text;
    if (m_edit->text().isEmpty() || !m_counted) {
        text.clear();
    } else if (m_invalid) {
        text = tr("Invalid pattern");
    } else if (m_starts.isEmpty()) {
        text = tr("No matches");
    } else {
        const QString total = m_capped ? locale.toString(CountCap) + u'+' : locale.toString(m_starts.size());
        const qint64 selectionStart = m_editor->hasSelectedText()
            ? m_editor->SendScintilla(QsciScintillaBase::SCI_GETSELECTIONSTART)
            : -1;
        const auto it = std::lower_bound(m_starts.cbegin(), m_starts.cend(), selectionStart);
        if (selectionStart >= 0 && it != m_starts.cend() && *it == selectionStart)
            text = tr("%1 of %2").arg(locale.toString(qsizetype(it - m_starts.cbegin()) + 1), total);
        else
            text = tr("%1 matches").arg(total);
    }
    m_count->setText(text);
    Q_EMIT countChanged();
}

} // namespace Sonde
