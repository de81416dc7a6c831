#include "response/BodyRenderer.h"

#include "format/HtmlFormatter.h"
#include "format/JsonFormatter.h"
#include "format/XmlFormatter.h"
#include "response/BodySniffer.h"
#include "response/BodyText.h"
#include "response/DisplayFormat.h"

#include <QBuffer>
#include <QImageReader>
#include <optional>

namespace Sonde {

using namespace Qt::Literals::StringLiterals;

namespace {

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
    rendering.imageInfo = u"%1  ·  %2 × %3  ·  %4"_s.arg(name)
                              .arg(image.width())
                              .arg(image.height())
                              .arg(DisplayFormat::byteSize(size));
    return true;
}

} // namespace

namespace {

/// Large bodies are read, formatted and loaded in pieces of this size.
constexpr qsizetype ChunkBytes = 4 * 1024 * 1024;
/// How much of a large body is looked at to tell its type.
constexpr qsizetype SampleBytes = 1024 * 1024;

bool isUtf8Charset(const QString &contentType)
{
    const QByteArray name = BodyText::charset(contentType);
    return name.isEmpty() || name == "utf-8" || name == "utf8" || name == "us-ascii";
}

void setProgress(const BodyRenderRequest &request, qint64 done, qint64 total)
{
    if (request.progress && total > 0)
        request.progress->store(int(done * 1000 / total), std::memory_order_relaxed);
}

/// JsonFormatter, XmlFormatter or HtmlFormatter behind one face; none for text shown as it is.
class StreamFormatter
{
public:
    StreamFormatter(Language language, bool pretty, const std::atomic_bool *cancel)
    {
        if (pretty && language == Language::Json)
            m_json.emplace(cancel);
        else if (pretty && language == Language::Xml)
            m_xml.emplace(cancel);
        else if (pretty && language == Language::Html)
            m_html.emplace(cancel);
    }
    bool active() const { return m_json || m_xml || m_html; }
    bool feed(QByteArrayView chunk)
    {
        return m_json ? m_json->feed(chunk) : m_xml ? m_xml->feed(chunk) : m_html->feed(chunk);
    }
    QByteArray takeOutput()
    {
        return m_json ? m_json->takeOutput() : m_xml ? m_xml->takeOutput() : m_html->takeOutput();
    }
    FormatResult finish() { return m_json ? m_json->finish() : m_xml ? m_xml->finish() : m_html->finish(); }

private:
    std::optional<JsonFormatter> m_json;
    std::optional<XmlFormatter> m_xml;
    std::optional<HtmlFormatter> m_html;
};

/// The length of `bytes` without a UTF-8 sequence cut at its end.
qsizetype utf8PrefixLength(QByteArrayView bytes)
{
    qsizetype end = bytes.size();
    qsizetype back = 0;
    while (end > 0 && back < 4 && (uchar(bytes.at(end - 1)) & 0xc0) == 0x80) {
        --end;
        ++back;
    }
    if (end == 0)
        return bytes.size();
    const auto lead = uchar(bytes.at(end - 1));
    const qsizetype length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    return length == back + 1 ? bytes.size() : end - 1;
}

/// The first screenfuls of a large UTF-8 body, shown while the whole one is read: its first
/// PreviewBytes, cut after a line break (or between characters) so that the preview is the start of
/// what the whole rendering shows, formatted when `formatter` is active.
bool renderPreview(const BodyRenderRequest &request, const QByteArray &head, StreamFormatter &formatter,
    BodyText::LongLineBreaker &breaker, qint64 *sourceBytes)
{
    QByteArrayView prefix(head);
    prefix = prefix.first(std::min<qsizetype>(prefix.size(), request.previewBytes));
    if (prefix.size() < request.body.size()) {
        const qsizetype newline = prefix.lastIndexOf('\n');
        prefix = newline > prefix.size() / 2 ? prefix.first(newline + 1)
                                             : prefix.first(utf8PrefixLength(prefix));
    }
    *sourceBytes = prefix.size();
    QByteArray text = prefix.toByteArray();
    if (formatter.active()) {
        formatter.feed(prefix);
        text = formatter.takeOutput();
    }
    TextDocument document = request.document;
    return document.append(breaker.process(text));
}

/// Streams a large UTF-8 body from its storage into the document: as it is, or through `formatter`.
/// Returns false when cancelled or out of memory (then `error` is set), or with `formatError` set when
/// the body turned out malformed.
bool streamText(const BodyRenderRequest &request, qint64 limit, StreamFormatter &formatter,
    BodyText::LongLineBreaker &breaker, QString *formatError, QString *error)
{
    const std::unique_ptr<QIODevice> device = request.body.open();
    if (!device) {
        *error = u"The body could not be read: its temporary file is gone."_s;
        return false;
    }
    TextDocument document = request.document;
    qint64 done = 0;
    while (done < limit) {
        if (cancelled(request))
            return false;
        const QByteArray chunk = device->read(std::min<qint64>(ChunkBytes, limit - done));
        if (chunk.isEmpty())
            break;
        done += chunk.size();
        QByteArray text = chunk;
        if (formatter.active()) {
            if (!formatter.feed(chunk)) {
                if (cancelled(request))
                    return false;
                break; // the error comes from finish()
            }
            text = formatter.takeOutput();
        }
        if (!document.append(breaker.process(text))) {
            *error = u"Not enough memory to show the body."_s;
            return false;
        }
        setProgress(request, done, limit);
    }
    if (formatter.active()) {
        FormatResult result = formatter.finish();
        if (result.cancelled || cancelled(request))
            return false;
        if (!result.ok) {
            *formatError = result.error;
            return true;
        }
        if (!document.append(breaker.process(result.output))) {
            *error = u"Not enough memory to show the body."_s;
            return false;
        }
    }
    return !cancelled(request);
}

} // namespace

