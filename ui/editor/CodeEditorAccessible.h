#pragma once

#include <QAccessibleWidget>

namespace Sonde {

class CodeEditor;

/// What assistive technologies see of a CodeEditor: an editable (or read-only) multi-line text with
/// its selection and cursor, offsets in UTF-16 code units as Qt's text interface counts them.
///
/// It replaces QScintilla's own accessible, which converts the cursor's byte position to a character
/// offset on every screen update, whether or not anything listens: counting the characters from the
/// start of the text, hundreds of milliseconds per repaint once the cursor is deep in a 100 MB body.
/// Here offsets are computed only when an assistive technology asks, and the cursor is announced
/// only while one is active.
class CodeEditorAccessible final : public QAccessibleWidget, public QAccessibleTextInterface
{
public:
    explicit CodeEditorAccessible(CodeEditor *editor);

    /// Installs the factory that makes one for every CodeEditor (once; later calls do nothing).
    static void install();
    /// Tells an active assistive technology where the cursor of `editor` is.
    static void announceCursor(CodeEditor *editor);

    void *interface_cast(QAccessible::InterfaceType type) override;
    QAccessible::State state() const override;
    QString text(QAccessible::Text kind) const override;

    // QAccessibleTextInterface
    void selection(int selectionIndex, int *startOffset, int *endOffset) const override;
    int selectionCount() const override;
    void addSelection(int startOffset, int endOffset) override;
    void removeSelection(int selectionIndex) override;
    void setSelection(int selectionIndex, int startOffset, int endOffset) override;
    int cursorPosition() const override;
    void setCursorPosition(int position) override;
    QString text(int startOffset, int endOffset) const override;
    int characterCount() const override;
    QRect characterRect(int offset) const override;
    int offsetAtPoint(const QPoint &point) const override;
    void scrollToSubstring(int startIndex, int endIndex) override;
    QString attributes(int offset, int *startOffset, int *endOffset) const override;

private:
    CodeEditor *editor() const;
    long sci(unsigned int message, unsigned long wParam = 0, long lParam = 0) const;
    /// The byte position of a UTF-16 offset, and back.
    long positionOf(int offset) const;
    int offsetOf(long position) const;
};

} // namespace Sonde
