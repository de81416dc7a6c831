#include "SendCommand.h"

#include "http/HttpEngine.h"
#include "http/Transfer.h"
#include "model/ExchangeJson.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>

#include <cstdio>

namespace {

constexpr int ExitUsage = 2;
constexpr int ExitTransport = 3;

int usageError(const QString &message)
{
    std::fprintf(stderr, "sonde-cli send: %s\n", qPrintable(message));
    return ExitUsage;
}

void writeOut(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
}

void printExchange(const Sonde::Exchange &exchange)
{
    const Sonde::ResponseHead &head = *exchange.response;
    QByteArray text = head.httpVersion + ' ' + QByteArray::number(head.statusCode);
    if (!head.reasonPhrase.isEmpty())
        text += ' ' + head.reasonPhrase;
    text += '\n';
    for (const auto &header : head.headers)
        text += header.first + ": " + header.second + '\n';
    text += '\n';
    writeOut(text);
    const auto device = exchange.body.open();
    if (!device)
        return;
    while (!device->atEnd())
        writeOut(device->read(1024 * 1024));
}

QString defaultContentType(const QByteArray &body)
{
    QJsonParseError error;
    QJsonDocument::fromJson(body, &error);
    return error.error == QJsonParseError::NoError ? QStringLiteral("application/json")
                                                   : QStringLiteral("text/plain");
}

} // namespace

int runSendCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Send one HTTP request and print the response."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("url"), QStringLiteral("The URL to request."));
    const QCommandLineOption methodOption({QStringLiteral("X"), QStringLiteral("request")},
                                          QStringLiteral("HTTP method (default GET, or POST with a body)."),
                                          QStringLiteral("method"));
    const QCommandLineOption headerOption({QStringLiteral("H"), QStringLiteral("header")},
                                          QStringLiteral("A header, 'Name: value'; repeatable."),
                                          QStringLiteral("header"));
    const QCommandLineOption dataOption({QStringLiteral("d"), QStringLiteral("data")},
                                        QStringLiteral("The request body."), QStringLiteral("body"));
    const QCommandLineOption dataFileOption(QStringLiteral("data-file"),
                                            QStringLiteral("Read the request body from a file."),
                                            QStringLiteral("file"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           QStringLiteral("Time limit for the whole exchange (default 30000; 0 = none)."),
                                           QStringLiteral("ms"));
    const QCommandLineOption insecureOption({QStringLiteral("k"), QStringLiteral("insecure")},
                                            QStringLiteral("Accept TLS certificates that fail verification."));
    const QCommandLineOption noFollowOption(QStringLiteral("no-follow"),
                                            QStringLiteral("Do not follow redirects."));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print the whole exchange as JSON (see docs/cli.md)."));
    parser.addOptions({methodOption, headerOption, dataOption, dataFileOption, timeoutOption, insecureOption,
                       noFollowOption, jsonOption});
    if (!parser.parse(QStringList {QStringLiteral("sonde-cli send")} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usageError(QStringLiteral("expected exactly one URL (see --help)"));

    Sonde::Request request;
    request.url = positional.first();
    for (const QString &header : parser.values(headerOption)) {
        const qsizetype colon = header.indexOf(u':');
        if (colon <= 0)
            return usageError(QStringLiteral("header “%1” is not of the form 'Name: value'").arg(header));
        request.headers.append({header.left(colon).trimmed(), header.mid(colon + 1).trimmed(), true});
    }
    if (parser.isSet(dataOption) && parser.isSet(dataFileOption))
        return usageError(QStringLiteral("give the body with -d or with --data-file, not both"));
    if (parser.isSet(dataOption) || parser.isSet(dataFileOption)) {
        request.body.kind = Sonde::Body::Kind::Raw;
        if (parser.isSet(dataOption)) {
            request.body.data = parser.value(dataOption).toUtf8();
        } else {
            QFile file(parser.value(dataFileOption));
            if (!file.open(QIODevice::ReadOnly))
                return usageError(QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
            request.body.data = file.readAll();
        }
        request.body.contentType = defaultContentType(request.body.data);
        request.method = QStringLiteral("POST");
    }
    if (parser.isSet(methodOption))
        request.method = parser.value(methodOption);
    if (parser.isSet(timeoutOption)) {
        bool ok = false;
        request.settings.timeoutMs = parser.value(timeoutOption).toInt(&ok);
        if (!ok || request.settings.timeoutMs < 0)
            return usageError(QStringLiteral("--timeout takes a number of milliseconds"));
    }
    request.settings.ignoreTlsErrors = parser.isSet(insecureOption);
    request.settings.followRedirects = !parser.isSet(noFollowOption);

    QNetworkAccessManager network;
    Sonde::HttpEngine engine(&network);
    Sonde::Exchange result;
    Sonde::Transfer *transfer = engine.send(request, &engine);
    QObject::connect(transfer, &Sonde::Transfer::finished, &engine, [&result](const Sonde::Exchange &exchange) {
        result = exchange;
        QCoreApplication::exit(0);
    });
    QCoreApplication::exec();

    if (parser.isSet(jsonOption)) {
        writeOut(QJsonDocument(Sonde::ExchangeJson::toJson(result)).toJson(QJsonDocument::Indented));
    } else if (result.hasResponse() && !result.error.isError()) {
        printExchange(result);
    }
    if (result.error.isError()) {
        std::fprintf(stderr, "sonde-cli send: %s\n", qPrintable(result.error.message));
        for (const QString &detail : std::as_const(result.error.details))
            std::fprintf(stderr, "  %s\n", qPrintable(detail));
        return ExitTransport;
    }
    std::fflush(stdout);
    return 0;
}