BodyRendering renderBody(BodyRenderRequest request)
{
    BodyRendering rendering;
    if (request.body.isEmpty()) {
        rendering.notice = u"The response has no body."_s;
        return rendering;
    }

    const qint64 size = request.body.size();
    if (size > MaxAutoShownBytes && !request.openAnyway) {
        rendering.tooLarge = true;
        rendering.notice
            = u"The body is %1: too large to show without asking."_s.arg(DisplayFormat::byteSize(size));
        return rendering;
    }
    rendering.highlighted = size <= MaxHighlightedBytes;
    if (request.document.isNull()) {
        if (cancelled(request))
            return cancelledRendering();
        request.document = TextDocument::create(request.documentBytes, rendering.highlighted);
    }
    rendering.document = request.document;
    if (request.document.isNull()) {
        rendering.notice = u"Not enough memory to show the body."_s;
        return rendering;
    }
    // A large UTF-8 body is never held whole: it is read from its file in pieces as it is shown.
    const bool streaming = size > LargeBodyBytes && isUtf8Charset(request.contentType);
    if (request.previewBytes > 0 && !streaming) {
        rendering.preview = true; // none: the whole rendering comes soon enough
        return rendering;
    }
    const QByteArray sample = streaming ? request.body.head(SampleBytes) : request.body.bytes();
    if (sample.isEmpty()) {
        rendering.notice = u"The body could not be read: its temporary file is gone."_s;
        return rendering;
    }
    if (cancelled(request))
        return cancelledRendering();

    if (request.viewAs == BodyViewAs::Auto && size <= MaxImageBytes && request.previewBytes == 0) {
        const QByteArray format = BodySniffer::imageFormat(
            request.contentType, QByteArrayView(sample).first(std::min<qsizetype>(sample.size(), 1024)));
        if (!format.isEmpty()
            && renderImage(sample.size() == size ? sample : request.body.bytes(), format, size, rendering))
            return rendering;
        if (cancelled(request))
            return cancelledRendering();
    }

    const bool forcedText = request.viewAs != BodyViewAs::Auto && request.viewAs != BodyViewAs::Hex;
    if (request.viewAs == BodyViewAs::Hex
        || (!forcedText && !BodyText::looksLikeText(sample, request.contentType, sample.size() == size))) {
        if (request.previewBytes > 0) {
            rendering.preview = true; // text bodies only
            return rendering;
        }
        const qsizetype shown = std::min<qsizetype>(size, HexDumpBytes);
        const QByteArray bytes = sample.size() >= shown ? sample.first(shown) : request.body.head(shown);
        request.document.append(BodyText::hexDump(bytes));
        rendering.shown = BodyRendering::Shown::Hex;
        addNotice(rendering.notice,
            size > shown ? u"Binary body (%1): the first %2 as hex"_s.arg(
                DisplayFormat::byteSize(size), DisplayFormat::byteSize(shown))
                         : u"Binary body (%1) shown as hex"_s.arg(DisplayFormat::byteSize(size)));
        return rendering;
    }

    QString charsetNote;
    const QByteArray utf8 = streaming ? sample : BodyText::toUtf8(sample, request.contentType, &charsetNote);
    rendering.language = forcedText ? forcedLanguage(request.viewAs)
                                    : bodyLanguage(request.contentType,
                                        QByteArrayView(utf8).first(std::min<qsizetype>(utf8.size(), 256)));
    const bool json = rendering.language == Language::Json;
    // Above MaxAutoShownBytes (opened anyway) raw only: the pretty document would take gigabytes.
    rendering.prettyAvailable
        = (json || rendering.language == Language::Xml || rendering.language == Language::Html)
        && size <= MaxAutoShownBytes;
    addNotice(rendering.notice, charsetNote);
    if (!rendering.highlighted)
        addNotice(rendering.notice,
            u"Not highlighted: colours for a body over %1 would double the memory it takes"_s.arg(
                DisplayFormat::byteSize(MaxHighlightedBytes)));

    BodyText::LongLineBreaker breaker;
    const bool pretty = request.pretty && rendering.prettyAvailable;
    if (streaming) {
        StreamFormatter formatter(rendering.language, pretty, request.cancel.get());
        rendering.shown = pretty ? BodyRendering::Shown::Pretty : BodyRendering::Shown::Raw;
        if (request.previewBytes > 0) {
            rendering.preview = true;
            if (!renderPreview(request, sample, formatter, breaker, &rendering.sourceBytes))
                rendering.notice = u"Not enough memory to show the body."_s;
            return rendering;
        }
        QString formatError;
        QString error;
        if (!streamText(request, size, formatter, breaker, &formatError, &error)) {
            if (error.isEmpty())
                return cancelledRendering();
            rendering.shown = BodyRendering::Shown::Nothing;
            rendering.notice = error;
            return rendering;
        }
        if (!formatError.isEmpty()) {
            rendering.shown = BodyRendering::Shown::Nothing;
            rendering.prettyFailed = true;
            addNotice(rendering.notice,
                (json ? u"Not valid JSON: "_s : u"Not valid XML: "_s) + lowerFirst(formatError));
            return rendering;
        }
    } else if (pretty) {
        const QByteArray &whole = utf8;
        setProgress(request, 1, 3);
        FormatResult result = json                ? formatJson(whole, request.cancel.get())
            : rendering.language == Language::Xml ? formatXml(whole, request.cancel.get())
                                                  : formatHtml(whole, request.cancel.get());
        if (result.cancelled || cancelled(request))
            return cancelledRendering();
        setProgress(request, 2, 3);
        if (result.ok) {
            if (!appendText(request.document, result.output, breaker, request))
                return cancelledRendering();
            rendering.shown = BodyRendering::Shown::Pretty;
        } else {
            if (!appendText(request.document, utf8, breaker, request))
                return cancelledRendering();
            rendering.shown = BodyRendering::Shown::Raw;
            addNotice(rendering.notice,
                (json ? u"Not valid JSON: "_s : u"Not valid XML: "_s) + lowerFirst(result.error));
        }
    } else {
        if (!appendText(request.document, utf8, breaker, request))
            return cancelledRendering();
        rendering.shown = BodyRendering::Shown::Raw;
    }
    if (breaker.brokeLines())
        addNotice(
            rendering.notice, u"Lines longer than %1 characters are shown broken"_s.arg(breaker.limit()));
    return rendering;
}

} // namespace Sonde
