#include "response/BodyRenderer.h"

#include "format/JsonFormatter.h"
#include "format/XmlFormatter.h"
#include "response/BodySniffer.h"
#include "response/BodyText.h"
#include "response/DisplayFormat.h"

#include <QBuffer>
#include <QImageReader>

namespace Sonde {

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 MaxDisplayBytes = 256LL * 1024 * 1024;
/// Hex shows the first bytes only: a hex dump is five times the size of what it shows.
constexpr qsizetype HexDumpBytes = 4 * 1024 * 1024;
/// Images above this are not decoded (a 256 MB PNG can unpack to gigabytes).
constexpr qint64 MaxImageBytes = 64LL * 1024 * 1024;

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
    return BodySniffer::language(contentType, head);
}

namespace {

Language forcedLanguage(BodyViewAs viewAs)
{
    switch (viewAs) {
    case BodyViewAs::Json:
        return Language::Json;
    case BodyViewAs::Xml:
        return Language::Xml;
    case BodyViewAs::Html:
        return Language::Html;
    case BodyViewAs::JavaScript:
        return Language::JavaScript;
    case BodyViewAs::Yaml:
        return Language::Yaml;
    case BodyViewAs::Css:
        return Language::Css;
    case BodyViewAs::Auto:
    case BodyViewAs::Text:
    case BodyViewAs::Hex:
        break;
    }
    return Language::PlainText;
}

/// Decodes an image body; false when the bytes do not decode (the body is then shown as hex).
bool renderImage(const QByteArray &bytes, const QByteArray &format, qint64 size, BodyRendering &rendering)
{
    QByteArray data = bytes;
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, format);
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    const QString name = QString::fromLatin1(format).toUpper();
    if (image.isNull())
        return false;
    rendering.shown = BodyRendering::Shown::Image;
    rendering.image = image;
    rendering.imageInfo = u"%1  ·  %2 × %3  ·  %4"_s.arg(name).arg(image.width()).arg(image.height())
                              .arg(DisplayFormat::byteSize(size));
    return true;
}

} // namespace

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

    if (request.viewAs == BodyViewAs::Auto && size <= MaxImageBytes) {
        const QByteArray format = BodySniffer::imageFormat(request.contentType, QByteArrayView(bytes).first(std::min<qsizetype>(bytes.size(), 1024)));
        if (!format.isEmpty() && renderImage(bytes, format, size, rendering))
            return rendering;
        if (cancelled(request))
            return cancelledRendering();
    }

    const bool forcedText = request.viewAs != BodyViewAs::Auto && request.viewAs != BodyViewAs::Hex;
    if (request.viewAs == BodyViewAs::Hex
        || (!forcedText && !BodyText::looksLikeText(bytes, request.contentType, !truncated))) {
        const qsizetype shown = std::min<qsizetype>(bytes.size(), HexDumpBytes);
        request.document.append(BodyText::hexDump(QByteArrayView(bytes).first(shown)));
        rendering.shown = BodyRendering::Shown::Hex;
        addNotice(rendering.notice, size > shown ? u"Binary body (%1): the first %2 as hex"_s.arg(DisplayFormat::byteSize(size),
                                                                                      DisplayFormat::byteSize(shown))
                                        : u"Binary body (%1) shown as hex"_s.arg(DisplayFormat::byteSize(size)));
        return rendering;
    }

    QString charsetNote;
    const QByteArray utf8 = BodyText::toUtf8(bytes, request.contentType, &charsetNote);
    rendering.language = forcedText ? forcedLanguage(request.viewAs)
                                    : bodyLanguage(request.contentType, QByteArrayView(utf8).first(std::min<qsizetype>(utf8.size(), 256)));
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
