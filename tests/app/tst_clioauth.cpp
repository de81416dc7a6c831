// sonde-cli oauth token and sonde-cli jwt decode, end to end: the real binary against the real OpenID
// provider of tests/oidc (client credentials, a wrong secret, authorization code with PKCE signed in by
// a scripted browser from the URL the CLI prints), and jwt decode on its tokens and on malformed input.
#include "OidcTestProvider.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int RunTimeoutMs = 30000;

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

CliResult runCli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(SONDE_CLI), arguments);
    process.closeWriteChannel();
    CliResult result;
    if (!process.waitForFinished(RunTimeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace

class TestCliOAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void clientCredentials_data();
    void clientCredentials();
    void wrongSecret();
    void usageErrors_data();
    void usageErrors();
    void authorizationCode();
    void jwtDecode();
    void jwtMalformed_data();
    void jwtMalformed();

private:
    SondeTest::OidcTestProvider m_provider;
};

void TestCliOAuth::initTestCase()
{
    const QString directory = QStringLiteral(SONDE_OIDC_DIR);
    if (const QString why = SondeTest::OidcTestProvider::unavailable(directory); !why.isEmpty())
        QSKIP(qPrintable(why));
    QString error;
    QVERIFY2(m_provider.start(directory, &error), qPrintable(error));
}

void TestCliOAuth::clientCredentials_data()
{
    QTest::addColumn<bool>("discover");
    QTest::addColumn<bool>("json");
    QTest::newRow("issuer, text") << true << false;
    QTest::newRow("issuer, json") << true << true;
    QTest::newRow("token url, json") << false << true;
}

void TestCliOAuth::clientCredentials()
{
    QFETCH(bool, discover);
    QFETCH(bool, json);
    QStringList arguments {u"oauth"_s, u"token"_s, u"--grant"_s, u"client_credentials"_s, u"--client-id"_s,
        u"sonde-service-post"_s, u"--client-secret"_s, u"post-secret"_s, u"--client-auth"_s, u"post"_s,
        u"--scope"_s, u"api:read"_s};
    arguments << (discover ? u"--issuer"_s : u"--token-url"_s)
              << (discover ? m_provider.issuer() : m_provider.issuer() + u"/token");
    if (json)
        arguments << u"--json"_s;
    const CliResult result = runCli(arguments);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.err.contains("oauth: Discovered the endpoints"), discover);
    QVERIFY(result.err.contains("oauth: Token request (client credentials)"));
    QVERIFY(!result.err.contains("post-secret"));
    if (json) {
        const QJsonObject object = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(object.value(u"token_type"_s).toString(), u"Bearer"_s);
        QCOMPARE(object.value(u"scope"_s).toString(), u"api:read"_s);
        QCOMPARE(object.value(u"access_token"_s).toString().count(u'.'), 2);
    } else {
        QVERIFY2(result.out.startsWith("access_token: ey"), result.out.constData());
        QVERIFY(result.out.contains("\ntoken_type: Bearer\n"));
        QVERIFY(QRegularExpression(u"\nexpires_in: 600 \\(until \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\)\n"_s)
                    .match(QString::fromUtf8(result.out))
                    .hasMatch());
    }
}

void TestCliOAuth::wrongSecret()
{
    const CliResult result = runCli({u"oauth"_s, u"token"_s, u"--issuer"_s, m_provider.issuer(), u"--grant"_s,
        u"client_credentials"_s, u"--client-id"_s, u"sonde-service"_s, u"--client-secret"_s, u"wrong"_s, u"--json"_s});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.contains("sonde-cli oauth: The client could not be authenticated")
                 && result.err.contains("(invalid_client): client authentication failed."),
        result.err.constData());
}

void TestCliOAuth::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("no client id") << QStringList {u"token"_s, u"--token-url"_s, u"http://127.0.0.1:9/t"_s,
        u"--grant"_s, u"client_credentials"_s} << QByteArray("--client-id is required");
    QTest::newRow("unknown grant") << QStringList {u"token"_s, u"--grant"_s, u"magic"_s}
                                   << QByteArray("--grant must be");
    QTest::newRow("no endpoint") << QStringList {u"token"_s, u"--grant"_s, u"client_credentials"_s,
        u"--client-id"_s, u"x"_s} << QByteArray("give --issuer");
    QTest::newRow("refresh without token") << QStringList {u"token"_s, u"--grant"_s, u"refresh_token"_s,
        u"--client-id"_s, u"x"_s, u"--token-url"_s, u"http://127.0.0.1:9/t"_s} << QByteArray("--refresh-token");
}

void TestCliOAuth::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, expected);
    const CliResult result = runCli(QStringList {u"oauth"_s} + arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(expected), result.err.constData());
}

