#include "auth/OAuth2TokenPanel.h"

#include "auth/BrowserLauncher.h"
#include "auth/Jwt.h"
#include "auth/TokenCache.h"
#include "auth/TokenSource.h"

#include <QDesktopServices>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace Sonde {

namespace {

QString masked(const QString &token)
{
    if (token.size() <= 12)
        return OAuth2TokenPanel::tr("[%n character(s)]", nullptr, int(token.size()));
    return token.left(8) + QStringLiteral("…")
        + OAuth2TokenPanel::tr(" (%n characters)", nullptr, int(token.size()));
}

/// The claims of the first of `tokens` that is a JWT, pretty-printed; empty when none is.
QString decodedClaims(const QStringList &tokens)
{
    for (const QString &token : tokens) {
        QString problem;
        if (const auto jwt = Jwt::decode(token, QDateTime::currentDateTimeUtc(), &problem))
            return QString::fromUtf8(QJsonDocument(jwt->claims).toJson(QJsonDocument::Indented)).trimmed();
    }
    return {};
}

} // namespace

OAuth2TokenPanel::OAuth2TokenPanel(QWidget *parent)
    : QWidget(parent)
    , m_get(new QPushButton(tr("&Get New Token"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_clear(new QPushButton(tr("Clear"), this))
    , m_inspect(new QPushButton(tr("Inspect…"), this))
    , m_open(new QPushButton(tr("Open"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_device(new QWidget(this))
    , m_userCode(new QLabel(m_device))
    , m_verification(new QLabel(m_device))
    , m_token(new QLabel(this))
    , m_claims(new QPlainTextEdit(this))
    , m_log(new QPlainTextEdit(this))
{
    m_progress->setRange(0, 0);
    m_progress->setMaximumHeight(8);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_cancel->hide();
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_token->setWordWrap(true);
    m_token->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_clear->setToolTip(tr("Forget the cached token (it stays valid at the provider until it expires)"));
    m_inspect->setToolTip(tr("Decode the token and check its signature"));

    QFont code = m_userCode->font();
    code.setPointSizeF(code.pointSizeF() * 1.6);
    code.setBold(true);
    m_userCode->setFont(code);
    m_userCode->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verification->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *deviceLayout = new QHBoxLayout(m_device);
    deviceLayout->setContentsMargins(0, 0, 0, 0);
    deviceLayout->addWidget(new QLabel(tr("Enter the code"), m_device));
    deviceLayout->addWidget(m_userCode);
    deviceLayout->addWidget(new QLabel(tr("at"), m_device));
    deviceLayout->addWidget(m_verification, 1);
    deviceLayout->addWidget(m_open);
    m_device->hide();

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit *view : {m_claims, m_log}) {
        view->setReadOnly(true);
        view->setFont(fixed);
        view->setLineWrapMode(QPlainTextEdit::NoWrap);
    }
    m_claims->setMaximumHeight(140);
    m_claims->setPlaceholderText(tr("The claims of a JWT access or ID token"));
    m_claims->setAccessibleName(tr("Token claims"));
    m_claims->hide();
    m_log->setMaximumHeight(160);
    m_log->setAccessibleName(tr("OAuth log"));
    m_log->setPlaceholderText(
        tr("Every step of getting and refreshing tokens appears here, secrets hidden."));

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_get);
    buttons->addWidget(m_cancel);
    buttons->addStretch();
    auto *tokenRow = new QHBoxLayout;
    tokenRow->setContentsMargins(0, 0, 0, 0);
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_inspect);
    tokenRow->addWidget(m_clear);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_device);
    layout->addLayout(tokenRow);
    layout->addWidget(m_claims);
    auto *logToggle = new QToolButton(this);
    logToggle->setText(tr("OAuth log"));
    logToggle->setCheckable(true);
    logToggle->setAutoRaise(true);
    logToggle->setArrowType(Qt::RightArrow);
    logToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(logToggle, &QToolButton::toggled, this, [this, logToggle](bool shown) {
        logToggle->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
        m_log->setVisible(shown);
    });
    m_log->hide();
    layout->addWidget(logToggle);
    layout->addWidget(m_log);

    m_reload.setSingleShot(true);
    m_reload.setInterval(250);
    connect(&m_reload, &QTimer::timeout, this, &OAuth2TokenPanel::loadCachedToken);
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, &OAuth2TokenPanel::updateTimeLeft);
    connect(m_get, &QPushButton::clicked, this, &OAuth2TokenPanel::getNewToken);
    connect(m_cancel, &QPushButton::clicked, this, &OAuth2TokenPanel::cancel);
    connect(m_clear, &QPushButton::clicked, this, &OAuth2TokenPanel::clearToken);
    connect(m_open, &QPushButton::clicked, this, [this] {
        QString problem;
        if (m_services.browser && !m_services.browser->open(QUrl(m_verificationUrl), &problem))
            setStatus(tr("Cannot open the browser: %1").arg(problem), true);
    });
    connect(m_inspect, &QPushButton::clicked, this, [this] {
        if (!m_shown)
            return;
        const OAuth2 config = m_source ? m_source() : OAuth2();
        const bool accessIsJwt = m_shown->accessToken.count(u'.') == 2;
        Q_EMIT inspectRequested(accessIsJwt ? m_shown->accessToken : m_shown->idToken, config.issuer);
    });
    setServices({});
}

void OAuth2TokenPanel::setServices(const OAuthServices &services)
{
    if (m_services.tokens)
        m_services.tokens->disconnect(this);
    if (m_services.tokens && m_services.tokens->cache())
        m_services.tokens->cache()->disconnect(this);
    m_services = services;
    m_get->setEnabled(services.isValid());
    if (!services.isValid()) {
        setStatus(tr("Tokens can be fetched from the request's Auth tab in the main window."), false);
        return;
    }
    setStatus(QString(), false);
    connect(services.tokens, &TokenSource::logged, this, &OAuth2TokenPanel::appendLog);
    connect(services.tokens->cache(), &TokenCache::changed, this, [this](const QString &key) {
        if (key == m_shownKey)
            showCachedToken();
    });
    showCachedToken();
}

void OAuth2TokenPanel::setConfigSource(ConfigSource source)
{
    m_source = std::move(source);
    showCachedToken();
}

bool OAuth2TokenPanel::isRunning() const
{
    return m_flow && m_flow->isRunning();
}

void OAuth2TokenPanel::showCachedToken()
{
    m_reload.start();
}

void OAuth2TokenPanel::loadCachedToken()
{
    if (!m_services.isValid() || !m_source) {
        showToken(std::nullopt);
        return;
    }
    const OAuth2 config = m_source();
    const QString key = TokenCache::configKey(config);
    m_shownKey = key;
    m_services.tokens->cache()->load(
        config, this, [this, key](std::optional<TokenResponse> token, const QString &error) {
            if (key != m_shownKey)
                return;
            if (!error.isEmpty())
                setStatus(tr("The cached token could not be read: %1").arg(error), true);
            showToken(token);
        });
}

void OAuth2TokenPanel::getNewToken()
{
    if (!m_services.isValid() || !m_source || isRunning())
        return;
    const OAuth2 config = m_source();
    delete m_flow;
    m_flow = new OAuth2Flow(m_services.network, this);
    m_flow->setBrowserLauncher(m_services.browser);
    m_flow->setIssuer(config.issuer);
    m_log->clear();
    m_device->hide();
    connect(m_flow, &OAuth2Flow::logged, this, &OAuth2TokenPanel::appendLog);
    connect(m_flow, &OAuth2Flow::deviceAuthorizationReady, this, [this](const DeviceAuthorization &device) {
        m_userCode->setText(device.userCode);
        m_verification->setText(device.verificationUri);
        m_verificationUrl = device.verificationUriComplete.isEmpty() ? device.verificationUri
                                                                     : device.verificationUriComplete;
        m_device->show();
        setStatus(tr("Waiting for the sign-in on the other device…"), false);
    });
    connect(m_flow, &OAuth2Flow::succeeded, this, [this, config](const TokenResponse &token) {
        setRunning(false);
        m_device->hide();
        m_services.tokens->cache()->store(config, token, this, [this](const QString &error) {
            if (!error.isEmpty())
                setStatus(tr("Got a token, but it could not be stored in %1; it is kept for this session.")
                              .arg(error),
                    true);
        });
        setStatus(tr("Got a new token."), false);
        m_shownKey = TokenCache::configKey(config);
        showToken(token);
        Q_EMIT tokenReceived(token);
    });
    connect(m_flow, &OAuth2Flow::failed, this, [this](const QString &message) {
        setRunning(false);
        m_device->hide();
        setStatus(message, true);
    });
    setRunning(true);
    setStatus(config.grant == OAuth2::Grant::AuthorizationCode || config.grant == OAuth2::Grant::Implicit
            ? tr("Waiting for the sign-in in the browser…")
            : tr("Asking the provider for a token…"),
        false);
    m_flow->start(config);
}

void OAuth2TokenPanel::cancel()
{
    if (m_flow)
        m_flow->cancel();
}

void OAuth2TokenPanel::clearToken()
{
    if (!m_services.isValid() || !m_source)
        return;
    m_services.tokens->cache()->clear(m_source(), this, [this](const QString &error) {
        if (!error.isEmpty())
            setStatus(tr("The token could not be removed: %1").arg(error), true);
    });
    setStatus(tr("The cached token was cleared."), false);
    showToken(std::nullopt);
}

void OAuth2TokenPanel::appendLog(const OAuthLogEntry &entry)
{
    QString text
        = entry.time.toLocalTime().toString(QStringLiteral("HH:mm:ss")) + QStringLiteral("  ") + entry.step;
    if (!entry.detail.isEmpty())
        text += u'\n' + QStringLiteral("    ")
            + QString(entry.detail).replace(u'\n', QStringLiteral("\n    "));
    m_log->appendPlainText(text);
}

void OAuth2TokenPanel::showToken(const std::optional<TokenResponse> &token)
{
    m_shown = token;
    m_clear->setEnabled(token.has_value());
    const QString claims = token ? decodedClaims({token->accessToken, token->idToken}) : QString();
    m_inspect->setEnabled(!claims.isEmpty());
    m_claims->setPlainText(claims);
    m_claims->setVisible(!claims.isEmpty());
    if (token && token->expiresAt.isValid())
        m_clock.start();
    else
        m_clock.stop();
    updateTimeLeft();
}

void OAuth2TokenPanel::updateTimeLeft()
{
    if (!m_shown) {
        m_token->setText(tr("No token yet."));
        return;
    }
    QString text = tr("Token: %1").arg(masked(m_shown->accessToken));
    if (!m_shown->tokenType.isEmpty())
        text += QStringLiteral(" · ") + m_shown->tokenType;
    if (m_shown->expiresAt.isValid()) {
        const qint64 left = QDateTime::currentDateTimeUtc().secsTo(m_shown->expiresAt);
        const QString at = QLocale().toString(m_shown->expiresAt.toLocalTime(), QLocale::ShortFormat);
        text += left > 0 ? tr(" · expires %1 (in %2)").arg(at, Jwt::describeDuration(left))
                         : tr(" · expired %1 (%2 ago)").arg(at, Jwt::describeDuration(-left));
    } else {
        text += tr(" · no expiry given");
    }
    text += m_shown->refreshToken.isEmpty() ? tr(" · no refresh token") : tr(" · refreshes automatically");
    m_token->setText(text);
}

void OAuth2TokenPanel::setRunning(bool running)
{
    m_progress->setVisible(running);
    m_cancel->setVisible(running);
    m_get->setEnabled(!running && m_services.isValid());
}

void OAuth2TokenPanel::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
    QPalette palette = m_status->palette();
    palette.setColor(
        QPalette::WindowText, error ? QColor(0xc0, 0x20, 0x20) : this->palette().color(QPalette::WindowText));
    m_status->setPalette(palette);
}

} // namespace Sonde
