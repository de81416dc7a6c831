#include "SendCommand.h"

#include "HistoryCommand.h"
#include "WorkspaceRequest.h"
#include "http/ClientCertificate.h"
#include "http/CookieJar.h"
#include "http/HttpEngine.h"
#include "http/ProxyRoute.h"
#include "http/Transfer.h"
#include "model/ExchangeJson.h"
#include "template/RequestLocator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <cstdio>
#include <optional>

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

/// A curl-style -F argument: 'name=value', or 'name=@path' with optional ';type=mime' and ';filename=name'.
std::optional<Sonde::MultipartPart> parseFormPart(const QString &argument, QString *problem)
{
    const qsizetype equals = argument.indexOf(u'=');
    if (equals <= 0) {
        *problem = QStringLiteral("-F “%1” is not of the form name=value or name=@file").arg(argument);
        return std::nullopt;
    }
    Sonde::MultipartPart part;
    part.name = argument.left(equals);
    const QString value = argument.mid(equals + 1);
    if (!value.startsWith(u'@')) {
        part.value = value;
        return part;
    }
    const QStringList pieces = value.mid(1).split(u';');
    part.filePath = pieces.first();
    for (qsizetype i = 1; i < pieces.size(); ++i) {
        const QString piece = pieces.at(i).trimmed();
        if (piece.startsWith(QStringLiteral("type=")))
            part.contentType = piece.mid(5);
        else if (piece.startsWith(QStringLiteral("filename=")))
            part.fileName = piece.mid(9);
        else {
            *problem = QStringLiteral("-F “%1”: unknown “%2” (type= and filename= are known)").arg(argument, piece);
            return std::nullopt;
        }
    }
    if (part.filePath.isEmpty()) {
        *problem = QStringLiteral("-F “%1” names no file after @").arg(argument);
        return std::nullopt;
    }
    return part;
}

/// curl's --cert FILE[:PASSWORD]: the first colon not escaped with a backslash starts the password;
/// a backslash before a colon (or a backslash) makes it part of the file name.
std::pair<QString, std::optional<QString>> splitCertArgument(const QString &argument)
{
    QString file;
    for (qsizetype i = 0; i < argument.size(); ++i) {
        const QChar c = argument.at(i);
        if (c == u'\\' && i + 1 < argument.size()
            && (argument.at(i + 1) == u':' || argument.at(i + 1) == u'\\')) {
            file += argument.at(++i);
        } else if (c == u':') {
            return {file, argument.mid(i + 1)};
        } else {
            file += c;
        }
    }
    return {file, std::nullopt};
}

/// The client certificate of --cert, --key, --cert-type and --pass, presented to every HTTPS host the
/// request goes to (redirects included), as curl does; or why it cannot be used.
std::optional<Sonde::ClientCertificate> clientCertificateFrom(
    const QCommandLineParser &parser, QString *problem)
{
    const auto [file, password] = splitCertArgument(parser.value(QStringLiteral("cert")));
    Sonde::ClientCertificate certificate;
    certificate.host = QStringLiteral("*");
    certificate.certificateFile = file;
    certificate.keyFile = parser.value(QStringLiteral("key"));
    // One passphrase, as in curl: --pass and the password after the colon set the same thing.
    certificate.passphrase = parser.isSet(QStringLiteral("pass")) ? parser.value(QStringLiteral("pass"))
                                                                  : password.value_or(QString());
    if (parser.isSet(QStringLiteral("cert-type"))) {
        const QString type = parser.value(QStringLiteral("cert-type"));
        const std::optional<Sonde::ClientCertificate::Format> format
            = Sonde::ClientCertificate::formatNamed(type);
        if (!format) {
            *problem = QStringLiteral("--cert-type %1: Sonde reads PEM, DER and P12 certificates.").arg(type);
            return std::nullopt;
        }
        certificate.format = *format;
    } else if (file.endsWith(QStringLiteral(".p12"), Qt::CaseInsensitive)
        || file.endsWith(QStringLiteral(".pfx"), Qt::CaseInsensitive)) {
        certificate.format = Sonde::ClientCertificate::Format::Pkcs12;
    }
    if (certificate.format == Sonde::ClientCertificate::Format::Pkcs12 && !certificate.keyFile.isEmpty()) {
        *problem = QStringLiteral("--key is for PEM certificates: a PKCS#12 file holds its key.");
        return std::nullopt;
    }
    const Sonde::ClientIdentityResult loaded = Sonde::loadClientIdentity(certificate);
    if (!loaded.ok()) {
        *problem = loaded.error;
        return std::nullopt;
    }
    return certificate;
}

} // namespace

int runSendCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Send one HTTP request and print the response."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("url"), QStringLiteral("The URL to request."));
    const QCommandLineOption methodOption({QStringLiteral("X"), QStringLiteral("request")},
        QStringLiteral("HTTP method (default GET, or POST with a body)."), QStringLiteral("method"));
    const QCommandLineOption headerOption({QStringLiteral("H"), QStringLiteral("header")},
        QStringLiteral("A header, 'Name: value'; repeatable."), QStringLiteral("header"));
    const QCommandLineOption dataOption({QStringLiteral("d"), QStringLiteral("data")},
        QStringLiteral("The request body."), QStringLiteral("body"));
    const QCommandLineOption dataFileOption(QStringLiteral("data-file"),
        QStringLiteral("Read the request body from a file."), QStringLiteral("file"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
        QStringLiteral("Time limit for the whole exchange (default 30000; 0 = none)."), QStringLiteral("ms"));
    const QCommandLineOption insecureOption({QStringLiteral("k"), QStringLiteral("insecure")},
        QStringLiteral("Accept TLS certificates that fail verification."));
    const QCommandLineOption noFollowOption(
        QStringLiteral("no-follow"), QStringLiteral("Do not follow redirects."));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), QStringLiteral("Print the whole exchange as JSON (see docs/cli.md)."));
    const QCommandLineOption workspaceOption(QStringLiteral("workspace"),
        QStringLiteral("Send a saved request of this workspace folder; the argument "
                       "is then COLLECTION/FOLDER/REQUEST."),
        QStringLiteral("dir"));
    const QCommandLineOption environmentOption(QStringLiteral("env"),
        QStringLiteral("The environment whose variables apply (with --workspace)."), QStringLiteral("name"));
    const QCommandLineOption variableOption(QStringLiteral("var"),
        QStringLiteral("A variable value for this run, 'name=value'; repeatable; "
                       "wins over every other scope."),
        QStringLiteral("name=value"));
    const QCommandLineOption allowUnresolvedOption(QStringLiteral("allow-unresolved"),
        QStringLiteral("Send even when some {{variables}} cannot be resolved."));
    const QCommandLineOption formOption({QStringLiteral("F"), QStringLiteral("form")},
        QStringLiteral("A multipart part, 'name=value' or 'name=@path[;type=mime]'; repeatable."),
        QStringLiteral("part"));
    const QCommandLineOption urlencodeOption(QStringLiteral("data-urlencode"),
        QStringLiteral("A form field 'name=value', URL-encoded into an "
                       "application/x-www-form-urlencoded body; repeatable."),
        QStringLiteral("name=value"));
    const QCommandLineOption uploadOption({QStringLiteral("T"), QStringLiteral("upload-file")},
        QStringLiteral("Stream a file as the body (method PUT unless -X says otherwise)."), QStringLiteral("path"));
    const QCommandLineOption graphqlOption(QStringLiteral("graphql"),
        QStringLiteral("Send a GraphQL query as a JSON POST."), QStringLiteral("query"));
    const QCommandLineOption variablesOption(QStringLiteral("variables"),
        QStringLiteral("GraphQL variables, a JSON object (with --graphql)."), QStringLiteral("json"));
    const QCommandLineOption operationOption(QStringLiteral("operation"),
        QStringLiteral("The GraphQL operation to run (with --graphql)."), QStringLiteral("name"));
    const QCommandLineOption http1Option(QStringLiteral("http1.1"), QStringLiteral("Use HTTP/1.1 only."));
    const QCommandLineOption http2Option(QStringLiteral("http2-prior-knowledge"),
        QStringLiteral("Speak HTTP/2 from the start, without upgrade or ALPN."));
    const QCommandLineOption maxRedirectsOption(QStringLiteral("max-redirects"),
        QStringLiteral("Follow at most this many redirects (default 10)."), QStringLiteral("n"));
    parser.addOptions({methodOption, headerOption, dataOption, dataFileOption, timeoutOption, insecureOption,
        noFollowOption, jsonOption, workspaceOption, environmentOption, variableOption,
        allowUnresolvedOption, formOption, urlencodeOption, uploadOption, graphqlOption, variablesOption,
        operationOption, http1Option, http2Option, maxRedirectsOption});
    // History: every exchange is recorded unless --no-history (database: $SONDE_HISTORY_DB or the app's).
    const QCommandLineOption noHistoryOption(
        QStringLiteral("no-history"), QStringLiteral("Do not record this exchange in the history."));
    parser.addOption(noHistoryOption);
    const QCommandLineOption cookieJarOption(QStringLiteral("cookie-jar"),
        QStringLiteral("Send the cookies of this JSON file and write the ones the response sets back to it."),
        QStringLiteral("file"));
    parser.addOption(cookieJarOption);
    const QCommandLineOption proxyOption({QStringLiteral("x"), QStringLiteral("proxy")},
        QStringLiteral("Go through this proxy: http://[user:password@]host:port or socks5://…; "
                       "'system' for the system's, 'none' to connect directly."),
        QStringLiteral("url"));
    parser.addOption(proxyOption);
    const QCommandLineOption caCertOption(QStringLiteral("cacert"),
        QStringLiteral("Also trust the certificate authorities in this PEM or DER file; repeatable."),
        QStringLiteral("file"));
    parser.addOption(caCertOption);
    parser.addOptions({
        {{QStringLiteral("E"), QStringLiteral("cert")},
            QStringLiteral(
                "Present this client certificate for mutual TLS: PEM (with the key, unless --key) or "
                "PKCS#12 (.p12/.pfx); after a colon, its key's passphrase or its password."),
            QStringLiteral("file[:password]")},
        {QStringLiteral("key"),
            QStringLiteral("The PEM private key of --cert, when not in the certificate file."),
            QStringLiteral("file")},
        {QStringLiteral("cert-type"),
            QStringLiteral("PEM, DER or P12; by default PEM, or P12 for a .p12 or .pfx file."),
            QStringLiteral("type")},
        {QStringLiteral("pass"),
            QStringLiteral("The passphrase of the private key, or the PKCS#12 password."),
            QStringLiteral("phrase")},
    });
    if (!parser.parse(QStringList {QStringLiteral("sonde-cli send")} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    const bool fromWorkspace = parser.isSet(workspaceOption);
    if (positional.size() != 1)
        return usageError(fromWorkspace
                ? QStringLiteral("expected exactly one request path, COLLECTION/FOLDER/REQUEST")
                : QStringLiteral("expected exactly one URL (see --help)"));
    if (!fromWorkspace && (parser.isSet(environmentOption) || parser.isSet(variableOption)))
        return usageError(QStringLiteral("--env and --var go with --workspace"));
    WorkspaceRequestOptions saved;
    if (fromWorkspace) {
        saved.workspace = parser.value(workspaceOption);
        saved.requestPath = positional.first();
        saved.environment = parser.value(environmentOption);
        for (const QString &assignment : parser.values(variableOption)) {
            const qsizetype equals = assignment.indexOf(u'=');
            if (equals <= 0)
                return usageError(QStringLiteral("--var “%1” is not of the form name=value").arg(assignment));
            saved.overrides.append({assignment.left(equals), assignment.mid(equals + 1)});
        }
    }

    Sonde::Request request;
    request.url = positional.first();
    for (const QString &header : parser.values(headerOption)) {
        const qsizetype colon = header.indexOf(u':');
        if (colon <= 0)
            return usageError(QStringLiteral("header “%1” is not of the form 'Name: value'").arg(header));
        request.headers.append({header.left(colon).trimmed(), header.mid(colon + 1).trimmed(), true});
    }
    int bodySources = 0;
    for (const QCommandLineOption *option : {&dataOption, &dataFileOption, &formOption, &urlencodeOption,
             &uploadOption, &graphqlOption})
        bodySources += parser.isSet(*option) ? 1 : 0;
    if (bodySources > 1)
        return usageError(QStringLiteral(
            "give one kind of body: -d, --data-file, -F, --data-urlencode, --upload-file or --graphql"));
    if ((parser.isSet(variablesOption) || parser.isSet(operationOption)) && !parser.isSet(graphqlOption))
        return usageError(QStringLiteral("--variables and --operation go with --graphql"));
    if (parser.isSet(dataOption) || parser.isSet(dataFileOption)) {
        request.body.kind = Sonde::Body::Kind::Raw;
        if (parser.isSet(dataOption)) {
            request.body.data = parser.value(dataOption).toUtf8();
        } else {
            QFile file(parser.value(dataFileOption));
            if (!file.open(QIODevice::ReadOnly))
                return usageError(
                    QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
            request.body.data = file.readAll();
        }
        request.body.contentType = defaultContentType(request.body.data);
        request.method = QStringLiteral("POST");
    } else if (parser.isSet(formOption)) {
        request.body.kind = Sonde::Body::Kind::Multipart;
        for (const QString &argument : parser.values(formOption)) {
            QString problem;
            const std::optional<Sonde::MultipartPart> part = parseFormPart(argument, &problem);
            if (!part)
                return usageError(problem);
            request.body.parts.append(*part);
        }
        request.method = QStringLiteral("POST");
    } else if (parser.isSet(urlencodeOption)) {
        request.body.kind = Sonde::Body::Kind::FormUrlEncoded;
        for (const QString &assignment : parser.values(urlencodeOption)) {
            const qsizetype equals = assignment.indexOf(u'=');
            if (equals <= 0)
                return usageError(
                    QStringLiteral("--data-urlencode “%1” is not of the form name=value").arg(assignment));
            request.body.fields.append({assignment.left(equals), assignment.mid(equals + 1), true});
        }
        request.method = QStringLiteral("POST");
    } else if (parser.isSet(uploadOption)) {
        request.body.kind = Sonde::Body::Kind::Binary;
        request.body.filePath = parser.value(uploadOption);
        request.method = QStringLiteral("PUT");
    } else if (parser.isSet(graphqlOption)) {
        request.body.kind = Sonde::Body::Kind::GraphQL;
        request.body.graphqlQuery = parser.value(graphqlOption);
        request.body.graphqlVariables = parser.value(variablesOption);
        request.body.graphqlOperationName = parser.value(operationOption);
        request.method = QStringLiteral("POST");
    }
    if (parser.isSet(http1Option) && parser.isSet(http2Option))
        return usageError(QStringLiteral("give --http1.1 or --http2-prior-knowledge, not both"));
    int maxRedirects = -1;
    if (parser.isSet(maxRedirectsOption)) {
        bool ok = false;
        maxRedirects = parser.value(maxRedirectsOption).toInt(&ok);
        if (!ok || maxRedirects < 0)
            return usageError(QStringLiteral("--max-redirects takes a number"));
    }
    std::optional<Sonde::ProxySettings> proxy;
    if (parser.isSet(proxyOption)) {
        const QString text = parser.value(proxyOption);
        if (text == u"none") {
            proxy = Sonde::ProxySettings {Sonde::ProxySettings::Mode::None};
        } else if (text == u"system") {
            proxy = Sonde::ProxySettings {Sonde::ProxySettings::Mode::System};
        } else {
            QString problem;
            proxy = Sonde::proxyFromUrl(text, &problem);
            if (!problem.isEmpty())
                return usageError(QStringLiteral("--proxy: %1").arg(problem));
        }
    }
    int timeoutMs = -1;
    if (parser.isSet(timeoutOption)) {
        bool ok = false;
        timeoutMs = parser.value(timeoutOption).toInt(&ok);
        if (!ok || timeoutMs < 0)
            return usageError(QStringLiteral("--timeout takes a number of milliseconds"));
    }
    // Options given on the command line win over what a saved request says.
    const auto applyOptions = [&](Sonde::Request &r) {
        if (parser.isSet(methodOption))
            r.method = parser.value(methodOption);
        if (timeoutMs >= 0)
            r.settings.timeoutMs = timeoutMs;
        if (parser.isSet(insecureOption))
            r.settings.ignoreTlsErrors = true;
        if (parser.isSet(noFollowOption))
            r.settings.followRedirects = false;
        if (maxRedirects >= 0)
            r.settings.maxRedirects = maxRedirects;
        if (parser.isSet(http1Option))
            r.settings.httpVersion = Sonde::HttpVersionPolicy::Http1Only;
        if (parser.isSet(http2Option))
            r.settings.httpVersion = Sonde::HttpVersionPolicy::Http2PriorKnowledge;
        if (proxy)
            r.settings.proxy = *proxy;
        if (fromWorkspace) {
            r.headers += request.headers;
            if (request.body.kind != Sonde::Body::Kind::None)
                r.body = request.body;
        }
    };

    QNetworkAccessManager network;
    Sonde::HttpEngine engine(&network);
    if (parser.isSet(caCertOption)) {
        QString problem;
        const QList<QSslCertificate> authorities = Sonde::HttpEngine::loadCertificates(parser.values(caCertOption), &problem);
        if (!problem.isEmpty())
            return usageError(problem);
        engine.setExtraCaCertificates(authorities);
    }
    if (parser.isSet(QStringLiteral("cert"))) {
        QString problem;
        const std::optional<Sonde::ClientCertificate> certificate = clientCertificateFrom(parser, &problem);
        if (!certificate)
            return usageError(problem);
        engine.setClientCertificates({*certificate});
    } else {
        for (const QString &name :
            {QStringLiteral("key"), QStringLiteral("cert-type"), QStringLiteral("pass")}) {
            if (parser.isSet(name))
                return usageError(QStringLiteral("--%1 goes with --cert.").arg(name));
        }
    }
    Sonde::CookieJar cookieJar;
    if (parser.isSet(cookieJarOption)) {
        cookieJar.setFilePath(parser.value(cookieJarOption));
        // Each run is a new process: session cookies must survive in the file, as with curl's jar.
        cookieJar.setKeepSessionCookies(true);
        QString error;
        if (!cookieJar.load(&error))
            return usageError(error);
        engine.setCookieJar(&cookieJar);
    }
    Sonde::KeychainSecretStore secrets(QStringLiteral("Sonde"));
    Sonde::Exchange result;
    QList<Sonde::ResponseCapture> captures;
    QStringList secretValues;
    QString failure;
    const auto send = [&](Sonde::Request r) {
        applyOptions(r);
        captures = r.captures;
        Sonde::Transfer *transfer = engine.send(r, &engine);
        QObject::connect(
            transfer, &Sonde::Transfer::finished, &engine, [&result](const Sonde::Exchange &exchange) {
                result = exchange;
                QCoreApplication::exit(0);
            });
    };
    if (fromWorkspace) {
        const bool allowUnresolved = parser.isSet(allowUnresolvedOption);
        // Started from the event loop, so an answer that comes at once can still end the loop.
        QMetaObject::invokeMethod(
            &engine,
            [&] {
                prepareWorkspaceRequest(saved, &secrets, &engine, [&](const PreparedRequest &prepared) {
                    for (const QString &note : prepared.notes)
                        std::fprintf(stderr, "sonde-cli send: note: %s\n", qPrintable(note));
                    if (!prepared.error.isEmpty()) {
                        failure = prepared.error;
                    } else if (!prepared.unresolved.isEmpty() && !allowUnresolved) {
                        failure = QStringLiteral(
                            "unresolved variables: %1 (define them, pick an environment with --env, give "
                            "--var name=value, or send anyway with --allow-unresolved)")
                                      .arg(prepared.unresolved.join(QStringLiteral(", ")));
                    } else {
                        for (const QString &name : prepared.unresolved)
                            std::fprintf(stderr,
                                "sonde-cli send: warning: {{%s}} is unresolved and sent as written\n",
                                qPrintable(name));
                        secretValues = prepared.secretValues;
                        send(prepared.request);
                        return;
                    }
                    QCoreApplication::exit(0);
                });
            },
            Qt::QueuedConnection);
    } else {
        send(request);
    }
    QCoreApplication::exec();
    if (!failure.isEmpty())
        return usageError(failure);
    if (parser.isSet(cookieJarOption)) {
        QString error;
        if (!cookieJar.save(&error))
            std::fprintf(stderr, "sonde-cli send: %s\n", qPrintable(error));
    }
    if (!parser.isSet(noHistoryOption))
        recordInHistory(
            result, {fromWorkspace ? saved.requestPath : QString(), saved.environment, secretValues});

    if (!result.tls.clientCertificate.isEmpty())
        std::fprintf(stderr, "sonde-cli send: presented the client certificate %s\n",
            qPrintable(result.tls.clientCertificate));
    const QList<Sonde::CapturedValue> captured = Sonde::applyCaptures(captures, result);
    if (parser.isSet(jsonOption)) {
        QJsonObject json = Sonde::ExchangeJson::toJson(result);
        if (!captured.isEmpty()) {
            QJsonObject values;
            for (const Sonde::CapturedValue &value : captured) {
                if (value.error.isEmpty())
                    values.insert(value.variable, value.value);
            }
            json.insert(QStringLiteral("captures"), values);
        }
        writeOut(QJsonDocument(json).toJson(QJsonDocument::Indented));
    } else if (result.hasResponse() && !result.error.isError()) {
        printExchange(result);
    }
    for (const Sonde::CapturedValue &value : captured) {
        if (value.error.isEmpty())
            std::fprintf(stderr, "sonde-cli send: captured %s\n", qPrintable(value.variable));
        else
            std::fprintf(stderr, "sonde-cli send: could not capture %s: %s\n", qPrintable(value.variable),
                qPrintable(value.error));
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
