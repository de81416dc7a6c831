// The Auth tab: every scheme's fields round-trip, switching schemes loses nothing, literal secrets are
// flagged, and what it says is really sent (against the echo server), inherited from a folder too.
#include "MainWindow.h"
#include "RequestTab.h"
#include "echo/EchoServer.h"
#include "http/HttpEngine.h"
#include "request/AuthEditor.h"
#include "request/RequestEditor.h"
#include "storage/SecretStore.h"
#include "workspace/FolderSettingsDialog.h"

#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Sonde;

Q_DECLARE_METATYPE(Sonde::AuthConfig)

class TestAuthEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void switchingKeepsWhatWasTyped();
    void literalSecretsAreFlagged();
    void oauthShowsTheGrantsFields();
    void requestTabSendsTheAuth();
    void folderAuthIsInherited();

private:
    QNetworkAccessManager m_network;
    HttpEngine m_engine {&m_network};
    EchoServer m_echo;
};

void TestAuthEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_echo.listen());
}

void TestAuthEditor::roundTrip_data()
{
    QTest::addColumn<AuthConfig>("auth");
    AuthConfig inherit;
    QTest::newRow("inherit") << inherit;
    AuthConfig none;
    none.type = AuthConfig::Type::None;
    QTest::newRow("none") << none;
    AuthConfig basic;
    basic.type = AuthConfig::Type::Basic;
    basic.basic = {QStringLiteral("José"), QStringLiteral("{{password}}")};
    QTest::newRow("basic") << basic;
    AuthConfig bearer;
    bearer.type = AuthConfig::Type::Bearer;
    bearer.bearer = {QStringLiteral("{{token}}"), QStringLiteral("Token")};
    QTest::newRow("bearer") << bearer;
    AuthConfig apiKey;
    apiKey.type = AuthConfig::Type::ApiKey;
    apiKey.apiKey = {QStringLiteral("api_key"), QStringLiteral("{{key}}"), ApiKey::Location::Query};
    QTest::newRow("api key in the query") << apiKey;
    AuthConfig digest;
    digest.type = AuthConfig::Type::Digest;
    digest.digest = {QStringLiteral("ada"), QStringLiteral("{{pw}}")};
    QTest::newRow("digest") << digest;
    AuthConfig ntlm;
    ntlm.type = AuthConfig::Type::Ntlm;
    ntlm.ntlm = {QStringLiteral("ada"), QStringLiteral("{{pw}}"), QStringLiteral("CORP")};
    QTest::newRow("ntlm") << ntlm;
    AuthConfig aws;
    aws.type = AuthConfig::Type::AwsSigV4;
    aws.aws = {QStringLiteral("AKID"), QStringLiteral("{{secret}}"), QStringLiteral("{{session}}"),
        QStringLiteral("eu-west-1"), QStringLiteral("s3")};
    QTest::newRow("aws sigv4") << aws;
    AuthConfig oauth;
    oauth.type = AuthConfig::Type::OAuth2;
    OAuth2 &o = oauth.oauth2;
    o.grant = OAuth2::Grant::DeviceCode;
    o.authUrl = QStringLiteral("https://id.test/authorize");
    o.tokenUrl = QStringLiteral("https://id.test/token");
    o.deviceAuthUrl = QStringLiteral("https://id.test/device");
    o.clientId = QStringLiteral("sonde");
    o.clientSecret = QStringLiteral("{{clientSecret}}");
    o.scope = QStringLiteral("openid offline_access");
    o.audience = QStringLiteral("api");
    o.resource = QStringLiteral("https://api.test");
    o.pkce = OAuth2::Pkce::Plain;
    o.redirectPort = 8765;
    o.redirectPath = QStringLiteral("/cb");
    o.clientAuth = OAuth2::ClientAuth::Post;
    o.headerPrefix = QStringLiteral("Bearer");
    o.accessToken = QStringLiteral("{{accessToken}}");
    o.issuer = QStringLiteral("https://id.test");
    o.extraParams = {{QStringLiteral("prompt"), QStringLiteral("consent")},
        {QStringLiteral("login_hint"), QStringLiteral("{{user}}"), false}};
    QTest::newRow("oauth2") << oauth;
    AuthConfig refresh;
    refresh.type = AuthConfig::Type::OAuth2;
    refresh.oauth2.grant = OAuth2::Grant::RefreshToken;
    refresh.oauth2.tokenUrl = QStringLiteral("https://id.test/token");
    refresh.oauth2.clientId = QStringLiteral("sonde");
    refresh.oauth2.refreshToken = QStringLiteral("{{refreshToken}}");
    QTest::newRow("oauth2 refresh grant") << refresh;
}

