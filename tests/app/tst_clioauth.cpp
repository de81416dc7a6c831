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
    QStringList arguments {u"oauth"_qs, u"token"_qs, u"--grant"_qs, u"client_credentials"_qs, u"--client-id"_qs,
        u"sonde-service-post"_qs, u"--client-secret"_qs, u"post-secret"_qs, u"--client-auth"_qs, u"post"_qs,
        u"--scope"_qs, u"api:read"_qs};
    arguments << (discover ? u"--issuer"_qs : u"--token-url"_qs)
              << (discover ? m_provider.issuer() : m_provider.issuer() + u"/token");
    if (json)
        arguments << u"--json"_qs;
    const CliResult result = runCli(arguments);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.err.contains("oauth: Discovered the endpoints"), discover);
    QVERIFY(result.err.contains("oauth: Token request (client credentials)"));
    QVERIFY(!result.err.contains("post-secret"));
    if (json) {
        const QJsonObject object = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(object.value(u"token_type"_qs).toString(), u"Bearer"_qs);
        QCOMPARE(object.value(u"scope"_qs).toString(), u"api:read"_qs);
        QCOMPARE(object.value(u"access_token"_qs).toString().count(u'.'), 2);
    } else {
        QVERIFY2(result.out.startsWith("access_token: ey"), result.out.constData());
        QVERIFY(result.out.contains("\ntoken_type: Bearer\n"));
        QVERIFY(QRegularExpression(u"\nexpires_in: 600 \\(until \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\)\n"_qs)
                    .match(QString::fromUtf8(result.out))
                    .hasMatch());
    }
}

void TestCliOAuth::wrongSecret()
{
    const CliResult result = runCli({u"oauth"_qs, u"token"_qs, u"--issuer"_qs, m_provider.issuer(), u"--grant"_qs,
        u"client_credentials"_qs, u"--client-id"_qs, u"sonde-service"_qs, u"--client-secret"_qs, u"wrong"_qs, u"--json"_qs});
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
    QTest::newRow("no client id") << QStringList {u"token"_qs, u"--token-url"_qs, u"http://127.0.0.1:9/t"_qs,
        u"--grant"_qs, u"client_credentials"_qs} << QByteArray("--client-id is required");
    QTest::newRow("unknown grant") << QStringList {u"token"_qs, u"--grant"_qs, u"magic"_qs}
                                   << QByteArray("--grant must be");
    QTest::newRow("no endpoint") << QStringList {u"token"_qs, u"--grant"_qs, u"client_credentials"_qs,
        u"--client-id"_qs, u"x"_qs} << QByteArray("give --issuer");
    QTest::newRow("refresh without token") << QStringList {u"token"_qs, u"--grant"_qs, u"refresh_token"_qs,
        u"--client-id"_qs, u"x"_qs, u"--token-url"_qs, u"http://127.0.0.1:9/t"_qs} << QByteArray("--refresh-token");
}

void TestCliOAuth::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, expected);
    const CliResult result = runCli(QStringList {u"oauth"_qs} + arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(expected), result.err.constData());
}

