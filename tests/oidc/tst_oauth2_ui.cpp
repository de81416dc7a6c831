// The OAuth 2.0 form of the Auth tab against the real OpenID provider (see provider.mjs): Discover fills
// the endpoints, Get New Token runs the grants (a scripted browser signs in), the device flow shows its
// user code, provider errors are shown in words, Cancel stops a flow, the token lands in the cache and
// a request sent from the tab uses it, and the JWT inspector checks signatures against the real JWKS.
#include "MainWindow.h"
#include "OidcTestProvider.h"
#include "RequestTab.h"
#include "auth/BrowserLauncher.h"
#include "auth/JwtInspectorDialog.h"
#include "auth/OAuth2TokenPanel.h"
#include "auth/TokenCache.h"
#include "auth/TokenSource.h"
#include "http/HttpEngine.h"
#include "request/AuthEditor.h"
#include "request/RequestEditor.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

using namespace Sonde;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int WaitMs = 30000;

/// Signs in as a browser would, once the event loop runs again (open() must return first).
class ScriptedLauncher final : public BrowserLauncher
{
public:
    bool open(const QUrl &url, QString *) override
    {
        opened.append(url);
        if (signIn)
            QTimer::singleShot(0, &context, [this, url] {
                int status = 0;
                // Stop once the redirect to Sonde's loopback receiver was delivered.
                trace = browser.visit(
                    url, QUrlQuery(url).queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded), &status);
            });
        return true;
    }
    QList<QUrl> opened;
    bool signIn = true;
    QString trace;
    QObject context;
    SondeTest::ScriptedBrowser browser;
};

} // namespace

class TestOAuth2Ui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void discoverFillsTheEndpoints();
    void clientCredentialsToken();
    void providerErrorsInWords();
    void authorizationCodeThenSendUsesTheToken();
    void deviceFlowShowsTheUserCode();
    void cancelStopsTheFlow();
    void jwtInspectorChecksTheSignature();

private:
    AuthEditor *oauthEditor(const QString &grant);
    void setField(const QString &name, const QString &value);

    QNetworkAccessManager m_network;
    HttpEngine m_engine {&m_network};
    SondeTest::OidcTestProvider m_provider;
    std::unique_ptr<MainWindow> m_window;
    ScriptedLauncher m_launcher;
    RequestTab *m_tab = nullptr;
};

void TestOAuth2Ui::initTestCase()
{
    const QString directory = QStringLiteral(SONDE_OIDC_DIR);
    if (const QString why = SondeTest::OidcTestProvider::unavailable(directory); !why.isEmpty())
        QSKIP(qPrintable(why));
    QString error;
    QVERIFY2(m_provider.start(directory, &error), qPrintable(error));
}

void TestOAuth2Ui::init()
{
    // No workspace: tokens stay in memory, which is what this test looks at.
    m_window = std::make_unique<MainWindow>(&m_engine, nullptr);
    m_launcher.opened.clear();
    m_launcher.signIn = true;
    m_window->setBrowserLauncher(&m_launcher);
    m_tab = m_window->newRequestTab();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

AuthEditor *TestOAuth2Ui::oauthEditor(const QString &clientId)
{
    AuthEditor *editor = m_tab->editor()->authEditor();
    editor->typeBox()->setCurrentIndex(editor->typeBox()->findData(int(AuthConfig::Type::OAuth2)));
    setField(QStringLiteral("issuer"), m_provider.issuer());
    editor->discover();
    if (!QTest::qWaitFor(
            [editor] { return !editor->field(QStringLiteral("tokenUrl"))->text().isEmpty(); }, WaitMs))
        qWarning("discovery: %s", qPrintable(editor->discoverNote()->text()));
    setField(QStringLiteral("clientId"), clientId);
    return editor;
}

void TestOAuth2Ui::setField(const QString &name, const QString &value)
{
    QLineEdit *edit = m_tab->editor()->authEditor()->field(name);
    edit->setText(value);
    Q_EMIT edit->textEdited(value);
}

void TestOAuth2Ui::discoverFillsTheEndpoints()
{
    AuthEditor *editor = oauthEditor(QStringLiteral("sonde-native"));
    QCOMPARE(editor->field(QStringLiteral("authUrl"))->text(), m_provider.issuer() + u"/auth");
    QCOMPARE(editor->field(QStringLiteral("tokenUrl"))->text(), m_provider.issuer() + u"/token");
    QCOMPARE(editor->auth().oauth2.deviceAuthUrl, m_provider.issuer() + u"/device/auth");
    QVERIFY(editor->discoverNote()->text().contains(m_provider.issuer()));

    // A wrong issuer says what went wrong.
    setField(QStringLiteral("issuer"), m_provider.issuer() + u"/nowhere");
    editor->discover();
    QTRY_VERIFY_WITH_TIMEOUT(editor->discoverButton()->isEnabled(), WaitMs);
    QVERIFY2(editor->discoverNote()->text().contains(u"404"), qPrintable(editor->discoverNote()->text()));
}

void TestOAuth2Ui::clientCredentialsToken()
{
    AuthEditor *editor = oauthEditor(QStringLiteral("sonde-service"));
    editor->grantBox()->setCurrentIndex(editor->grantBox()->findData(int(OAuth2::Grant::ClientCredentials)));
    // Variables are resolved before the flow runs: the secret comes from a request variable.
    Request request = m_tab->editor()->request();
    request.variables = {{QStringLiteral("serviceSecret"), QStringLiteral("service-secret")}};
    m_tab->editor()->setRequest(request);
    editor->typeBox()->setCurrentIndex(editor->typeBox()->findData(int(AuthConfig::Type::OAuth2)));
    setField(QStringLiteral("clientSecret"), QStringLiteral("{{serviceSecret}}"));
    setField(QStringLiteral("scope"), QStringLiteral("api:read"));
    OAuth2TokenPanel *panel = editor->tokenPanel();
    QSignalSpy received(panel, &OAuth2TokenPanel::tokenReceived);
    panel->getButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isRunning(), WaitMs);
    QVERIFY2(received.count() == 1, qPrintable(panel->statusLabel()->text()));
    const auto token = received.first().first().value<TokenResponse>();
    QVERIFY2(panel->tokenLabel()->text().contains(u"expires"), qPrintable(panel->tokenLabel()->text()));
    QVERIFY(!panel->tokenLabel()->text().contains(token.accessToken));
    QVERIFY2(panel->claimsView()->toPlainText().contains(u"urn:sonde:api"),
        qPrintable(panel->claimsView()->toPlainText()));
    const QString log = panel->logView()->toPlainText();
    QVERIFY2(log.contains(u"Token request (client credentials)") && log.contains(u"Token response"),
        qPrintable(log));
    QVERIFY(!log.contains(token.accessToken));
    QVERIFY(!log.contains(u"service-secret"));
    // Cached under the resolved configuration.
    const auto cached = m_window->oauthServices().tokens->cache()->cached(editor->resolvedOAuth2());
    QVERIFY(cached.has_value());
    QCOMPARE(cached->accessToken, token.accessToken);

    panel->clearButton()->click();
    QVERIFY(!m_window->oauthServices().tokens->cache()->cached(editor->resolvedOAuth2()).has_value());
    QCOMPARE(panel->tokenLabel()->text(), u"No token yet."_s);
}