void TestAuthEditor::roundTrip()
{
    QFETCH(AuthConfig, auth);
    AuthEditor editor;
    QSignalSpy edited(&editor, &AuthEditor::authEdited);
    editor.setAuth(auth);
    QCOMPARE(edited.count(), 0);
    QVERIFY(editor.auth() == auth);
}

void TestAuthEditor::switchingKeepsWhatWasTyped()
{
    AuthEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QSignalSpy edited(&editor, &AuthEditor::authEdited);
    editor.typeBox()->setCurrentIndex(editor.typeBox()->findData(int(AuthConfig::Type::Basic)));
    QTest::keyClicks(editor.field(QStringLiteral("username")), QStringLiteral("ada"));
    editor.typeBox()->setCurrentIndex(editor.typeBox()->findData(int(AuthConfig::Type::Bearer)));
    QTest::keyClicks(editor.field(QStringLiteral("token")), QStringLiteral("{{token}}"));
    QVERIFY(edited.count() >= 2);
    editor.typeBox()->setCurrentIndex(editor.typeBox()->findData(int(AuthConfig::Type::Basic)));
    const AuthConfig auth = editor.auth();
    QCOMPARE(auth.type, AuthConfig::Type::Basic);
    QCOMPARE(auth.basic.username, QStringLiteral("ada"));
    QCOMPARE(auth.bearer.token, QStringLiteral("{{token}}"));
    QCOMPARE(editor.summary(), QStringLiteral("Basic"));
}

void TestAuthEditor::literalSecretsAreFlagged()
{
    AuthEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.typeBox()->setCurrentIndex(editor.typeBox()->findData(int(AuthConfig::Type::Basic)));
    QVERIFY(!editor.literalSecretNote()->isVisible());
    QTest::keyClicks(editor.field(QStringLiteral("username")), QStringLiteral("ada")); // not a secret
    QVERIFY(!editor.literalSecretNote()->isVisible());
    QTest::keyClicks(editor.field(QStringLiteral("password")), QStringLiteral("hunter2"));
    QVERIFY(editor.literalSecretNote()->isVisible());
    editor.field(QStringLiteral("password"))->clear();
    QTest::keyClicks(editor.field(QStringLiteral("password")), QStringLiteral("{{password}}"));
    QVERIFY(!editor.literalSecretNote()->isVisible());
}

void TestAuthEditor::oauthShowsTheGrantsFields()
{
    AuthEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.typeBox()->setCurrentIndex(editor.typeBox()->findData(int(AuthConfig::Type::OAuth2)));
    const auto visible = [&editor](const QString &name) {
        return editor.field(name)->isVisible();
    };
    QVERIFY(visible(QStringLiteral("authUrl")));
    QVERIFY(editor.pkceBox()->isVisible());
    QVERIFY(!visible(QStringLiteral("username")));
    editor.grantBox()->setCurrentIndex(editor.grantBox()->findData(int(OAuth2::Grant::Password)));
    QVERIFY(!visible(QStringLiteral("authUrl")));
    QVERIFY(!editor.pkceBox()->isVisible());
    QVERIFY(visible(QStringLiteral("username")));
    QVERIFY(visible(QStringLiteral("password")));
    editor.grantBox()->setCurrentIndex(editor.grantBox()->findData(int(OAuth2::Grant::DeviceCode)));
    QVERIFY(visible(QStringLiteral("deviceAuthUrl")));
    QVERIFY(!editor.redirectPortBox()->isVisible());
    QVERIFY(!visible(QStringLiteral("refreshToken")));
    editor.grantBox()->setCurrentIndex(editor.grantBox()->findData(int(OAuth2::Grant::RefreshToken)));
    QVERIFY(visible(QStringLiteral("refreshToken")));
    QVERIFY(visible(QStringLiteral("tokenUrl")));
    QVERIFY(!visible(QStringLiteral("authUrl")));
    // Issuer and token are always there; without the window's services nothing can be fetched.
    QVERIFY(visible(QStringLiteral("issuer")));
    QVERIFY(visible(QStringLiteral("accessToken")));
    QVERIFY(!editor.discoverButton()->isEnabled());
}

