#pragma once

#include "editor/CodeEditor.h"
#include "editor/TextDocument.h"
#include "model/BodyData.h"

#include <QImage>
#include <QString>

#include <atomic>
#include <memory>

namespace Sonde {

/// What the user chose to see a body as, instead of what its Content-Type and first bytes say.
enum class BodyViewAs { Auto, Json, Xml, Html, JavaScript, Yaml, Css, Text, Hex };

/// What BodyView asks a worker to prepare: the body, how to show it, and the documents to fill
/// (created on the UI thread, as Scintilla requires).
struct BodyRenderRequest
{
    BodyData body;
    QString contentType;
    bool pretty = true;
    BodyViewAs viewAs = BodyViewAs::Auto;
    /// Filled with the text to show.
    TextDocument document;
    std::shared_ptr<std::atomic_bool> cancel;
};

/// The prepared body: a filled document and how to present it.
struct BodyRendering
{
    enum class Shown { Nothing, Pretty, Raw, Hex, Image };

    Shown shown = Shown::Nothing;
    CodeEditor::Language language = CodeEditor::Language::PlainText;
    TextDocument document;
    /// A one-line note for the user (formatting error, binary body, truncation…); empty when none.
    QString notice;
    /// The body can be pretty-printed (JSON or XML text), so the Pretty/Raw toggle applies.
    bool prettyAvailable = false;
    bool cancelled = false;
    /// For Shown::Image: the decoded picture and a line about it ("PNG · 640 × 480 · 12 KB").
    QImage image;
    QString imageInfo;
};

/// Reads, decodes, formats and loads a body into a document. Runs in a worker thread; polls
/// `request.cancel` between steps. The text goes into the document in one piece (one allocation).
BodyRendering renderBody(BodyRenderRequest request);

/// The language a body is shown in: BodySniffer::language().
CodeEditor::Language bodyLanguage(const QString &contentType, QByteArrayView head);

} // namespace Sonde
