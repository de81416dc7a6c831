#pragma once

#include "auth/AuthConfig.h"
#include "auth/TokenResponse.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Sonde {

class BrowserLauncher;
class LoopbackReceiver;

/// One step of a flow, for the OAuth log: secrets (client secret, codes, verifier, tokens, password) are
/// masked before an entry is made.
struct OAuthLogEntry
{
    QDateTime time;
    /// What happened: "Authorization URL opened", "Token request", "Token response", …
    QString step;
    /// The URL, form or answer, masked.
    QString detail;
};

/// What the user must do to approve a device (RFC 8628 §3.2).
struct DeviceAuthorization
{
    QString userCode;
    QString verificationUri;
    /// The verification URL with the user code in it; empty when the provider sends none.
    QString verificationUriComplete;
    qint64 expiresIn = 0;
    int interval = 5;
};

/// Runs one OAuth 2.0 grant against a provider through the injected QNetworkAccessManager and ends with
/// exactly one succeeded() or failed() — a token endpoint error, an HTTP error, a non-JSON answer or a
/// dropped connection all end in failed() with the reason in words.
///
/// Grants: authorization code (PKCE S256 or plain, redirect to a LoopbackReceiver on 127.0.0.1, the
/// authorization URL opened through a BrowserLauncher), client credentials, resource owner password,
/// device authorization (RFC 8628: polls at `interval`, 5 s slower on `slow_down`, stops on expiry or
/// denial), refresh, and the implicit grant (deprecated by RFC 9700, for providers that offer nothing
/// else): its token comes back by form_post or in the URL fragment, which the LoopbackReceiver's page
/// posts back; with the `openid` scope it asks for `id_token token` and checks the ID token's nonce.
class OAuth2Flow final : public QObject
{
    Q_OBJECT
public:
    explicit OAuth2Flow(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~OAuth2Flow() override;

    /// Opens the authorization URL of the authorization code grant; not owned; required for that grant.
    void setBrowserLauncher(BrowserLauncher *launcher) { m_launcher = launcher; }
    /// The issuer the authorization response's `iss` must name when it has one (from OIDC discovery).
    void setIssuer(const QString &issuer) { m_issuer = issuer; }
    /// How long to wait for the browser's redirect (default five minutes; 0 = no limit).
    void setCallbackTimeout(int milliseconds) { m_callbackTimeoutMs = milliseconds; }
    /// Time limit of each request to the provider (default 30 s).
    void setRequestTimeout(int milliseconds) { m_requestTimeoutMs = milliseconds; }
    /// Milliseconds per second of the device flow's `interval` and `expires_in`; 1000 unless a test
    /// speeds the clock up.
    void setDeviceClockUnit(int milliseconds) { m_unitMs = milliseconds; }

    /// Starts the grant `config.grant`.
    void start(const OAuth2 &config);
    /// Exchanges `refreshToken` for a new token at `config.tokenUrl` (RFC 6749 §6).
    void refresh(const OAuth2 &config, const QString &refreshToken);
    /// Stops the flow: closes the listener, aborts the request, stops polling; emits failed().
    void cancel();

    bool isRunning() const { return m_running; }
    QList<OAuthLogEntry> log() const { return m_log; }
    /// The loopback redirect URI while an authorization code grant waits; empty otherwise.
    QString redirectUri() const;
    /// Device flow: token requests sent so far, and the current polling interval in seconds.
    int pollCount() const { return m_polls; }
    int pollInterval() const { return m_interval; }

    /// The form of a token request in the log: the values of secret fields masked.
    static QString maskedForm(const QUrlQuery &form);
    /// A provider's JSON answer in the log: tokens and device codes masked.
    static QString maskedJson(const QJsonObject &object);

Q_SIGNALS:
    void logged(const OAuthLogEntry &entry);
    /// Device flow: show this to the user; polling has started.
    void deviceAuthorizationReady(const DeviceAuthorization &authorization);
    void succeeded(const TokenResponse &token);
    void failed(const QString &message);

private:
    using Answer = std::function<void(int status, const QByteArray &body)>;

    void startAuthorizationCode();
    void startDeviceCode();
    void implicitTokenReceived(const QString &parameters);
    void poll();
    void schedulePoll();
    void requestToken(QUrlQuery form, const QString &what);
    void post(const QString &url, QUrlQuery form, const QString &what, Answer answer);
    void addCommonParameters(QUrlQuery &form) const;
    void addLog(const QString &step, const QString &detail);
    void succeed(const TokenResponse &token);
    void fail(const QString &message);
    void stop();

    QNetworkAccessManager *m_network;
    BrowserLauncher *m_launcher = nullptr;
    QPointer<LoopbackReceiver> m_receiver;
    QPointer<QNetworkReply> m_reply;
    QTimer m_pollTimer;
    QDeadlineTimer m_deviceDeadline;
    OAuth2 m_config;
    QString m_issuer;
    QString m_verifier;
    QString m_nonce;
    QString m_redirectUri;
    QString m_deviceCode;
    QList<OAuthLogEntry> m_log;
    int m_callbackTimeoutMs = 5 * 60 * 1000;
    int m_requestTimeoutMs = 30 * 1000;
    int m_unitMs = 1000;
    int m_interval = 5;
    int m_polls = 0;
    bool m_running = false;
};

} // namespace Sonde
