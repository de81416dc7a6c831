#include "auth/OAuth2Flow.h"

#include "auth/AuthApply.h"
#include "auth/BrowserLauncher.h"
#include "auth/Jwt.h"
#include "auth/LoopbackReceiver.h"
#include "auth/Pkce.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QUrl>

namespace Sonde {

namespace {

const QString DeviceGrant = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");

bool isSecretField(const QString &name)
{
    static const QStringList secret {QStringLiteral("client_secret"), QStringLiteral("code"),
        QStringLiteral("code_verifier"), QStringLiteral("refresh_token"), QStringLiteral("access_token"),
        QStringLiteral("id_token"), QStringLiteral("password"), QStringLiteral("device_code"),
        QStringLiteral("client_assertion")};
    return secret.contains(name);
}

QString mask(const QString &value)
{
    return QStringLiteral("[hidden, %1 characters]").arg(value.size());
}

QString randomState()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof(words))
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

/// Form encoding of application/x-www-form-urlencoded, as RFC 6749 §2.3.1 wants for Basic client auth.
QString formEncoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

} // namespace

OAuth2Flow::OAuth2Flow(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &OAuth2Flow::poll);
}

OAuth2Flow::~OAuth2Flow()
{
    stop();
}

QString OAuth2Flow::redirectUri() const
{
    return m_running ? m_redirectUri : QString();
}

QString OAuth2Flow::maskedForm(const QUrlQuery &form)
{
    QStringList parts;
    for (const auto &[key, value] : form.queryItems(QUrl::FullyDecoded))
        parts.append(key + u'=' + (isSecretField(key) ? mask(value) : value));
    return parts.join(u'&');
}

QString OAuth2Flow::maskedJson(const QJsonObject &object)
{
    QJsonObject masked = object;
    for (auto it = masked.begin(); it != masked.end(); ++it) {
        if (isSecretField(it.key()) && it.value().isString())
            it.value() = mask(it.value().toString());
    }
    return QString::fromUtf8(QJsonDocument(masked).toJson(QJsonDocument::Compact));
}

void OAuth2Flow::start(const OAuth2 &config)
{
    stop();
    m_config = config;
    m_log.clear();
    m_polls = 0;
    m_running = true;
    switch (config.grant) {
    case OAuth2::Grant::AuthorizationCode:
        startAuthorizationCode();
        return;
    case OAuth2::Grant::DeviceCode:
        startDeviceCode();
        return;
    case OAuth2::Grant::ClientCredentials: {
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
        addCommonParameters(form);
        requestToken(form, QStringLiteral("Token request (client credentials)"));
        return;
    }
    case OAuth2::Grant::Password: {
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("password"));
        form.addQueryItem(QStringLiteral("username"), config.username);
        form.addQueryItem(QStringLiteral("password"), config.password);
        addCommonParameters(form);
        requestToken(form, QStringLiteral("Token request (password)"));
        return;
    }
    case OAuth2::Grant::Implicit:
        startAuthorizationCode();
        return;
    case OAuth2::Grant::RefreshToken:
        m_running = false;
        refresh(config, config.refreshToken);
        return;
    }
}

void OAuth2Flow::refresh(const OAuth2 &config, const QString &refreshToken)
{
    stop();
    m_config = config;
    m_log.clear();
    m_running = true;
    if (refreshToken.isEmpty()) {
        fail(QStringLiteral("There is no refresh token to exchange."));
        return;
    }
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
    form.addQueryItem(QStringLiteral("refresh_token"), refreshToken);
    if (!config.scope.isEmpty())
        form.addQueryItem(QStringLiteral("scope"), config.scope);
    requestToken(form, QStringLiteral("Refresh request"));
}

void OAuth2Flow::cancel()
{
    if (!m_running)
        return;
    fail(QStringLiteral("The sign-in was cancelled."));
}

void OAuth2Flow::addCommonParameters(QUrlQuery &form) const
{
    if (!m_config.scope.isEmpty())
        form.addQueryItem(QStringLiteral("scope"), m_config.scope);
    if (!m_config.audience.isEmpty())
        form.addQueryItem(QStringLiteral("audience"), m_config.audience);
    if (!m_config.resource.isEmpty())
        form.addQueryItem(QStringLiteral("resource"), m_config.resource);
    for (const KeyValue &extra : m_config.extraParams) {
        if (extra.enabled && !extra.key.isEmpty())
            form.addQueryItem(extra.key, extra.value);
    }
}

