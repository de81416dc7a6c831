#pragma once

#include "auth/AuthConfig.h"
#include "auth/OAuth2Flow.h"
#include "auth/OAuthServices.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <functional>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QWidget;

namespace Sonde {

/// The token part of the OAuth 2.0 form: "Get New Token" runs the chosen grant (with progress and
/// Cancel), the device flow's user code and verification address, the cached token with its expiry and
/// time left ("Clear" forgets it), its decoded claims, and the OAuth log of every step, secrets masked.
class OAuth2TokenPanel final : public QWidget
{
    Q_OBJECT
public:
    /// Gives the configuration to run, variables resolved.
    using ConfigSource = std::function<OAuth2()>;

    explicit OAuth2TokenPanel(QWidget *parent = nullptr);

    /// Without valid services the buttons are disabled and a note says why.
    void setServices(const OAuthServices &services);
    void setConfigSource(ConfigSource source);
    /// Shows the token cached for the current configuration, shortly after the last call (the form is
    /// being edited: the secret store is not asked for every keystroke).
    void showCachedToken();

    /// Starts the grant of the current configuration.
    void getNewToken();
    void cancel();
    void clearToken();
    bool isRunning() const;

    QPushButton *getButton() const { return m_get; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *clearButton() const { return m_clear; }
    QPushButton *inspectButton() const { return m_inspect; }
    QPushButton *openButton() const { return m_open; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *tokenLabel() const { return m_token; }
    QLabel *userCodeLabel() const { return m_userCode; }
    QLabel *verificationLabel() const { return m_verification; }
    QPlainTextEdit *claimsView() const { return m_claims; }
    QPlainTextEdit *logView() const { return m_log; }

Q_SIGNALS:
    /// A flow ended with a token (already in the cache).
    void tokenReceived(const Sonde::TokenResponse &token);
    /// "Inspect" was pressed: show `token` in the JWT inspector, its keys from `issuer`.
    void inspectRequested(const QString &token, const QString &issuer);

private:
    void loadCachedToken();
    void appendLog(const OAuthLogEntry &entry);
    void showToken(const std::optional<TokenResponse> &token);
    void updateTimeLeft();
    void setRunning(bool running);
    void setStatus(const QString &text, bool error);

    OAuthServices m_services;
    ConfigSource m_source;
    QPointer<OAuth2Flow> m_flow;
    std::optional<TokenResponse> m_shown;
    QString m_shownKey;
    QTimer m_clock;
    QTimer m_reload;
    QPushButton *m_get;
    QPushButton *m_cancel;
    QPushButton *m_clear;
    QPushButton *m_inspect;
    QPushButton *m_open;
    QProgressBar *m_progress;
    QLabel *m_status;
    QWidget *m_device;
    QLabel *m_userCode;
    QLabel *m_verification;
    QLabel *m_token;
    QPlainTextEdit *m_claims;
    QPlainTextEdit *m_log;
    QString m_verificationUrl;
};

} // namespace Sonde
