#include "response/BodyRenderer.h"

#include "format/JsonFormatter.h"
#include "format/XmlFormatter.h"
#include "response/BodyText.h"
#include "response/DisplayFormat.h"

namespace Sonde {

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 MaxDisplayBytes = 256LL * 1024 * 1024;
constexpr qsizetype HexDumpBytes = 64 * 1024;

using Language = CodeEditor::Language;

bool cancelled(const BodyRenderRequest &request)
{
    return request.cancel && request.cancel->load(std::memory_order_relaxed);
}

/// Appends text with its long lines broken, in one piece: Scintilla then allocates the document once
/// instead of growing (and copying) it chunk after chunk, which took most of the time.
bool appendText(TextDocument &document, const QByteArray &text, BodyText::LongLineBreaker &breaker,
                const BodyRenderRequest &request)
{
    if (cancelled(request))
        return false;
    return document.append(breaker.process(text)) && !cancelled(request);
}

QString lowerFirst(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toLower();
    return text;
}

BodyRendering cancelledRendering()
{
    BodyRendering rendering;
    rendering.cancelled = true;
    return rendering;
}

void addNotice(QString &notice, const QString &sentence)
{
    if (sentence.isEmpty())
        return;
    notice += (notice.isEmpty() ? QString() : u"  ·  "_s) + sentence;
}

} // namespace

Language bodyLanguage(const QString &contentType, QByteArrayView head)
{
    const Language declared = CodeEditor::languageForContentType(contentType);
    if (declared != Language::PlainText)
        return declared;
    const QString type = contentType.section(u';', 0, 0).trimmed().toLower();
    if (!type.isEmpty() && type != "text/plain"_L1 && type != "application/octet-stream"_L1)
        return declared;
    const QByteArrayView trimmed = head.trimmed();
    return trimmed.startsWith('{') || trimmed.startsWith('[') ? Language::Json : declared;
}

BodyRendering renderBody(BodyRenderRequest request)
{
    BodyRendering rendering;
    rendering.document = request.document;
    if (request.body.isEmpty()) {
        rendering.notice = u"The response has no body."_s;
        return rendering;
    }

    const qint64 size = request.body.size();
    const bool truncated = size > MaxDisplayBytes;
    const QByteArray bytes = truncated ? request.body.head(MaxDisplayBytes) : request.body.bytes();
    if (bytes.isEmpty()) {
        rendering.notice = u"The body could not be read: its temporary file is gone."_s;
        return rendering;
    }
    if (cancelled(request))
        return cancelledRendering();

    if (!BodyText::looksLikeText(bytes, request.contentType, !truncated)) {
        const qsizetype shown = std::min<qsizetype>(bytes.size(), HexDumpBytes);
        request.document.append(BodyText::hexDump(QByteArrayView(bytes).first(shown)));
        rendering.shown = BodyRendering::Shown::Hex;
        rendering.notice = size > shown ? u"Binary body (%1): the first %2 as hex"_s.arg(DisplayFormat::byteSize(size),
                                                                                      DisplayFormat::byteSize(shown))
                                        : u"Binary body (%1) shown as hex"_s.arg(DisplayFormat::byteSize(size));
        return rendering;
    }

    QString charsetNote;
    const QByteArray utf8 = BodyText::toUtf8(bytes, request.contentType, &charsetNote);
    rendering.language = bodyLanguage(request.contentType, QByteArrayView(utf8).first(std::min<qsizetype>(utf8.size(), 256)));
    const bool json = rendering.language == Language::Json;
    rendering.prettyAvailable = (json || rendering.language == Language::Xml) && !truncated;
    addNotice(rendering.notice, charsetNote);
    if (truncated)
        addNotice(rendering.notice, u"Showing the first %1 of %2"_s.arg(DisplayFormat::byteSize(MaxDisplayBytes),
                                                                        DisplayFormat::byteSize(size)));

    BodyText::LongLineBreaker breaker;
    if (request.pretty && rendering.prettyAvailable) {
        FormatResult result = json ? formatJson(utf8, request.cancel.get()) : formatXml(utf8, request.cancel.get());
        if (result.cancelled || cancelled(request))
            return cancelledRendering();
        if (result.ok) {
            if (!appendText(request.document, result.output, breaker, request))
                return cancelledRendering();
            rendering.shown = BodyRendering::Shown::Pretty;
        } else {
            if (!appendText(request.document, utf8, breaker, request))
                return cancelledRendering();
            rendering.shown = BodyRendering::Shown::Raw;
            addNotice(rendering.notice, (json ? u"Not valid JSON: "_s : u"Not valid XML: "_s) + lowerFirst(result.error));
        }
    } else {
        if (!appendText(request.document, utf8, breaker, request))
            return cancelledRendering();
        rendering.shown = BodyRendering::Shown::Raw;
    }
    if (breaker.brokeLines())
        addNotice(rendering.notice, u"Lines longer than %1 characters are shown broken"_s.arg(breaker.limit()));
    return rendering;
}

} // namespace Sonde