void OAuth2Flow::startAuthorizationCode()
{
    const bool implicit = m_config.grant == OAuth2::Grant::Implicit;
    if (!m_launcher) {
        fail(QStringLiteral("No way to open a browser was given for the authorization code grant."));
        return;
    }
    const QUrl authUrl(m_config.authUrl);
    if (!authUrl.isValid() || authUrl.scheme().isEmpty() || authUrl.host().isEmpty()) {
        fail(QStringLiteral("The authorization URL “%1” is not a valid URL.").arg(m_config.authUrl));
        return;
    }
    const QString state = randomState();
    m_receiver = new LoopbackReceiver(this);
    m_receiver->setExpectedState(state);
    m_receiver->setExpectedIssuer(m_issuer);
    m_receiver->setTimeout(m_callbackTimeoutMs);
    m_receiver->setAcceptTokens(implicit);
    QString problem;
    const int port = m_config.redirectPort;
    if (port < 0 || port > 65535) {
        fail(QStringLiteral("The redirect port %1 is not a port number.").arg(port));
        return;
    }
    const QString path
        = m_config.redirectPath.isEmpty() ? QStringLiteral("/callback") : m_config.redirectPath;
    if (!m_receiver->listen(static_cast<quint16>(port), path, &problem)) {
        fail(problem);
        return;
    }
    m_redirectUri = m_receiver->redirectUri();
    connect(m_receiver, &LoopbackReceiver::failed, this, [this](const QString &message) {
        addLog(QStringLiteral("Callback rejected"), message);
        fail(message);
    });
    connect(
        m_receiver, &LoopbackReceiver::codeReceived, this, [this](const QString &code, const QString &query) {
            QUrlQuery received(query);
            addLog(QStringLiteral("Callback received"), maskedForm(received));
            QUrlQuery form;
            form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
            form.addQueryItem(QStringLiteral("code"), code);
            form.addQueryItem(QStringLiteral("redirect_uri"), m_redirectUri);
            if (m_config.pkce != OAuth2::Pkce::None)
                form.addQueryItem(QStringLiteral("code_verifier"), m_verifier);
            for (const KeyValue &extra : m_config.extraParams) {
                if (extra.enabled && !extra.key.isEmpty())
                    form.addQueryItem(extra.key, extra.value);
            }
            requestToken(form, QStringLiteral("Token request (authorization code)"));
        });

    connect(m_receiver, &LoopbackReceiver::tokenReceived, this, &OAuth2Flow::implicitTokenReceived);

    QUrlQuery query(authUrl);
    const bool openId = m_config.scope.split(u' ', Qt::SkipEmptyParts).contains(QStringLiteral("openid"));
    query.addQueryItem(QStringLiteral("response_type"),
        !implicit    ? QStringLiteral("code")
            : openId ? QStringLiteral("id_token token")
                     : QStringLiteral("token"));
    query.addQueryItem(QStringLiteral("client_id"), m_config.clientId);
    query.addQueryItem(QStringLiteral("redirect_uri"), m_redirectUri);
    query.addQueryItem(QStringLiteral("state"), state);
    m_nonce.clear();
    if (implicit) {
        // The token comes back by POST when the provider supports form_post, else in the fragment,
        // which the receiver's page posts back.
        query.addQueryItem(QStringLiteral("response_mode"), QStringLiteral("form_post"));
        if (openId) {
            m_nonce = randomState();
            query.addQueryItem(QStringLiteral("nonce"), m_nonce);
        }
    } else if (m_config.pkce != OAuth2::Pkce::None) {
        m_verifier = Pkce::makeVerifier();
        query.addQueryItem(QStringLiteral("code_challenge"), Pkce::challenge(m_verifier, m_config.pkce));
        query.addQueryItem(QStringLiteral("code_challenge_method"), Pkce::methodName(m_config.pkce));
    }
    addCommonParameters(query);
    // Query values must be fully encoded: '+' in a scope or a challenge would otherwise read as a space.
    QString encoded;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!encoded.isEmpty())
            encoded += u'&';
        encoded += formEncoded(key) + u'=' + formEncoded(value);
    }
    QUrl url = authUrl;
    url.setQuery(encoded, QUrl::StrictMode);
    addLog(QStringLiteral("Listening for the redirect"), m_redirectUri);
    addLog(QStringLiteral("Authorization URL opened"), url.toString(QUrl::FullyEncoded));
    if (!m_launcher->open(url, &problem))
        fail(QStringLiteral("Cannot open the browser: %1").arg(problem));
}

