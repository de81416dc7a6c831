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

/// Bodies above this size are read from their file in chunks, shown raw first and pretty-printed
/// behind it (BodyView), so the first screen never waits for the formatter.
constexpr qint64 LargeBodyBytes = 4LL * 1024 * 1024;
/// Bodies above this size are not shown until the user asks ("Open anyway"); then raw only.
constexpr qint64 MaxAutoShownBytes = 256LL * 1024 * 1024;
/// Bodies above this size are shown without colours: Scintilla keeps a style byte per character of
/// a highlighted text, which with the pretty-printed text's indentation would hold about three times
/// the body in memory (bench_viewer, rss_over_body).
constexpr qint64 MaxHighlightedBytes = 64LL * 1024 * 1024;
/// A large body's preview, shown while the whole is read: a few thousand lines.
constexpr qint64 PreviewBytes = 256LL * 1024;

/// What BodyView asks a worker to prepare: the body, how to show it, and the document to fill.
struct BodyRenderRequest
{
    BodyData body;
    QString contentType;
    bool pretty = true;
    BodyViewAs viewAs = BodyViewAs::Auto;
    /// Filled with the text to show; when null, the worker creates it with room for `documentBytes`.
    TextDocument document;
    std::shared_ptr<std::atomic_bool> cancel;
    /// Set by the worker as it goes: how much of the body it has read, in thousandths.
    std::shared_ptr<std::atomic_int> progress;
    /// Show a body above MaxAutoShownBytes anyway (raw).
    bool openAnyway = false;
    /// When set, only a preview of a large UTF-8 text body: about its first this many bytes, the
    /// start of what the whole rendering shows (nothing for other bodies).
    qint64 previewBytes = 0;
    qint64 documentBytes = 0;
};

/// The prepared body: a filled document and how to present it.
struct BodyRendering
{
    enum class Shown { Nothing, Pretty, Raw, Hex, Image };

    Shown shown = Shown::Nothing;
    CodeEditor::Language language = CodeEditor::Language::PlainText;
    /// The document keeps styles, so the editor colours it in `language` (see MaxHighlightedBytes).
    bool highlighted = true;
    TextDocument document;
    /// A one-line note for the user (formatting error, binary body, truncation…); empty when none.
    QString notice;
    /// The body can be pretty-printed (JSON or XML text), so the Pretty/Raw toggle applies.
    bool prettyAvailable = false;
    bool cancelled = false;
    /// The document holds the start of the body only (BodyRenderRequest::previewBytes): the first
    /// `sourceBytes` of it.
    bool preview = false;
    qint64 sourceBytes = 0;
    /// Pretty-printing a large body failed (malformed JSON or XML) after part of it was written to
    /// the document: shown is Nothing, the notice says where the body broke, and the raw text is the
    /// thing to show.
    bool prettyFailed = false;
    /// The body is above MaxAutoShownBytes and was not opened: shown is Nothing.
    bool tooLarge = false;
    /// For Shown::Image: the decoded picture and a line about it ("PNG · 640 × 480 · 12 KB").
    QImage image;
    QString imageInfo;
};

/// Reads, decodes, formats and loads a body into a document. Runs in a worker thread; polls
/// `request.cancel` between steps. A small body's text goes into the document in one piece; a large
/// one (LargeBodyBytes) is streamed from its file, through the JSON formatter when pretty, in chunks.
BodyRendering renderBody(BodyRenderRequest request);

/// The language a body is shown in: BodySniffer::language().
CodeEditor::Language bodyLanguage(const QString &contentType, QByteArrayView head);

} // namespace Sonde
