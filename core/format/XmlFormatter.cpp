#include "format/XmlFormatter.h"

#include <QBuffer>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace Sonde {

namespace {

// Cancellation is polled every this many tokens.
constexpr int CancelCheckTokens = 4096;

void copyToken(const QXmlStreamReader &reader, QXmlStreamWriter &writer)
{
    switch (reader.tokenType()) {
    case QXmlStreamReader::StartDocument:
        // Without a declaration in the input the reader still reports a start, with no version.
        if (!reader.documentVersion().isEmpty()) {
            if (reader.isStandaloneDocument())
                writer.writeStartDocument(reader.documentVersion().toString(), true);
            else
                writer.writeStartDocument(reader.documentVersion().toString());
        }
        break;
    case QXmlStreamReader::EndDocument:
        writer.writeEndDocument();
        break;
    case QXmlStreamReader::StartElement:
        // Namespace processing is off: prefixes and xmlns declarations are copied as written.
        writer.writeStartElement(reader.qualifiedName().toString());
        writer.writeAttributes(reader.attributes());
        break;
    case QXmlStreamReader::EndElement:
        writer.writeEndElement();
        break;
    case QXmlStreamReader::Characters:
        if (reader.isCDATA())
            writer.writeCDATA(reader.text().toString());
        else if (!reader.isWhitespace())
            writer.writeCharacters(reader.text().toString());
        break;
    case QXmlStreamReader::Comment:
        writer.writeComment(reader.text().toString());
        break;
    case QXmlStreamReader::DTD:
        writer.writeDTD(reader.text().toString());
        break;
    case QXmlStreamReader::EntityReference:
        writer.writeEntityReference(reader.name().toString());
        break;
    case QXmlStreamReader::ProcessingInstruction:
        writer.writeProcessingInstruction(
            reader.processingInstructionTarget().toString(), reader.processingInstructionData().toString());
        break;
    case QXmlStreamReader::NoToken:
    case QXmlStreamReader::Invalid:
        break;
    }
}

/// The byte offset of a 1-based line and column (in UTF-16 units, as the reader counts) in UTF-8 text.
qint64 byteOffset(QByteArrayView input, qint64 line, qint64 column)
{
    qsizetype pos = 0;
    for (qint64 l = 1; l < line; ++l) {
        const qsizetype newline = input.indexOf('\n', pos);
        if (newline < 0)
            return input.size();
        pos = newline + 1;
    }
    for (qint64 c = 1; c < column && pos < input.size(); ++c) {
        const auto lead = static_cast<unsigned char>(input[pos]);
        const qsizetype length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (length == 4)
            ++c; // a surrogate pair counts twice
        pos = std::min(pos + length, input.size());
    }
    return pos;
}

/// The writer starts each prolog node (and the root) on a new line even at the very start: drop the
/// empty lines that makes at the start and in the prolog (`output` holds the prolog and the root's
/// start tag, which holds no line break).
void tidyProlog(QByteArray &output)
{
    while (output.contains("\n\n"))
        output.replace("\n\n", "\n");
    if (output.startsWith('\n'))
        output.remove(0, 1);
}

} // namespace

struct XmlFormatter::Private
{
    explicit Private(const std::atomic_bool *cancel)
        : cancel(cancel)
    {
        reader.setNamespaceProcessing(false);
        buffer.open(QIODevice::WriteOnly);
        writer.setAutoFormatting(true);
        writer.setAutoFormattingIndent(2);
    }

    /// Reads the tokens the data fed so far holds; false when the input is malformed or cancelled.
    bool pump()
    {
        while (!ended) {
            reader.readNext();
            if (reader.hasError())
                return reader.error() == QXmlStreamReader::PrematureEndOfDocumentError || fail();
            copyToken(reader, writer);
            if (reader.tokenType() == QXmlStreamReader::EndDocument)
                ended = true;
            if (!sawElement && reader.isStartElement()) {
                sawElement = true;
                tidyProlog(output);
                buffer.seek(output.size());
            }
            if (++tokens % CancelCheckTokens == 0 && cancel && cancel->load(std::memory_order_relaxed)) {
                cancelled = true;
                return false;
            }
        }
        return true;
    }

    bool fail(const QString &reason = {})
    {
        failed = true;
        QString message = reason.isEmpty() ? reader.errorString() : reason;
        if (message.endsWith(u'.'))
            message.chop(1);
        errorLine = int(reader.lineNumber());
        errorColumn = int(reader.columnNumber()) + 1;
        error = QStringLiteral("%1 at line %2, column %3").arg(message).arg(errorLine).arg(errorColumn);
        return false;
    }

    /// Hands over the output written so far; the buffer starts again at the beginning.
    QByteArray take()
    {
        QByteArray taken = std::move(output);
        output = QByteArray();
        buffer.seek(0);
        return taken;
    }

    const std::atomic_bool *cancel;
    QXmlStreamReader reader;
    QByteArray output;
    QBuffer buffer {&output};
    QXmlStreamWriter writer {&buffer};
    int tokens = 0;
    bool sawElement = false;
    bool ended = false;
    bool failed = false;
    bool cancelled = false;
    QString error;
    int errorLine = 0;
    int errorColumn = 0;
};

XmlFormatter::XmlFormatter(const std::atomic_bool *cancel)
    : d(std::make_unique<Private>(cancel))
{ }

XmlFormatter::~XmlFormatter() = default;

bool XmlFormatter::feed(QByteArrayView chunk)
{
    if (d->failed || d->cancelled)
        return false;
    d->reader.addData(chunk.toByteArray());
    return d->pump();
}

QByteArray XmlFormatter::takeOutput()
{
    if (!d->sawElement)
        return {};
    QByteArray taken = d->take();
    if (taken.endsWith('\n')) {
        // Perhaps the line break the writer ends the document with, which finish() drops: keep it back.
        taken.chop(1);
        d->output = QByteArrayLiteral("\n");
        d->buffer.seek(1);
    }
    return taken;
}

FormatResult XmlFormatter::finish()
{
    FormatResult result;
    if (d->cancelled || (d->cancel && d->cancel->load(std::memory_order_relaxed))) {
        result.cancelled = true;
        result.error = QStringLiteral("Cancelled");
        return result;
    }
    if (!d->failed && !d->ended) {
        // The reader waits for more data at the end of what it was given: the document is cut short.
        d->fail(d->reader.errorString().isEmpty() ? QStringLiteral("Premature end of document") : QString());
    } else if (!d->failed && !d->sawElement) {
        d->fail(QStringLiteral("No root element"));
    }
    if (d->failed) {
        result.error = d->error;
        result.errorLine = d->errorLine;
        result.errorColumn = d->errorColumn;
        return result;
    }
    result.output = d->take();
    if (result.output.endsWith('\n'))
        result.output.chop(1);
    result.ok = true;
    return result;
}

FormatResult formatXml(QByteArrayView input, const std::atomic_bool *cancel)
{
    XmlFormatter formatter(cancel);
    formatter.feed(input);
    FormatResult result = formatter.finish();
    if (!result.ok) {
        if (!result.cancelled)
            result.errorOffset = byteOffset(input, result.errorLine, result.errorColumn);
        result.output = input.toByteArray();
        return result;
    }
    return result;
}

} // namespace Sonde
