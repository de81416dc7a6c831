#pragma once

#include <QByteArrayView>
#include <memory>

namespace Sonde {

class CodeEditor;

/// A text document that can be filled off the UI thread and then shown by a CodeEditor at once.
///
/// Inserting 70 MB into a Scintilla document takes seconds (allocation and line indexing); doing it
/// in a worker keeps the UI thread free, and CodeEditor::showDocument() then swaps the filled
/// document in within milliseconds. Built on Scintilla's loader interface (SCI_CREATELOADER).
///
/// A cheap shared handle: the document lives while a handle or an editor showing it does. Create it
/// with CodeEditor::createDocument() on the UI thread; append() from one thread at a time, and only
/// while no editor shows the document.
class TextDocument
{
public:
    TextDocument() = default;

    /// A new empty document, from any thread, with room for `expectedBytes` of text made at once (a
    /// growing document is copied each time, holding its old and new text together for a moment;
    /// room made is memory used, filled or not). Null when the memory could not be had. Needs
    /// prepareFactory() to have run on the UI thread. An unstyled document keeps no style byte per
    /// character (half the memory of a styled one): no lexer colours it.
    static TextDocument create(qint64 expectedBytes = 0, bool styled = true);
    /// Sets up what create() uses: a hidden Scintilla instance that lives as long as the process.
    /// On the UI thread, before the first create(); CodeEditor does it.
    static void prepareFactory();

    bool isNull() const { return !d; }
    /// Appends UTF-8 text; false when the memory could not be allocated.
    bool append(QByteArrayView utf8);
    /// Bytes appended so far.
    qint64 size() const;

private:
    friend class CodeEditor;
    struct Loader;
    /// Takes over a loader returned by SCI_CREATELOADER.
    explicit TextDocument(void *scintillaLoader);
    void *scintillaDocument() const;

    std::shared_ptr<Loader> d;
};

} // namespace Sonde
