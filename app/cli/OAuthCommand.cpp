#include "OAuthCommand.h"

#include "auth/BrowserLauncher.h"
#include "auth/OAuth2Flow.h"
#include "auth/OidcDiscovery.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <cstdio>

namespace {

constexpr int ExitFailed = 1;
constexpr int ExitUsage = 2;

int usageError(const QString &message)
{
    std::fprintf(stderr, "sonde-cli oauth: %s\n", qPrintable(message));
    return ExitUsage;
}

void progress(const QString &text)
{
    std::fprintf(stderr, "%s\n", qPrintable(text));
    std::fflush(stderr);
}

/// sonde-cli links no QtGui, so no QDesktopServices: xdg-open when present, else $BROWSER, else the user
/// opens the printed URL themselves. The URL is always printed, for a browser on another machine.
class CliBrowserLauncher final : public Sonde::BrowserLauncher
{
public:
    explicit CliBrowserLauncher(bool launch)
        : m_launch(launch)
    {
    }

    bool open(const QUrl &url, QString *) override
    {
        const QString text = url.toString(QUrl::FullyEncoded);
        progress(QStringLiteral("Open this URL in a browser to sign in:\n  %1").arg(text));
        if (!m_launch)
            return true;
        const QString xdgOpen = QStandardPaths::findExecutable(QStringLiteral("xdg-open"));
        const QString browser = QProcessEnvironment::systemEnvironment().value(QStringLiteral("BROWSER"));
        if (!xdgOpen.isEmpty())
            QProcess::startDetached(xdgOpen, {text});
        else if (!browser.isEmpty())
            QProcess::startDetached(browser, {text});
        return true;
    }

private:
    bool m_launch;
};

bool grantFromName(const QString &name, Sonde::OAuth2::Grant *grant)
{
    using Grant = Sonde::OAuth2::Grant;
    static const QHash<QString, Grant> grants {{QStringLiteral("authorization_code"), Grant::AuthorizationCode},
        {QStringLiteral("client_credentials"), Grant::ClientCredentials}, {QStringLiteral("password"), Grant::Password},
        {QStringLiteral("device_code"), Grant::DeviceCode}};
    if (!grants.contains(name))
        return false;
    *grant = grants.value(name);
    return true;
}

void printToken(const Sonde::TokenResponse &token, bool json)
{
    QByteArray text;
    if (json) {
        text = QJsonDocument(token.raw).toJson(QJsonDocument::Indented);
    } else {
        const auto line = [&text](const char *name, const QString &value) {
            if (!value.isEmpty())
                text += QByteArray(name) + ": " + value.toUtf8() + '\n';
        };
        line("access_token", token.accessToken);
        line("token_type", token.tokenType);
        if (token.expiresIn >= 0)
            line("expires_in", QStringLiteral("%1 (until %2)").arg(token.expiresIn).arg(token.expiresAt.toString(Qt::ISODate)));
        line("refresh_token", token.refreshToken);
        line("id_token", token.idToken);
        line("scope", token.scope);
    }
    std::fwrite(text.constData(), 1, static_cast<size_t>(text.size()), stdout);
}

} // namespace

int runOAuthCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Get an OAuth 2.0 token from a provider and print it."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("token"), QStringLiteral("The action: token."));
    const auto option = [&parser](const char *name, const char *description, const char *valueName = nullptr) {
        QCommandLineOption created(QString::fromLatin1(name), QString::fromLatin1(description));
        if (valueName)
            created.setValueName(QString::fromLatin1(valueName));
        parser.addOption(created);
        return created;
    };
    const auto issuer = option("issuer", "OpenID issuer: the endpoints come from its discovery document.", "url");
    const auto authUrl = option("auth-url", "The authorization endpoint.", "url");
    const auto tokenUrl = option("token-url", "The token endpoint.", "url");
    const auto deviceUrl = option("device-auth-url", "The device authorization endpoint.", "url");
    const auto grant = option("grant",
        "authorization_code, client_credentials, password, device_code or refresh_token.", "grant");
    const auto clientId = option("client-id", "The client id.", "id");
    const auto clientSecret = option("client-secret", "The client secret (confidential clients).", "secret");
    const auto clientAuth = option("client-auth", "basic (default) or post: how the secret is sent.", "method");
    const auto scope = option("scope", "The scopes, separated by spaces.", "scope");
    const auto audience = option("audience", "The audience parameter.", "audience");
    const auto resource = option("resource", "The resource indicator (RFC 8707).", "uri");
    const auto param = option("param", "An extra parameter name=value; repeatable.", "name=value");
    const auto pkce = option("pkce", "S256 (default), plain or none.", "method");
    const auto redirectPort = option("redirect-port", "Port of the loopback redirect (default: a free one).", "n");
    const auto redirectPath = option("redirect-path", "Path of the loopback redirect (default /callback).", "path");
    const auto callbackTimeout = option("callback-timeout", "Seconds to wait for the browser (default 300).", "s");
    const auto noBrowser = option("no-browser", "Only print the authorization URL; do not start a browser.");
    const auto username = option("username", "Password grant: the user name.", "user");
    const auto password = option("password", "Password grant: the password.", "password");
    const auto refreshToken = option("refresh-token", "refresh_token grant: the refresh token.", "token");
    const auto json = option("json", "Print the token endpoint's JSON answer.");
    const auto verbose = option("verbose", "Print each step's details (secrets masked) on stderr.");
    if (!parser.parse(QStringList {QStringLiteral("sonde-cli oauth")} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    if (parser.positionalArguments() != QStringList {QStringLiteral("token")})
        return usageError(QStringLiteral("usage: sonde-cli oauth token --grant G --client-id ID … (see --help)"));

    Sonde::OAuth2 config;
    const QString grantName = parser.value(grant);
    const bool refresh = grantName == u"refresh_token";
    if (!refresh && !grantFromName(grantName, &config.grant))
        return usageError(QStringLiteral("--grant must be authorization_code, client_credentials, password, "
                                         "device_code or refresh_token"));
    if (!parser.isSet(clientId))
        return usageError(QStringLiteral("--client-id is required"));
    if (!parser.isSet(issuer) && !parser.isSet(tokenUrl))
        return usageError(QStringLiteral("give --issuer, or the endpoints (--token-url, and --auth-url or "
                                         "--device-auth-url for their grants)"));
    config.authUrl = parser.value(authUrl);
    config.tokenUrl = parser.value(tokenUrl);
    config.deviceAuthUrl = parser.value(deviceUrl);
    config.clientId = parser.value(clientId);
    config.clientSecret = parser.value(clientSecret);
    config.scope = parser.value(scope);
    config.audience = parser.value(audience);
    config.resource = parser.value(resource);
    config.username = parser.value(username);
    config.password = parser.value(password);
    const QString authName = parser.value(clientAuth);
    if (authName == u"post")
        config.clientAuth = Sonde::OAuth2::ClientAuth::Post;
    else if (!authName.isEmpty() && authName != u"basic")
        return usageError(QStringLiteral("--client-auth must be basic or post"));
    const QString pkceName = parser.value(pkce);
    if (pkceName == u"plain")
        config.pkce = Sonde::OAuth2::Pkce::Plain;
    else if (pkceName == u"none")
        config.pkce = Sonde::OAuth2::Pkce::None;
    else if (!pkceName.isEmpty() && pkceName != u"S256")
        return usageError(QStringLiteral("--pkce must be S256, plain or none"));
    if (parser.isSet(redirectPort)) {
        bool ok = false;
        config.redirectPort = parser.value(redirectPort).toInt(&ok);
        if (!ok || config.redirectPort < 0 || config.redirectPort > 65535)
            return usageError(QStringLiteral("--redirect-port must be a port number"));
    }
    if (parser.isSet(redirectPath))
        config.redirectPath = parser.value(redirectPath);
    for (const QString &assignment : parser.values(param)) {
        const qsizetype equals = assignment.indexOf(u'=');
        if (equals <= 0)
            return usageError(QStringLiteral("--param “%1” is not of the form name=value").arg(assignment));
        config.extraParams.append({assignment.left(equals), assignment.mid(equals + 1)});
    }
    if (config.grant == Sonde::OAuth2::Grant::Password && !refresh && !parser.isSet(username))
        return usageError(QStringLiteral("the password grant needs --username and --password"));
    if (refresh && !parser.isSet(refreshToken))
        return usageError(QStringLiteral("the refresh_token grant needs --refresh-token"));
    int timeoutSeconds = 300;
    if (parser.isSet(callbackTimeout)) {
        bool ok = false;
        timeoutSeconds = parser.value(callbackTimeout).toInt(&ok);
        if (!ok || timeoutSeconds < 0)
            return usageError(QStringLiteral("--callback-timeout must be a number of seconds"));
    }

    QNetworkAccessManager network;
    CliBrowserLauncher launcher(!parser.isSet(noBrowser));
    Sonde::OAuth2Flow flow(&network);
    Sonde::OidcDiscovery discovery(&network);
    flow.setBrowserLauncher(&launcher);
    flow.setCallbackTimeout(timeoutSeconds * 1000);
    int exitCode = ExitFailed;
    const bool showJson = parser.isSet(json);
    const bool showDetails = parser.isSet(verbose);
    QObject::connect(&flow, &Sonde::OAuth2Flow::logged, &flow, [showDetails](const Sonde::OAuthLogEntry &entry) {
        if (entry.step == u"Failed")
            return;
        progress(showDetails ? QStringLiteral("oauth: %1\n  %2").arg(entry.step, QString(entry.detail).replace(u'\n', QStringLiteral("\n  ")))
                             : QStringLiteral("oauth: %1").arg(entry.step));
    });
    QObject::connect(&flow, &Sonde::OAuth2Flow::deviceAuthorizationReady, &flow,
        [](const Sonde::DeviceAuthorization &device) {
            progress(QStringLiteral("To sign in, visit %1 and enter the code %2")
                         .arg(device.verificationUri, device.userCode));
            if (!device.verificationUriComplete.isEmpty())
                progress(QStringLiteral("or open %1").arg(device.verificationUriComplete));
            progress(QStringLiteral("Waiting for approval…"));
        });
    QObject::connect(&flow, &Sonde::OAuth2Flow::succeeded, &flow, [&exitCode, showJson](const Sonde::TokenResponse &token) {
        printToken(token, showJson);
        exitCode = 0;
        QCoreApplication::exit(0);
    });
    QObject::connect(&flow, &Sonde::OAuth2Flow::failed, &flow, [](const QString &message) {
        std::fprintf(stderr, "sonde-cli oauth: %s\n", qPrintable(message));
        QCoreApplication::exit(ExitFailed);
    });
    const QString refreshValue = parser.value(refreshToken);
    const auto run = [&flow, refresh, refreshValue](const Sonde::OAuth2 &settings) {
        if (refresh)
            flow.refresh(settings, refreshValue);
        else
            flow.start(settings);
    };
    if (parser.isSet(issuer)) {
        QObject::connect(&discovery, &Sonde::OidcDiscovery::failed, &flow, [](const QString &message) {
            std::fprintf(stderr, "sonde-cli oauth: %s\n", qPrintable(message));
            QCoreApplication::exit(ExitFailed);
        });
        QObject::connect(&discovery, &Sonde::OidcDiscovery::finished, &flow,
            [&flow, &run, config](const Sonde::OidcConfiguration &endpoints) {
                progress(QStringLiteral("oauth: Discovered the endpoints of %1").arg(endpoints.issuer));
                flow.setIssuer(endpoints.issuer);
                // Endpoints given on the command line win over discovered ones.
                Sonde::OAuth2 settings = endpoints.appliedTo(config);
                if (!config.authUrl.isEmpty())
                    settings.authUrl = config.authUrl;
                if (!config.tokenUrl.isEmpty())
                    settings.tokenUrl = config.tokenUrl;
                if (!config.deviceAuthUrl.isEmpty())
                    settings.deviceAuthUrl = config.deviceAuthUrl;
                run(settings);
            });
        discovery.start(parser.value(issuer));
    } else {
        run(config);
    }
    QCoreApplication::exec();
    return exitCode;
}