void TestCliOAuth::authorizationCode()
{
    QProcess process;
    process.start(QStringLiteral(SONDE_CLI),
        {u"oauth"_qs, u"token"_qs, u"--issuer"_qs, m_provider.issuer(), u"--grant"_qs, u"authorization_code"_qs,
            u"--client-id"_qs, u"sonde-native"_qs, u"--scope"_qs, u"openid"_qs, u"--no-browser"_qs, u"--json"_qs});
    QVERIFY(process.waitForStarted(RunTimeoutMs));
    process.setReadChannel(QProcess::StandardError);
    QByteArray err;
    static const QRegularExpression urlLine(u"sign in:\n  (\\S+)\n"_qs);
    QRegularExpressionMatch match;
    while (!(match = urlLine.match(QString::fromUtf8(err))).hasMatch() && process.waitForReadyRead(RunTimeoutMs))
        err += process.readAllStandardError();
    QVERIFY2(match.hasMatch(), err.constData());
    const QUrl url(match.captured(1));
    QCOMPARE(url.toString(QUrl::RemoveQuery), m_provider.issuer() + u"/auth");
    const QString redirect = QUrlQuery(url).queryItemValue(u"redirect_uri"_qs, QUrl::FullyDecoded);
    SondeTest::ScriptedBrowser browser;
    int status = 0;
    const QString trace = browser.visit(url, redirect, &status);
    QVERIFY2(process.waitForFinished(RunTimeoutMs), qPrintable(trace));
    err += process.readAllStandardError();
    QVERIFY2(process.exitCode() == 0, qPrintable(QString::fromUtf8(err) + trace));
    QCOMPARE(status, 200);
    const QJsonObject token = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    QCOMPARE(token.value(u"id_token"_qs).toString().count(u'.'), 2);
    QVERIFY(!token.value(u"refresh_token"_qs).toString().isEmpty());
    QVERIFY(err.contains("oauth: Callback received"));

    // The id token decodes, naming the provider and the user the scripted browser signed in as.
    const CliResult decoded = runCli({u"jwt"_qs, u"decode"_qs, u"--json"_qs, token.value(u"id_token"_qs).toString()});
    QCOMPARE(decoded.exitCode, 0);
    const QJsonObject claims = QJsonDocument::fromJson(decoded.out).object().value(u"claims"_qs).toObject();
    QCOMPARE(claims.value(u"iss"_qs).toString(), m_provider.issuer());
    QCOMPARE(claims.value(u"sub"_qs).toString(), u"alice"_qs);
    QCOMPARE(claims.value(u"aud"_qs).toString(), u"sonde-native"_qs);
}

void TestCliOAuth::jwtDecode()
{
    const CliResult token = runCli({u"oauth"_qs, u"token"_qs, u"--issuer"_qs, m_provider.issuer(), u"--grant"_qs,
        u"client_credentials"_qs, u"--client-id"_qs, u"sonde-service"_qs, u"--client-secret"_qs,
        u"service-secret"_qs, u"--json"_qs});
    QCOMPARE(token.exitCode, 0);
    const QString accessToken = QJsonDocument::fromJson(token.out).object().value(u"access_token"_qs).toString();
    const CliResult text = runCli({u"jwt"_qs, u"decode"_qs, accessToken});
    QVERIFY2(text.exitCode == 0, text.err.constData());
    const QString out = QString::fromUtf8(text.out);
    QVERIFY2(out.startsWith(u"Header:\n{\n    \"alg\": \"RS256\""), qPrintable(out));
    QVERIFY(out.contains(u"\"client_id\": \"sonde-service\""));
    QVERIFY(out.contains(u"\"iss\": \"" + m_provider.issuer() + u'"'));
    QVERIFY2(QRegularExpression(u"\n  exp  \\S+Z  \\(expires in (9 min \\d+ s|10 min)\\)\n"_qs).match(out).hasMatch(),
        qPrintable(out));
    QVERIFY(QRegularExpression(u"\n  iat  \\S+Z  \\(\\d+ s ago\\)\n"_qs).match(out).hasMatch());
    QVERIFY(out.endsWith(u"Signature: 256 bytes, not verified\n"));

    const CliResult json = runCli({u"jwt"_qs, u"decode"_qs, u"--json"_qs, accessToken});
    const QJsonObject object = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(object.value(u"header"_qs).toObject().value(u"typ"_qs).toString(), u"at+jwt"_qs);
    const QJsonObject exp = object.value(u"times"_qs).toObject().value(u"exp"_qs).toObject();
    QVERIFY(exp.value(u"date"_qs).toString().endsWith(u'Z'));
    QVERIFY(exp.value(u"secondsFromNow"_qs).toInt() > 500);
    QCOMPARE(object.value(u"signatureVerified"_qs).toBool(true), false);
}

void TestCliOAuth::jwtMalformed_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("one part") << u"not-a-token"_qs << QByteArray("three parts");
    QTest::newRow("garbage parts") << u"a.b.c"_qs << QByteArray("header is not a JSON object");
    QTest::newRow("JWE") << u"a.b.c.d.e"_qs << QByteArray("encrypted JWT");
}

void TestCliOAuth::jwtMalformed()
{
    QFETCH(QString, token);
    QFETCH(QByteArray, expected);
    const CliResult result = runCli({u"jwt"_qs, u"decode"_qs, token});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.startsWith("sonde-cli jwt: not a JWT: ") && result.err.contains(expected), result.err.constData());
}

QTEST_GUILESS_MAIN(TestCliOAuth)
#include "tst_clioauth.moc"