void OAuth2Flow::implicitTokenReceived(const QString &parameters)
{
    const QUrlQuery received(parameters);
    addLog(QStringLiteral("Callback received"), maskedForm(received));
    QJsonObject object;
    for (const auto &[key, value] : received.queryItems(QUrl::FullyDecoded)) {
        if (key == u"expires_in")
            object.insert(key, value.toLongLong());
        else
            object.insert(key, value);
    }
    QString problem;
    const auto token = TokenResponse::parse(
        200, QJsonDocument(object).toJson(), QDateTime::currentDateTimeUtc(), &problem);
    if (!token) {
        fail(problem);
        return;
    }
    if (!m_nonce.isEmpty() && !token->idToken.isEmpty()) {
        // The ID token must answer this sign-in (OpenID Connect Core §3.2.2.11).
        const auto idToken = Jwt::decode(token->idToken, QDateTime::currentDateTimeUtc(), &problem);
        if (!idToken || idToken->claims.value(QStringLiteral("nonce")).toString() != m_nonce) {
            fail(QStringLiteral("The ID token does not carry the nonce of this sign-in: it was rejected."));
            return;
        }
    }
    succeed(*token);
}

void OAuth2Flow::startDeviceCode()
{
    QUrlQuery form;
    addCommonParameters(form);
    post(m_config.deviceAuthUrl, form, QStringLiteral("Device authorization request"),
        [this](int status, const QByteArray &body) {
            const QJsonObject object = QJsonDocument::fromJson(body).object();
            addLog(QStringLiteral("Device authorization response"),
                QStringLiteral("HTTP %1 %2").arg(status).arg(maskedJson(object)));
            if (const auto error = OAuthError::fromJson(object)) {
                fail(error->message());
                return;
            }
            DeviceAuthorization device;
            m_deviceCode = object.value(QStringLiteral("device_code")).toString();
            device.userCode = object.value(QStringLiteral("user_code")).toString();
            device.verificationUri = object.value(QStringLiteral("verification_uri")).toString();
            device.verificationUriComplete
                = object.value(QStringLiteral("verification_uri_complete")).toString();
            device.expiresIn = object.value(QStringLiteral("expires_in")).toInteger(600);
            device.interval = object.value(QStringLiteral("interval")).toInt(5);
            if (status < 200 || status > 299 || m_deviceCode.isEmpty() || device.userCode.isEmpty()
                || device.verificationUri.isEmpty()) {
                fail(QStringLiteral(
                    "The device authorization endpoint answered HTTP %1 without a device code, "
                    "user code and verification URL.")
                         .arg(status));
                return;
            }
            m_interval = qMax(device.interval, 1);
            m_deviceDeadline = QDeadlineTimer(device.expiresIn * m_unitMs);
            Q_EMIT deviceAuthorizationReady(device);
            schedulePoll();
        });
}

void OAuth2Flow::schedulePoll()
{
    if (m_deviceDeadline.hasExpired()) {
        fail(QStringLiteral("The device code expired before the user approved it: start again."));
        return;
    }
    m_pollTimer.start(m_interval * m_unitMs);
}