void TestOAuth2Ui::providerErrorsInWords()
{
    AuthEditor *editor = oauthEditor(QStringLiteral("sonde-service"));
    editor->grantBox()->setCurrentIndex(editor->grantBox()->findData(int(OAuth2::Grant::ClientCredentials)));
    setField(QStringLiteral("clientSecret"), QStringLiteral("wrong"));
    OAuth2TokenPanel *panel = editor->tokenPanel();
    panel->getButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isRunning(), WaitMs);
    const QString status = panel->statusLabel()->text();
    QVERIFY2(status.contains(u"invalid_client") && status.contains(u"client authentication failed"),
        qPrintable(status));
}

void TestOAuth2Ui::authorizationCodeThenSendUsesTheToken()
{
    AuthEditor *editor = oauthEditor(QStringLiteral("sonde-native"));
    setField(QStringLiteral("scope"), QStringLiteral("openid"));
    OAuth2TokenPanel *panel = editor->tokenPanel();
    QSignalSpy received(panel, &OAuth2TokenPanel::tokenReceived);
    panel->getButton()->click();
    QCOMPARE(m_launcher.opened.size(), 1);
    QVERIFY(panel->cancelButton()->isVisibleTo(panel));
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isRunning(), WaitMs);
    QVERIFY2(received.count() == 1, qPrintable(panel->statusLabel()->text() + u'\n' + m_launcher.trace));
    const QString log = panel->logView()->toPlainText();
    QVERIFY2(
        log.contains(u"Authorization URL opened") && log.contains(u"Callback received"), qPrintable(log));
    QVERIFY(!panel->cancelButton()->isVisibleTo(panel));
    // The ID token's claims are shown (the access token is opaque).
    QVERIFY2(panel->claimsView()->toPlainText().contains(u"\"sub\""),
        qPrintable(panel->claimsView()->toPlainText()));

    // The request sends the cached token: the userinfo endpoint accepts it.
    m_tab->editor()->urlEdit()->setText(m_provider.issuer() + u"/me");
    QSignalSpy finished(m_tab, &RequestTab::exchangeFinished);
    m_tab->send();
    QVERIFY(finished.wait(WaitMs));
    const Exchange exchange = finished.first().first().value<Exchange>();
    QVERIFY2(exchange.hasResponse(), qPrintable(exchange.error.message));
    QCOMPARE(exchange.response->statusCode, 200);
    QCOMPARE(headerValue(exchange.sent.headers, "Authorization"),
        "Bearer " + received.first().first().value<TokenResponse>().accessToken.toUtf8());
}