void TestCliOAuth::authorizationCode()
{
    QProcess process;
    process.start(QStringLiteral(SONDE_CLI),
        {u"oauth"_s, u"token"_s, u"--issuer"_s, m_provider.issuer(), u"--grant"_s, u"authorization_code"_s,
            u"--client-id"_s, u"sonde-native"_s, u"--scope"_s, u"openid"_s, u"--no-browser"_s, u"--json"_s});
    QVERIFY(process.waitForStarted(RunTimeoutMs));
    process.setReadChannel(QProcess::StandardError);
    QByteArray err;
    static const QRegularExpression urlLine(u"sign in:\n  (\\S+)\n"_s);
    QRegularExpressionMatch match;
    while (!(match = urlLine.match(QString::fromUtf8(err))).hasMatch() && process.waitForReadyRead(RunTimeoutMs))
        err += process.readAllStandardError();
    QVERIFY2(match.hasMatch(), err.constData());
    const QUrl url(match.captured(1));
    QCOMPARE(url.toString(QUrl::RemoveQuery), m_provider.issuer() + u"/auth");
    const QString redirect = QUrlQuery(url).queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded);
    SondeTest::ScriptedBrowser browser;
    int status = 0;
    const QString trace = browser.visit(url, redirect, &status);
    QVERIFY2(process.waitForFinished(RunTimeoutMs), qPrintable(trace));
    err += process.readAllStandardError();
    QVERIFY2(process.exitCode() == 0, qPrintable(QString::fromUtf8(err) + trace));
    QCOMPARE(status, 200);
    const QJsonObject token = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    QCOMPARE(token.value(u"id_token"_s).toString().count(u'.'), 2);
    QVERIFY(!token.value(u"refresh_token"_s).toString().isEmpty());
    QVERIFY(err.contains("oauth: Callback received"));

    // The id token decodes, naming the provider and the user the scripted browser signed in as.
    const CliResult decoded = runCli({u"jwt"_s, u"decode"_s, u"--json"_s, token.value(u"id_token"_s).toString()});
    QCOMPARE(decoded.exitCode, 0);
    const QJsonObject claims = QJsonDocument::fromJson(decoded.out).object().value(u"claims"_s).toObject();
    QCOMPARE(claims.value(u"iss"_s).toString(), m_provider.issuer());
    QCOMPARE(claims.value(u"sub"_s).toString(), u"alice"_s);
    QCOMPARE(claims.value(u"aud"_s).toString(), u"sonde-native"_s);
}

void TestCliOAuth::jwtDecode()
{
    const CliResult token = runCli({u"oauth"_s, u"token"_s, u"--issuer"_s, m_provider.issuer(), u"--grant"_s,
        u"client_credentials"_s, u"--client-id"_s, u"sonde-service"_s, u"--client-secret"_s,
        u"service-secret"_s, u"--json"_s});
    QCOMPARE(token.exitCode, 0);
    const QString accessToken = QJsonDocument::fromJson(token.out).object().value(u"access_token"_s).toString();
    const CliResult text = runCli({u"jwt"_s, u"decode"_s, accessToken});
    QVERIFY2(text.exitCode == 0, text.err.constData());
    const QString out = QString::fromUtf8(text.out);
    QVERIFY2(out.startsWith(u"Header:\n{\n    \"alg\": \"RS256\""), qPrintable(out));
    QVERIFY(out.contains(u"\"client_id\": \"sonde-service\""));
    QVERIFY(out.contains(u"\"iss\": \"" + m_provider.issuer() + u'"'));
    QVERIFY2(QRegularExpression(u"\n  exp  \\S+Z  \\(expires in (9 min \\d+ s|10 min)\\)\n"_s).match(out).hasMatch(),
        qPrintable(out));
    QVERIFY(QRegularExpression(u"\n  iat  \\S+Z  \\(\\d+ s ago\\)\n"_s).match(out).hasMatch());
    QVERIFY(out.endsWith(u"Signature: 256 bytes, not verified\n"));

    const CliResult json = runCli({u"jwt"_s, u"decode"_s, u"--json"_s, accessToken});
    const QJsonObject object = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(object.value(u"header"_s).toObject().value(u"typ"_s).toString(), u"at+jwt"_s);
    const QJsonObject exp = object.value(u"times"_s).toObject().value(u"exp"_s).toObject();
    QVERIFY(exp.value(u"date"_s).toString().endsWith(u'Z'));
    QVERIFY(exp.value(u"secondsFromNow"_s).toInt() > 500);
    QCOMPARE(object.value(u"signatureVerified"_s).toBool(true), false);
}

void TestCliOAuth::jwtMalformed_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("one part") << u"not-a-token"_s << QByteArray("three parts");
    QTest::newRow("garbage parts") << u"a.b.c"_s << QByteArray("header is not a JSON object");
    QTest::newRow("JWE") << u"a.b.c.d.e"_s << QByteArray("encrypted JWT");
}

void TestCliOAuth::jwtMalformed()
{
    QFETCH(QString, token);
    QFETCH(QByteArray, expected);
    const CliResult result = runCli({u"jwt"_s, u"decode"_s, token});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.startsWith("sonde-cli jwt: not a JWT: ") && result.err.contains(expected), result.err.constData());
}

QTEST_GUILESS_MAIN(TestCliOAuth)
#include "tst_clioauth.moc"
