#include "FormatCommand.h"

#include "format/HtmlFormatter.h"
#include "format/JsonFormatter.h"
#include "format/XmlFormatter.h"

#include <QCommandLineParser>
#include <QFile>
#include <cstdio>
#include <optional>

namespace {

using namespace Qt::Literals::StringLiterals;

constexpr int ExitOk = 0;
constexpr int ExitUsage = 2;
constexpr int ExitIo = 3;
constexpr int ExitMalformedInput = 5;
constexpr qint64 ChunkSize = 1024 * 1024;

enum class InputType { Json, Xml, Html };

void print(QIODevice &device, const QString &text)
{
    device.write(text.toUtf8());
}

int fail(QIODevice &err, int code, const QString &message)
{
    print(err, u"sonde-cli format: "_s + message + u'\n');
    return code;
}

std::optional<InputType> typeFromName(const QString &name)
{
    if (name.compare("json"_L1, Qt::CaseInsensitive) == 0)
        return InputType::Json;
    if (name.compare("xml"_L1, Qt::CaseInsensitive) == 0)
        return InputType::Xml;
    if (name.compare("html"_L1, Qt::CaseInsensitive) == 0)
        return InputType::Html;
    return std::nullopt;
}

/// The type from the first non-blank bytes (after a byte order mark): "<!doctype html" or "<html" is
/// HTML, another '<' XML, anything else JSON.
InputType sniff(QByteArrayView head)
{
    if (head.startsWith("\xEF\xBB\xBF"))
        head = head.sliced(3);
    for (qsizetype i = 0; i < head.size(); ++i) {
        const char c = head.at(i);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        if (c != '<')
            return InputType::Json;
        const QByteArrayView rest = head.sliced(i);
        const auto startsWith = [rest](QByteArrayView prefix) {
            return rest.size() >= prefix.size()
                && rest.first(prefix.size()).compare(prefix, Qt::CaseInsensitive) == 0;
        };
        return startsWith("<!doctype html") || startsWith("<html") ? InputType::Html : InputType::Xml;
    }
    return InputType::Json;
}

QString lowerFirst(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toLower();
    return text;
}

/// Feeds the input to a streaming formatter (JsonFormatter or XmlFormatter) chunk by chunk. The raw
/// input is kept only when it cannot be read again (stdin), to print it unchanged if it turns out
/// malformed; `typeName` ("JSON", "XML") names the type in that error.
template<typename Formatter>
int formatStream(QIODevice &input, const QByteArray &alreadyRead, bool seekable, const QString &typeName,
    QIODevice &out, QIODevice &err)
{
    Formatter formatter;
    QByteArray raw;
    QByteArray formatted;
    bool ok = formatter.feed(alreadyRead);
    if (!seekable)
        raw = alreadyRead;
    while (ok && !input.atEnd()) {
        const QByteArray chunk = input.read(ChunkSize);
        if (chunk.isEmpty() && !input.atEnd())
            return fail(err, ExitIo, u"cannot read the input: "_s + input.errorString());
        if (!seekable)
            raw += chunk;
        ok = formatter.feed(chunk);
        formatted += formatter.takeOutput();
    }
    const Sonde::FormatResult result = formatter.finish();
    if (result.ok) {
        formatted += result.output;
        if (!formatted.endsWith('\n'))
            formatted += '\n';
        out.write(formatted);
        return ExitOk;
    }
    formatted.clear();
    if (seekable) {
        input.seek(0);
        while (!input.atEnd())
            out.write(input.read(ChunkSize));
    } else {
        while (!input.atEnd())
            raw += input.read(ChunkSize);
        out.write(raw);
    }
    return fail(err, ExitMalformedInput, u"not valid %1: "_s.arg(typeName) + lowerFirst(result.error));
}

} // namespace

int runFormatCommand(const QStringList &arguments, QIODevice &in, QIODevice &out, QIODevice &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Pretty-print a JSON, XML or HTML document."_s);
    parser.addOption({u"type"_s,
        u"The input type: json, xml or html. Default: from the file name, else sniffed."_s, u"type"_s});
    parser.addOption({{u"h"_s, u"help"_s}, u"Show this help."_s});
    parser.addPositionalArgument(
        u"FILE"_s, u"The document to format; - or nothing reads stdin."_s, u"[FILE|-]"_s);
    if (!parser.parse(QStringList {u"sonde-cli format"_s} + arguments))
        return fail(err, ExitUsage, parser.errorText());
    if (parser.isSet(u"help"_s)) {
        print(out, parser.helpText());
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return fail(err, ExitUsage, u"one FILE at most"_s);

    std::optional<InputType> type;
    if (parser.isSet(u"type"_s)) {
        type = typeFromName(parser.value(u"type"_s));
        if (!type)
            return fail(
                err, ExitUsage, u"unknown type '%1' (json, xml or html)"_s.arg(parser.value(u"type"_s)));
    }

    const QString fileName = positional.isEmpty() ? u"-"_s : positional.first();
    QFile file(fileName);
    QIODevice *input = &in;
    if (fileName != "-"_L1) {
        if (!file.open(QIODevice::ReadOnly))
            return fail(err, ExitIo, u"cannot read %1: %2"_s.arg(fileName, file.errorString()));
        input = &file;
        if (!type && fileName.endsWith(".json"_L1, Qt::CaseInsensitive))
            type = InputType::Json;
        else if (!type && fileName.endsWith(".xml"_L1, Qt::CaseInsensitive))
            type = InputType::Xml;
        else if (!type
            && (fileName.endsWith(".html"_L1, Qt::CaseInsensitive)
                || fileName.endsWith(".htm"_L1, Qt::CaseInsensitive)))
            type = InputType::Html;
    }
    const QByteArray head = input->read(ChunkSize);
    if (!type)
        type = sniff(head);
    const bool seekable = !input->isSequential();
    if (*type == InputType::Xml)
        return formatStream<Sonde::XmlFormatter>(*input, head, seekable, u"XML"_s, out, err);
    if (*type == InputType::Html)
        return formatStream<Sonde::HtmlFormatter>(*input, head, seekable, u"HTML"_s, out, err);
    return formatStream<Sonde::JsonFormatter>(*input, head, seekable, u"JSON"_s, out, err);
}

int runFormatCommand(const QStringList &arguments)
{
    QFile in;
    QFile out;
    QFile err;
    if (!in.open(stdin, QIODevice::ReadOnly) || !out.open(stdout, QIODevice::WriteOnly)
        || !err.open(stderr, QIODevice::WriteOnly))
        return ExitIo;
    return runFormatCommand(arguments, in, out, err);
}
