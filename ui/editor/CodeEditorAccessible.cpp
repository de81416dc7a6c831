#include "editor/CodeEditorAccessible.h"

#include "editor/CodeEditor.h"

#include <QAccessibleEvent>
#include <algorithm>
#include <climits>

namespace Sonde {

namespace {

/// Texts larger than this are not offered whole as the accessible value (the text interface still
/// reads any part of them).
constexpr long ValueLimitBytes = 256 * 1024;

QAccessibleInterface *createAccessible(const QString &, QObject *object)
{
    auto *editor = qobject_cast<CodeEditor *>(object);
    return editor ? new CodeEditorAccessible(editor) : nullptr;
}

} // namespace

CodeEditorAccessible::CodeEditorAccessible(CodeEditor *editor)
    : QAccessibleWidget(editor, QAccessible::EditableText)
{ }

void CodeEditorAccessible::install()
{
    // Factories installed later are asked first: this one comes before QScintilla's, which each
    // QsciScintillaBase installs when the first one is made.
    static const bool installed = (QAccessible::installFactory(createAccessible), true);
    Q_UNUSED(installed);
}

void CodeEditorAccessible::announceCursor(CodeEditor *editor)
{
    if (!QAccessible::isActive())
        return;
    const long position = editor->SendScintilla(QsciScintillaBase::SCI_GETCURRENTPOS);
    const long offset = editor->SendScintilla(QsciScintillaBase::SCI_COUNTCODEUNITS, 0UL, position);
    QAccessibleTextCursorEvent event(editor, int(std::min<long>(offset, INT_MAX)));
    QAccessible::updateAccessibility(&event);
}

CodeEditor *CodeEditorAccessible::editor() const
{
    return static_cast<CodeEditor *>(widget());
}

long CodeEditorAccessible::sci(unsigned int message, unsigned long wParam, long lParam) const
{
    return editor()->SendScintilla(message, wParam, lParam);
}

long CodeEditorAccessible::positionOf(int offset) const
{
    if (offset <= 0)
        return 0;
    const long length = sci(QsciScintillaBase::SCI_GETLENGTH);
    const long position = sci(QsciScintillaBase::SCI_POSITIONRELATIVECODEUNITS, 0UL, offset);
    // Scintilla answers 0 for an offset past the end.
    return position == 0 ? length : std::min(position, length);
}

int CodeEditorAccessible::offsetOf(long position) const
{
    const long offset = sci(QsciScintillaBase::SCI_COUNTCODEUNITS, 0UL, std::max(position, 0L));
    return int(std::min<long>(offset, INT_MAX));
}

void *CodeEditorAccessible::interface_cast(QAccessible::InterfaceType type)
{
    if (type == QAccessible::TextInterface)
        return static_cast<QAccessibleTextInterface *>(this);
    return QAccessibleWidget::interface_cast(type);
}

QAccessible::State CodeEditorAccessible::state() const
{
    QAccessible::State state = QAccessibleWidget::state();
    const bool readOnly = editor()->isReadOnly();
    state.editable = !readOnly;
    state.readOnly = readOnly;
    state.multiLine = true;
    state.selectableText = true;
    return state;
}

QString CodeEditorAccessible::text(QAccessible::Text kind) const
{
    if (kind == QAccessible::Value) {
        const long length = sci(QsciScintillaBase::SCI_GETLENGTH);
        return length <= ValueLimitBytes ? QString::fromUtf8(editor()->utf8Text()) : QString();
    }
    return QAccessibleWidget::text(kind);
}

void CodeEditorAccessible::selection(int selectionIndex, int *startOffset, int *endOffset) const
{
    *startOffset = 0;
    *endOffset = 0;
    if (selectionIndex < 0 || selectionIndex >= selectionCount())
        return;
    *startOffset = offsetOf(
        sci(QsciScintillaBase::SCI_GETSELECTIONNSTART, static_cast<unsigned long>(selectionIndex)));
    *endOffset
        = offsetOf(sci(QsciScintillaBase::SCI_GETSELECTIONNEND, static_cast<unsigned long>(selectionIndex)));
}

int CodeEditorAccessible::selectionCount() const
{
    int count = 0;
    const long selections = sci(QsciScintillaBase::SCI_GETSELECTIONS);
    for (long i = 0; i < selections; ++i) {
        if (sci(QsciScintillaBase::SCI_GETSELECTIONNSTART, static_cast<unsigned long>(i))
            != sci(QsciScintillaBase::SCI_GETSELECTIONNEND, static_cast<unsigned long>(i)))
            ++count;
    }
    return count;
}

void CodeEditorAccessible::addSelection(int startOffset, int endOffset)
{
    setSelection(0, startOffset, endOffset);
}

void CodeEditorAccessible::removeSelection(int selectionIndex)
{
    if (selectionIndex == 0)
        sci(QsciScintillaBase::SCI_SETEMPTYSELECTION,
            static_cast<unsigned long>(sci(QsciScintillaBase::SCI_GETCURRENTPOS)));
}

void CodeEditorAccessible::setSelection(int selectionIndex, int startOffset, int endOffset)
{
    if (selectionIndex != 0)
        return;
    sci(QsciScintillaBase::SCI_SETSEL, static_cast<unsigned long>(positionOf(startOffset)),
        positionOf(endOffset));
}

int CodeEditorAccessible::cursorPosition() const
{
    return offsetOf(sci(QsciScintillaBase::SCI_GETCURRENTPOS));
}

void CodeEditorAccessible::setCursorPosition(int position)
{
    sci(QsciScintillaBase::SCI_GOTOPOS, static_cast<unsigned long>(positionOf(position)));
}

QString CodeEditorAccessible::text(int startOffset, int endOffset) const
{
    const long start = positionOf(startOffset);
    const long end = endOffset < 0 ? sci(QsciScintillaBase::SCI_GETLENGTH) : positionOf(endOffset);
    if (end <= start)
        return {};
    // A copy of the range (QsciScintilla::bytes): a pointer into the text could move the gap buffer
    // under a find count that reads a read-only text in place.
    QByteArray bytes = editor()->bytes(int(start), int(end));
    bytes.truncate(end - start); // QScintilla adds the terminating NUL
    return QString::fromUtf8(bytes);
}

int CodeEditorAccessible::characterCount() const
{
    return offsetOf(sci(QsciScintillaBase::SCI_GETLENGTH));
}

QRect CodeEditorAccessible::characterRect(int offset) const
{
    const long position = positionOf(offset);
    const long next = sci(QsciScintillaBase::SCI_POSITIONAFTER, static_cast<unsigned long>(position));
    const int x = int(sci(QsciScintillaBase::SCI_POINTXFROMPOSITION, 0UL, position));
    const int y = int(sci(QsciScintillaBase::SCI_POINTYFROMPOSITION, 0UL, position));
    const long line = sci(QsciScintillaBase::SCI_LINEFROMPOSITION, static_cast<unsigned long>(position));
    const int height = int(sci(QsciScintillaBase::SCI_TEXTHEIGHT, static_cast<unsigned long>(line)));
    const int nextX = next > position
            && sci(QsciScintillaBase::SCI_LINEFROMPOSITION, static_cast<unsigned long>(next)) == line
        ? int(sci(QsciScintillaBase::SCI_POINTXFROMPOSITION, 0UL, next))
        : x + height / 2;
    const QPoint topLeft = editor()->viewport()->mapToGlobal(QPoint(x, y));
    return QRect(topLeft, QSize(std::max(nextX - x, 1), height));
}

int CodeEditorAccessible::offsetAtPoint(const QPoint &point) const
{
    const QPoint local = editor()->viewport()->mapFromGlobal(point);
    const long position = sci(
        QsciScintillaBase::SCI_CHARPOSITIONFROMPOINTCLOSE, static_cast<unsigned long>(local.x()), local.y());
    return position < 0 ? -1 : offsetOf(position);
}

void CodeEditorAccessible::scrollToSubstring(int startIndex, int endIndex)
{
    sci(QsciScintillaBase::SCI_SCROLLRANGE, static_cast<unsigned long>(positionOf(endIndex)),
        positionOf(startIndex));
}

QString CodeEditorAccessible::attributes(int offset, int *startOffset, int *endOffset) const
{
    *startOffset = offset;
    *endOffset = offset;
    return {};
}

} // namespace Sonde