void TestOAuth2Ui::deviceFlowShowsTheUserCode()
{
    AuthEditor *editor = oauthEditor(QStringLiteral("sonde-device"));
    editor->grantBox()->setCurrentIndex(editor->grantBox()->findData(int(OAuth2::Grant::DeviceCode)));
    setField(QStringLiteral("scope"), QStringLiteral("openid"));
    OAuth2TokenPanel *panel = editor->tokenPanel();
    QSignalSpy received(panel, &OAuth2TokenPanel::tokenReceived);
    panel->getButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->userCodeLabel()->text().isEmpty() || !panel->isRunning(), WaitMs);
    QVERIFY2(panel->isRunning(), qPrintable(panel->statusLabel()->text()));
    QVERIFY(panel->openButton()->isVisibleTo(panel));
    QCOMPARE(panel->verificationLabel()->text(), m_provider.issuer() + u"/device");
    // "Open" takes the user (here the scripted browser) to the page with the code filled in.
    panel->openButton()->click();
    QCOMPARE(m_launcher.opened.size(), 1);
    QVERIFY(m_launcher.opened.first().toString().contains(u"user_code="));
    // The provider asks for 5 s between polls; the flow's first poll comes after that.
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isRunning(), 3 * WaitMs);
    QVERIFY2(received.count() == 1, qPrintable(panel->statusLabel()->text()));
    QVERIFY(!panel->openButton()->isVisibleTo(panel));
}

void TestOAuth2Ui::cancelStopsTheFlow()
{
    AuthEditor *editor = oauthEditor(QStringLiteral("sonde-native"));
    m_launcher.signIn = false;
    OAuth2TokenPanel *panel = editor->tokenPanel();
    panel->getButton()->click();
    QVERIFY(panel->isRunning());
    QVERIFY(!panel->getButton()->isEnabled());
    panel->cancelButton()->click();
    QVERIFY(!panel->isRunning());
    QVERIFY(panel->getButton()->isEnabled());
    QVERIFY2(panel->statusLabel()->text().contains(u"cancelled"), qPrintable(panel->statusLabel()->text()));
}

void TestOAuth2Ui::jwtInspectorChecksTheSignature()
{
    AuthEditor *editor = oauthEditor(QStringLiteral("sonde-service-post"));
    editor->grantBox()->setCurrentIndex(editor->grantBox()->findData(int(OAuth2::Grant::ClientCredentials)));
    editor->clientAuthBox()->setCurrentIndex(
        editor->clientAuthBox()->findData(int(OAuth2::ClientAuth::Post)));
    setField(QStringLiteral("clientSecret"), QStringLiteral("post-secret"));
    setField(QStringLiteral("scope"), QStringLiteral("api:read"));
    OAuth2TokenPanel *panel = editor->tokenPanel();
    panel->getButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isRunning(), WaitMs);
    QVERIFY2(panel->inspectButton()->isEnabled(), qPrintable(panel->statusLabel()->text()));

    // Inspect opens the inspector on the token and checks it against the issuer's keys.
    panel->inspectButton()->click();
    JwtInspectorDialog *inspector = editor->inspector();
    QVERIFY(inspector);
    QVERIFY(inspector->claimsView()->toPlainText().contains(u"urn:sonde:api"));
    QVERIFY2(inspector->headerView()->toPlainText().contains(u"ES256"),
        qPrintable(inspector->headerView()->toPlainText()));
    QVERIFY2(inspector->timesLabel()->text().contains(u"exp: ")
            && inspector->timesLabel()->text().contains(u"expires in"),
        qPrintable(inspector->timesLabel()->text()));
    QTRY_VERIFY_WITH_TIMEOUT(!inspector->signatureLabel()->text().startsWith(u"Fetching"), WaitMs);
    QVERIFY2(inspector->signatureLabel()->text().contains(u"signature is valid"),
        qPrintable(inspector->signatureLabel()->text()));

    const QString good = inspector->tokenEdit()->toPlainText();
    if (const QByteArray dir = qgetenv("SONDE_SCREENSHOT_DIR"); !dir.isEmpty()) {
        // For looking at the form and the inspector: SONDE_SCREENSHOT_DIR=/tmp ctest -R tst_oauth2_ui
        m_tab->editor()->tabs()->setCurrentWidget(editor);
        m_window->resize(1300, 1200);
        m_window->grab().save(QString::fromLocal8Bit(dir) + u"/oauth-form.png");
        inspector->grab().save(QString::fromLocal8Bit(dir) + u"/jwt-inspector.png");
    }

    // An altered token is caught.
    QString token = good;
    const qsizetype dot = token.indexOf(u'.');
    token[dot + 5] = token[dot + 5] == u'A' ? u'B' : u'A';
    inspector->setToken(token);
    QCOMPARE(inspector->signatureLabel()->text(), u"Not checked."_s);
    inspector->checkSignature();
    QTRY_VERIFY_WITH_TIMEOUT(!inspector->signatureLabel()->text().startsWith(u"Fetching"), WaitMs);
    QVERIFY2(inspector->signatureLabel()->text().contains(u"does not match"),
        qPrintable(inspector->signatureLabel()->text()));

    // Not a JWT: said in words.
    inspector->setToken(QStringLiteral("opaque-token"));
    QVERIFY(inspector->problemLabel()->isVisibleTo(inspector));
    QVERIFY(!inspector->problemLabel()->text().isEmpty());
}

QTEST_MAIN(TestOAuth2Ui)
#include "tst_oauth2_ui.moc"