void OAuth2Flow::poll()
{
    ++m_polls;
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), DeviceGrant);
    form.addQueryItem(QStringLiteral("device_code"), m_deviceCode);
    post(m_config.tokenUrl, form, QStringLiteral("Token request (device code, poll %1)").arg(m_polls),
        [this](int status, const QByteArray &body) {
            const QJsonObject object = QJsonDocument::fromJson(body).object();
            addLog(QStringLiteral("Token response"),
                QStringLiteral("HTTP %1 %2").arg(status).arg(maskedJson(object)));
            const QString error = object.value(QStringLiteral("error")).toString();
            if (error == u"authorization_pending") {
                schedulePoll();
                return;
            }
            if (error == u"slow_down") {
                m_interval += 5;
                addLog(QStringLiteral("Polling slower"), QStringLiteral("every %1 s").arg(m_interval));
                schedulePoll();
                return;
            }
            QString problem;
            const auto token = TokenResponse::parse(status, body, QDateTime::currentDateTimeUtc(), &problem);
            if (token)
                succeed(*token);
            else
                fail(problem);
        });
}

void OAuth2Flow::requestToken(QUrlQuery form, const QString &what)
{
    post(m_config.tokenUrl, form, what, [this](int status, const QByteArray &body) {
        const QJsonObject object = QJsonDocument::fromJson(body).object();
        addLog(QStringLiteral("Token response"),
            object.isEmpty() ? QStringLiteral("HTTP %1, %2 bytes").arg(status).arg(body.size())
                             : QStringLiteral("HTTP %1 %2").arg(status).arg(maskedJson(object)));
        QString problem;
        const auto token = TokenResponse::parse(status, body, QDateTime::currentDateTimeUtc(), &problem);
        if (token)
            succeed(*token);
        else
            fail(problem);
    });
}

void OAuth2Flow::post(const QString &urlText, QUrlQuery form, const QString &what, Answer answer)
{
    const QUrl url(urlText);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty()) {
        fail(QStringLiteral("“%1” is not an http or https URL for the %2.").arg(urlText, what.toLower()));
        return;
    }
    QNetworkRequest request(url);
    request.setTransferTimeout(m_requestTimeoutMs);
    request.setHeader(
        QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    if (!m_config.clientSecret.isEmpty() && m_config.clientAuth == OAuth2::ClientAuth::Basic) {
        request.setRawHeader("Authorization",
            AuthApply::basicAuthorization(
                formEncoded(m_config.clientId), formEncoded(m_config.clientSecret)));
    } else {
        form.addQueryItem(QStringLiteral("client_id"), m_config.clientId);
        if (!m_config.clientSecret.isEmpty())
            form.addQueryItem(QStringLiteral("client_secret"), m_config.clientSecret);
    }
    QByteArray body;
    for (const auto &[key, value] : form.queryItems(QUrl::FullyDecoded)) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    const bool basic = request.hasRawHeader("Authorization");
    addLog(what,
        QStringLiteral("POST %1%2\n%3")
            .arg(url.toString(),
                basic ? QStringLiteral(" (client authenticated with HTTP Basic)") : QString(),
                maskedForm(form)));
    QNetworkReply *reply = m_network->post(request, body);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, what, answer = std::move(answer)] {
        reply->deleteLater();
        if (m_reply != reply || !m_running)
            return;
        m_reply = nullptr;
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid()) {
            addLog(QStringLiteral("No answer"), reply->errorString());
            fail(QStringLiteral("The %1 failed: %2").arg(what.toLower(), reply->errorString()));
            return;
        }
        answer(status.toInt(), reply->readAll());
    });
}

void OAuth2Flow::addLog(const QString &step, const QString &detail)
{
    const OAuthLogEntry entry {QDateTime::currentDateTimeUtc(), step, detail};
    m_log.append(entry);
    Q_EMIT logged(entry);
}

void OAuth2Flow::succeed(const TokenResponse &token)
{
    stop();
    Q_EMIT succeeded(token);
}

void OAuth2Flow::fail(const QString &message)
{
    if (!m_running)
        return;
    stop();
    addLog(QStringLiteral("Failed"), message);
    Q_EMIT failed(message);
}

void OAuth2Flow::stop()
{
    m_running = false;
    m_pollTimer.stop();
    if (m_receiver) {
        m_receiver->disconnect(this);
        m_receiver->cancel();
        m_receiver->deleteLater();
        m_receiver = nullptr;
    }
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->abort();
    }
}

} // namespace Sonde
