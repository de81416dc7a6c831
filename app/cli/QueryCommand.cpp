#include "QueryCommand.h"

#include "query/JsonPath.h"
#include "query/XPathQuery.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <cstdio>
#include <optional>
#include <unistd.h>

namespace {

constexpr int ExitOk = 0;
constexpr int ExitUsage = 2;
constexpr int ExitInvalidExpression = 4;
constexpr int ExitMalformedInput = 5;

enum class InputType { Json, Xml };

int fail(int code, const QString &message)
{
    std::fprintf(stderr, "sonde-cli query: %s\n", qPrintable(message));
    return code;
}

void printLine(const QByteArray &json)
{
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    std::fputc('\n', stdout);
}

// QJsonDocument writes only arrays and objects: a scalar is written inside an array, then unwrapped.
QByteArray compactJson(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

QByteArray withoutBom(const QByteArray &data)
{
    return data.startsWith("\xEF\xBB\xBF") ? data.mid(3) : data;
}

InputType sniff(const QByteArray &data)
{
    for (const char c : data) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return c == '<' ? InputType::Xml : InputType::Json;
    }
    return InputType::Json;
}

QString jsonError(const QByteArray &data, qsizetype offset, const QString &what)
{
    offset = std::clamp(offset, qsizetype(0), data.size());
    const QByteArray before = data.left(offset);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const qsizetype line = before.count('\n') + 1;
    const qsizetype column = QString::fromUtf8(before.mid(lineStart)).size() + 1;
    return QStringLiteral("malformed JSON at line %1, column %2: %3").arg(line).arg(column).arg(what);
}

std::optional<QJsonValue> parseJson(const QByteArray &data, QString *error)
{
    if (data.trimmed().isEmpty()) {
        *error = QStringLiteral("malformed JSON: the input is empty");
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error == QJsonParseError::NoError)
        return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    // Qt 6.4 reads only an array or an object at the top level; any other JSON value is read inside
    // an array (offsets then shift by the one added byte).
    const QByteArray trimmed = data.trimmed();
    if (!trimmed.isEmpty() && !trimmed.startsWith('{') && !trimmed.startsWith('[')) {
        QJsonParseError wrappedError;
        const QJsonDocument wrapped = QJsonDocument::fromJson('[' + data + "\n]", &wrappedError);
        if (wrappedError.error == QJsonParseError::NoError && wrapped.array().size() == 1)
            return wrapped.array().first();
        if (wrappedError.error == QJsonParseError::NoError) {
            *error = QStringLiteral("malformed JSON: more than one value at the top level");
            return std::nullopt;
        }
        *error = jsonError(data, wrappedError.offset - 1, wrappedError.errorString());
        return std::nullopt;
    }
    *error = jsonError(data, parseError.offset, parseError.errorString());
    return std::nullopt;
}

int queryJson(const QByteArray &data, const QString &expression, bool printPaths)
{
    QString error;
    const std::optional<Sonde::JsonPath> path = Sonde::JsonPath::compile(expression, &error);
    if (!path)
        return fail(ExitInvalidExpression, QStringLiteral("invalid JSONPath expression: ") + error);
    const std::optional<QJsonValue> document = parseJson(data, &error);
    if (!document)
        return fail(ExitMalformedInput, error);
    const Sonde::JsonPathResult result = path->evaluate(*document);
    if (printPaths) {
        for (const QString &normalized : result.paths)
            printLine(compactJson(normalized));
    } else {
        for (const QJsonValue &value : result.values)
            printLine(compactJson(value));
    }
    return ExitOk;
}

QByteArray xpathItemJson(const Sonde::XPathItem &item)
{
    switch (item.kind) {
    case Sonde::XPathItem::Kind::Boolean:
        return item.boolean ? "true" : "false";
    case Sonde::XPathItem::Kind::Number:
        // JSON has no NaN or infinities: those are printed as XPath writes them, as strings.
        if (std::isfinite(item.number))
            return compactJson(item.number);
        return compactJson(item.text);
    case Sonde::XPathItem::Kind::Node:
    case Sonde::XPathItem::Kind::String:
        break;
    }
    return compactJson(item.text);
}

int queryXml(const QByteArray &data, const QString &expression, const Sonde::XPathOptions &options)
{
    const Sonde::XPathResult result = Sonde::XPathQuery::evaluate(data, expression, options);
    switch (result.error) {
    case Sonde::XPathResult::Error::None:
        break;
    case Sonde::XPathResult::Error::MalformedDocument:
        return fail(ExitMalformedInput, result.errorMessage.left(1).toLower() + result.errorMessage.mid(1));
    case Sonde::XPathResult::Error::InvalidExpression: {
        QString message = QStringLiteral("invalid XPath expression: ") + result.errorMessage;
        if (result.errorMessage.startsWith(u"Undefined namespace prefix"))
            message
                += QStringLiteral(" (bind it with --ns prefix=uri, or name the root's default namespace with "
                                  "--default-ns prefix)");
        return fail(ExitInvalidExpression, message);
    }
    }
    for (const Sonde::XPathItem &item : result.items)
        printLine(xpathItemJson(item));
    return ExitOk;
}

} // namespace

int runQueryCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Evaluate a JSONPath (RFC 9535) or XPath 1.0 expression "
                                                    "on a JSON or XML document and print each result "
                                                    "as one line of JSON."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("expression"), QStringLiteral("JSONPath for JSON, XPath for XML."));
    parser.addPositionalArgument(QStringLiteral("file"),
        QStringLiteral("The document; '-' or nothing reads stdin."), QStringLiteral("[file|-]"));
    const QCommandLineOption typeOption(QStringLiteral("type"),
        QStringLiteral("The input type, json or xml (default: sniffed)."), QStringLiteral("type"));
    const QCommandLineOption pathsOption(QStringLiteral("paths"),
        QStringLiteral("JSON: print the normalized path of each result instead "
                       "of its value."));
    const QCommandLineOption defaultNsOption(QStringLiteral("default-ns"),
        QStringLiteral("XML: the prefix that names the root element's default "
                       "namespace in the expression."),
        QStringLiteral("prefix"));
    const QCommandLineOption nsOption(QStringLiteral("ns"),
        QStringLiteral("XML: bind a namespace prefix, 'prefix=uri'; repeatable."),
        QStringLiteral("prefix=uri"));
    parser.addOptions({typeOption, pathsOption, defaultNsOption, nsOption});
    if (!parser.parse(QStringList {QStringLiteral("sonde-cli query")} + arguments))
        return fail(ExitUsage, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty() || positional.size() > 2)
        return fail(ExitUsage, QStringLiteral("expected an expression and at most one file (see --help)"));

    std::optional<InputType> type;
    if (parser.isSet(typeOption)) {
        const QString name = parser.value(typeOption).toLower();
        if (name != u"json" && name != u"xml")
            return fail(ExitUsage, QStringLiteral("--type takes json or xml, not “%1”").arg(name));
        type = name == u"xml" ? InputType::Xml : InputType::Json;
    }
    Sonde::XPathOptions xpathOptions;
    xpathOptions.defaultNamespacePrefix = parser.value(defaultNsOption);
    for (const QString &binding : parser.values(nsOption)) {
        const qsizetype equals = binding.indexOf(u'=');
        if (equals <= 0)
            return fail(ExitUsage, QStringLiteral("--ns “%1” is not of the form prefix=uri").arg(binding));
        xpathOptions.namespaces.insert(binding.left(equals), binding.mid(equals + 1));
    }

    const QString fileName = positional.size() == 2 ? positional.at(1) : QStringLiteral("-");
    QFile file;
    if (fileName == u"-") {
        if (::isatty(STDIN_FILENO))
            return fail(ExitUsage, QStringLiteral("no input: give a file or pipe a document to stdin"));
        if (!file.open(stdin, QIODevice::ReadOnly))
            return fail(ExitUsage, QStringLiteral("cannot read stdin: ") + file.errorString());
    } else {
        file.setFileName(fileName);
        if (!file.open(QIODevice::ReadOnly))
            return fail(ExitUsage, QStringLiteral("cannot read %1: %2").arg(fileName, file.errorString()));
    }
    const QByteArray data = file.readAll();
    const InputType inputType = type.value_or(sniff(withoutBom(data)));

    const bool xmlOptionsGiven = parser.isSet(defaultNsOption) || parser.isSet(nsOption);
    if (inputType == InputType::Json && xmlOptionsGiven)
        return fail(ExitUsage, QStringLiteral("--default-ns and --ns apply to XML input"));
    if (inputType == InputType::Xml && parser.isSet(pathsOption))
        return fail(ExitUsage, QStringLiteral("--paths applies to JSON input"));

    const int code = inputType == InputType::Json
        ? queryJson(withoutBom(data), positional.first(), parser.isSet(pathsOption))
        : queryXml(data, positional.first(), xpathOptions);
    std::fflush(stdout);
    return code;
}
