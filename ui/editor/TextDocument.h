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
