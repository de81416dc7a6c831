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
        find(true, true);
        recount();
    });
    connect(m_next, &QToolButton::clicked, this, &FindBar::findNext);
    connect(m_previous, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(m_caseSensitive, &QToolButton::toggled, this, [this] {
        find(true, true);
        recount();
    });
    connect(m_regularExpression, &QToolButton::toggled, this, [this] {
        find(true, true);
        recount();
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
    m_editor->findFirst(pattern, regularExpression, m_caseSensitive->isChecked(), false, true, forward, line, index,
                        true, false, regularExpression);
    updateCountText();
}

void FindBar::recount()
{
    cancelCount();
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
        MatchPositions positions = watcher->future().takeResult();
        if (generation != m_generation || positions.cancelled)
            return;
        m_cancel.reset();
        m_starts = std::move(positions.starts);
        m_capped = positions.capped;
        m_invalid = positions.invalid;
        m_counted = true;
        updateCountText();
    });
    // One copy of the text (a memcpy) on this thread; the search runs on the copy.
    watcher->setFuture(QtConcurrent::run([text = m_editor->utf8Text(), pattern, cancel = m_cancel,
                                          caseSensitive = m_caseSensitive->isChecked(),
                                          regularExpression = m_regularExpression->isChecked()] {
        return findMatchPositions(text, pattern, caseSensitive, regularExpression, CountCap, cancel.get());
    }));
}

void FindBar::cancelCount()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    ++m_generation;
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
