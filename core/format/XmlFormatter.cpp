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
    case QXmlStreamReader::EndDocument: writer.writeEndDocument(); break;
    case QXmlStreamReader::StartElement:
        // Namespace processing is off: prefixes and xmlns declarations are copied as written.
        writer.writeStartElement(reader.qualifiedName().toString());
        writer.writeAttributes(reader.attributes());
        break;
    case QXmlStreamReader::EndElement: writer.writeEndElement(); break;
    case QXmlStreamReader::Characters:
        if (reader.isCDATA())
            writer.writeCDATA(reader.text().toString());
        else if (!reader.isWhitespace())
            writer.writeCharacters(reader.text().toString());
        break;
    case QXmlStreamReader::Comment: writer.writeComment(reader.text().toString()); break;
    case QXmlStreamReader::DTD: writer.writeDTD(reader.text().toString()); break;
    case QXmlStreamReader::EntityReference: writer.writeEntityReference(reader.name().toString()); break;
    case QXmlStreamReader::ProcessingInstruction:
        writer.writeProcessingInstruction(reader.processingInstructionTarget().toString(),
                                          reader.processingInstructionData().toString());
        break;
    case QXmlStreamReader::NoToken:
    case QXmlStreamReader::Invalid: break;
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

/// The writer starts each prolog node (and the root) on a new line even at the very start, and ends
/// the document with a newline: drop the empty lines that makes at the start, in the prolog and at the end.
void tidyLineBreaks(QByteArray &output, qsizetype prologEnd)
{
    QByteArray prolog = output.left(prologEnd);
    while (prolog.contains("\n\n"))
        prolog.replace("\n\n", "\n");
    if (prolog.startsWith('\n'))
        prolog.remove(0, 1);
    output.replace(0, prologEnd, prolog);
    if (output.endsWith('\n'))
        output.chop(1);
}

} // namespace

FormatResult formatXml(QByteArrayView input, const std::atomic_bool *cancel)
{
    FormatResult result;
    const QByteArray bytes = QByteArray::fromRawData(input.data(), input.size());
    QXmlStreamReader reader(bytes);
    reader.setNamespaceProcessing(false);

    QByteArray output;
    output.reserve(input.size() + input.size() / 4);
    QBuffer buffer(&output);
    buffer.open(QIODevice::WriteOnly);
    QXmlStreamWriter writer(&buffer);
    writer.setAutoFormatting(true);
    writer.setAutoFormattingIndent(2);

    int tokens = 0;
    bool sawElement = false;
    qsizetype prologEnd = -1;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.hasError())
            break;
        copyToken(reader, writer);
        if (!sawElement && reader.isStartElement()) {
            sawElement = true;
            prologEnd = output.size(); // up to the root's start tag, which holds no line break
        }
        if (++tokens % CancelCheckTokens == 0 && cancel && cancel->load(std::memory_order_relaxed)) {
            result.cancelled = true;
            result.error = QStringLiteral("Cancelled");
            result.output = input.toByteArray();
            return result;
        }
    }
    if (reader.hasError() || !sawElement) {
        QString message = reader.hasError() ? reader.errorString() : QStringLiteral("No root element");
        if (message.endsWith(u'.'))
            message.chop(1);
        result.errorLine = int(reader.lineNumber());
        result.errorColumn = int(reader.columnNumber()) + 1;
        result.errorOffset = byteOffset(input, result.errorLine, result.errorColumn);
        result.error = QStringLiteral("%1 at line %2, column %3").arg(message).arg(result.errorLine).arg(result.errorColumn);
        result.output = input.toByteArray();
        return result;
    }
    buffer.close();
    tidyLineBreaks(output, prologEnd);
    result.output = std::move(output);
    result.ok = true;
    return result;
}

} // namespace Sonde