void TestAuthEditor::requestTabSendsTheAuth()
{
    MainWindow window(&m_engine, &m_echo);
    RequestTab *tab = window.newRequestTab();
    RequestEditor *editor = tab->editor();
    editor->urlEdit()->setText(m_echo.baseUrl().toString() + QStringLiteral("headers"));
    QCOMPARE(editor->tabs()->tabText(2), QStringLiteral("Auth (inherited)"));
    AuthEditor *auth = editor->authEditor();
    auth->typeBox()->setCurrentIndex(auth->typeBox()->findData(int(AuthConfig::Type::Basic)));
    auth->field(QStringLiteral("username"))->setText(QStringLiteral("ada"));
    auth->field(QStringLiteral("password"))->setText(QStringLiteral("lovelace"));
    QCOMPARE(editor->tabs()->tabText(2), QStringLiteral("Auth (Basic)"));
    QSignalSpy finished(tab, &RequestTab::exchangeFinished);
    tab->send();
    QVERIFY(finished.wait(10000));
    const Exchange exchange = finished.first().first().value<Exchange>();
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    const QJsonObject echoed = QJsonDocument::fromJson(exchange.body.bytes()).object();
    QCOMPARE(
        echoed.value(QStringLiteral("headers")).toObject().value(QStringLiteral("Authorization")).toString(),
        QStringLiteral("Basic ") + QString::fromLatin1(QByteArray("ada:lovelace").toBase64()));
}

void TestAuthEditor::folderAuthIsInherited()
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("ws"));
    QCOMPARE(WorkspaceController::create(root, QStringLiteral("Test")), QString());
    FileSecretStore secrets(dir.filePath(QStringLiteral("secrets.json")));
    WorkspaceController workspace(&secrets);
    QCOMPARE(workspace.open(root), QString());
    const ItemResult collection = workspace.newCollection(QStringLiteral("API"));
    QVERIFY(collection.ok());
    Request request;
    request.name = QStringLiteral("Who am I");
    request.url = m_echo.baseUrl().toString() + QStringLiteral("headers");
    const ItemResult saved = workspace.newRequest(collection.item.directories, request);
    QVERIFY(saved.ok());

    // The collection's Settings… dialog sets a bearer token for everything in it.
    FolderSettingsDialog dialog(&workspace, collection.item.directories);
    AuthEditor *auth = dialog.authEditor();
    QVERIFY(auth);
    auth->typeBox()->setCurrentIndex(auth->typeBox()->findData(int(AuthConfig::Type::Bearer)));
    auth->field(QStringLiteral("token"))->setText(QStringLiteral("folder-token"));
    QVERIFY(dialog.save());
    QCOMPARE(workspace.folder(collection.item.directories)->auth.type, AuthConfig::Type::Bearer);

    MainWindow window(&m_engine, &m_echo);
    window.setWorkspace(&workspace);
    RequestTab *tab = window.openSavedRequest(saved.item);
    QVERIFY(tab);
    tab->refreshVariables();
    QVERIFY(tab->editor()->authEditor()->findChild<QLabel *>()); // the inherited description is shown
    QSignalSpy finished(tab, &RequestTab::exchangeFinished);
    tab->send();
    QVERIFY(finished.wait(10000));
    const Exchange exchange = finished.first().first().value<Exchange>();
    const QJsonObject echoed = QJsonDocument::fromJson(exchange.body.bytes()).object();
    QCOMPARE(
        echoed.value(QStringLiteral("headers")).toObject().value(QStringLiteral("Authorization")).toString(),
        QStringLiteral("Bearer folder-token"));
}

QTEST_MAIN(TestAuthEditor)
#include "tst_autheditor.moc"
