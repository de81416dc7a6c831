// Auth applied when sending, against real loopback servers: the echo server for the schemes that are a
// header or a query parameter, and scripted servers that really challenge (Digest per RFC 7616, NTLMv2)
// and check the answers with their own implementation of the scheme.
#include "ScriptedServer.h"
#include "auth/SigV4.h"
#include "echo/EchoServer.h"
#include "http/HttpEngine.h"
#include "http/Transfer.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTest>
#include <QTimeZone>

using namespace Sonde;

Q_DECLARE_METATYPE(Sonde::Exchange)

namespace {

/// The header fields of a raw request head, names as received.
QList<std::pair<QByteArray, QByteArray>> headFields(const QByteArray &head)
{
    QList<std::pair<QByteArray, QByteArray>> fields;
    const QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            fields.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    return fields;
}

QByteArray field(const QByteArray &head, QByteArrayView name)
{
    for (const auto &[key, value] : headFields(head)) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray requestTarget(const QByteArray &head)
{
    const QByteArray line = head.left(head.indexOf('\r'));
    return line.split(' ').value(1);
}

QByteArray requestMethod(const QByteArray &head)
{
    return head.left(head.indexOf(' '));
}

QByteArray sentHeader(const Exchange &exchange, QByteArrayView name)
{
    return headerValue(exchange.sent.headers, name);
}

// ---- a Digest server (RFC 7616) ----------------------------------------------------------------

/// The parameters of a Digest Authorization header, parsed here independently of Sonde's parser.
QHash<QByteArray, QByteArray> digestParams(const QByteArray &authorization)
{
    QHash<QByteArray, QByteArray> params;
    QByteArray rest = authorization.mid(authorization.indexOf(' ') + 1);
    qsizetype pos = 0;
    while (pos < rest.size()) {
        while (pos < rest.size() && (rest.at(pos) == ' ' || rest.at(pos) == ','))
            ++pos;
        const qsizetype equals = rest.indexOf('=', pos);
        if (equals < 0)
            break;
        const QByteArray name = rest.mid(pos, equals - pos).trimmed();
        pos = equals + 1;
        QByteArray value;
        if (pos < rest.size() && rest.at(pos) == '"') {
            ++pos;
            while (pos < rest.size() && rest.at(pos) != '"') {
                if (rest.at(pos) == '\\')
                    ++pos;
                value += rest.at(pos++);
            }
            ++pos;
        } else {
            while (pos < rest.size() && rest.at(pos) != ',')
                value += rest.at(pos++);
        }
        params.insert(name, value.trimmed());
    }
    return params;
}

struct DigestServer
{
    DigestServer(const QString &user, const QString &password, const QList<QByteArray> &algorithms)
        : user(user)
        , password(password)
        , algorithms(algorithms)
    {
    }

    QString user;
    QString password;
    QList<QByteArray> algorithms; // one challenge per algorithm, in this order
    QByteArray realm = "api@sonde.test";
    QByteArray nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    QByteArray opaque = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";
    bool userhash = false;
    /// What the last answer was checked against, for the test's messages.
    QStringList problems;
    QList<QByteArray> acceptedAlgorithms;

    QByteArray challenges() const
    {
        QByteArray fields;
        for (const QByteArray &algorithm : algorithms) {
            fields += "WWW-Authenticate: Digest realm=\"" + realm
                + "\", qop=\"auth, auth-int\", algorithm=" + algorithm + ", nonce=\"" + nonce
                + "\", opaque=\"" + opaque + '"' + (userhash ? ", userhash=true" : "") + "\r\n";
        }
        return fields;
    }

    static QByteArray h(const QByteArray &algorithm, const QByteArray &data)
    {
        const bool sha = algorithm.toUpper().startsWith("SHA-256");
        return QCryptographicHash::hash(data, sha ? QCryptographicHash::Sha256 : QCryptographicHash::Md5)
            .toHex();
    }

    /// Checks an Authorization header per RFC 7616 §3.4; records why it fails.
    bool verify(const QByteArray &method, const QByteArray &target, const QByteArray &authorization)
    {
        problems.clear();
        if (!authorization.startsWith("Digest ")) {
            problems << QStringLiteral("no Digest authorization");
            return false;
        }
        const QHash<QByteArray, QByteArray> p = digestParams(authorization);
        const QByteArray algorithm = p.value("algorithm", "MD5");
        if (!algorithms.contains(algorithm))
            problems << QStringLiteral("algorithm %1 was not offered").arg(QString::fromLatin1(algorithm));
        QByteArray username = p.value("username");
        if (p.contains("username*")) {
            const QByteArray extended = p.value("username*");
            if (!extended.startsWith("UTF-8''"))
                problems << QStringLiteral("username* not in UTF-8");
            username = QByteArray::fromPercentEncoding(extended.mid(7));
        }
        if (userhash) {
            if (p.value("userhash") != "true")
                problems << QStringLiteral("userhash not announced");
            if (username != h(algorithm, user.toUtf8() + ':' + realm))
                problems << QStringLiteral("wrong hashed user name");
        } else if (username != user.toUtf8()) {
            problems << QStringLiteral("user %1").arg(QString::fromUtf8(username));
        }
        if (p.value("realm") != realm || p.value("nonce") != nonce || p.value("opaque") != opaque)
            problems << QStringLiteral("realm, nonce or opaque not returned");
        if (p.value("uri") != target)
            problems << QStringLiteral("uri %1 is not the target %2")
                            .arg(QString::fromLatin1(p.value("uri")), QString::fromLatin1(target));
        if (p.value("qop") != "auth" || p.value("nc") != "00000001" || p.value("cnonce").size() < 8)
            problems << QStringLiteral("qop, nc or cnonce missing");
        QByteArray ha1 = h(algorithm, user.toUtf8() + ':' + realm + ':' + password.toUtf8());
        if (algorithm.toLower().endsWith("-sess"))
            ha1 = h(algorithm, ha1 + ':' + nonce + ':' + p.value("cnonce"));
        const QByteArray ha2 = h(algorithm, method + ':' + target);
        const QByteArray expected = h(
            algorithm, ha1 + ':' + nonce + ':' + p.value("nc") + ':' + p.value("cnonce") + ":auth:" + ha2);
        if (p.value("response") != expected)
            problems << QStringLiteral("wrong response digest");
        if (problems.isEmpty())
            acceptedAlgorithms << algorithm;
        return problems.isEmpty();
    }

    void install(ScriptedServer &server)
    {
        server.setHandler([this](QTcpSocket *socket, const QByteArray &head, const QByteArray &) {
            const QByteArray authorization = field(head, "Authorization");
            if (!authorization.isEmpty() && verify(requestMethod(head), requestTarget(head), authorization)) {
                socket->write(ScriptedServer::response(200, "welcome"));
                return;
            }
            const QByteArray body = "who are you?";
            socket->write("HTTP/1.1 401 Unauthorized\r\n" + challenges()
                + "Content-Type: text/plain\r\nContent-Length: " + QByteArray::number(body.size())
                + "\r\n\r\n" + body);
        });
    }
};

// ---- an NTLM server (NTLMv2, MS-NLMP) ----------------------------------------------------------

QByteArray utf16le(const QString &text)
{
    QByteArray bytes;
    for (const QChar c : text) {
        bytes += char(c.unicode() & 0xff);
        bytes += char(c.unicode() >> 8);
    }
    return bytes;
}

QByteArray hmacMd5(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Md5);
}

/// A security buffer of an NTLM message: its bytes.
QByteArray securityBuffer(const QByteArray &message, int at)
{
    if (message.size() < at + 8)
        return {};
    QDataStream stream(message.mid(at, 8));
    stream.setByteOrder(QDataStream::LittleEndian);
    quint16 length = 0;
    quint16 capacity = 0;
    quint32 offset = 0;
    stream >> length >> capacity >> offset;
    return message.mid(offset, length);
}

struct NtlmServer
{
    QString user;
    QString domain;
    QString password;
    QByteArray serverChallenge = QByteArray::fromHex("0123456789abcdef");
    int accepted = 0;
    int rejected = 0;

    QByteArray challengeMessage() const
    {
        QByteArray message;
        QDataStream stream(&message, QIODevice::WriteOnly);
        stream.setByteOrder(QDataStream::LittleEndian);
        const QByteArray target = utf16le(domain);
        stream.writeRawData("NTLMSSP\0", 8);
        stream << quint32(2);
        stream << quint16(target.size()) << quint16(target.size()) << quint32(48);
        stream << quint32(0x00000001 | 0x00000200 | 0x00080000); // unicode, NTLM, extended session security
        stream.writeRawData(serverChallenge.constData(), 8);
        stream << quint32(0) << quint32(0);
        stream << quint16(0) << quint16(0) << quint32(48 + target.size());
        stream.writeRawData(target.constData(), int(target.size()));
        return message;
    }

    /// Checks an AUTHENTICATE message's NTLMv2 response for the expected user and password.
    bool verify(const QByteArray &message) const
    {
        if (!message.startsWith(QByteArray("NTLMSSP\0\3\0\0\0", 12)))
            return false;
        const QByteArray ntResponse = securityBuffer(message, 20);
        const QString sentDomain
            = QString::fromUtf16(reinterpret_cast<const char16_t *>(securityBuffer(message, 28).constData()),
                securityBuffer(message, 28).size() / 2);
        const QString sentUser
            = QString::fromUtf16(reinterpret_cast<const char16_t *>(securityBuffer(message, 36).constData()),
                securityBuffer(message, 36).size() / 2);
        if (ntResponse.size() < 32 || sentUser != user || sentDomain != domain)
            return false;
        const QByteArray ntHash = QCryptographicHash::hash(utf16le(password), QCryptographicHash::Md4);
        const QByteArray v2Hash = hmacMd5(ntHash, utf16le(user.toUpper() + domain));
        const QByteArray blob = ntResponse.mid(16);
        return hmacMd5(v2Hash, serverChallenge + blob) == ntResponse.left(16);
    }

    void install(ScriptedServer &server)
    {
        server.setHandler([this](QTcpSocket *socket, const QByteArray &head, const QByteArray &) {
            const QByteArray authorization = field(head, "Authorization");
            const auto unauthorized = [socket](const QByteArray &challenge) {
                socket->write("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: " + challenge
                    + "\r\nContent-Length: 0\r\n\r\n");
            };
            if (!authorization.startsWith("NTLM ")) {
                unauthorized("NTLM");
                return;
            }
            const QByteArray message = QByteArray::fromBase64(authorization.mid(5));
            if (message.startsWith(QByteArray("NTLMSSP\0\1\0\0\0", 12))) {
                unauthorized("NTLM " + challengeMessage().toBase64());
                return;
            }
            if (verify(message)) {
                ++accepted;
                socket->write(ScriptedServer::response(200, "hello " + user.toUtf8()));
                return;
            }
            ++rejected;
            unauthorized("NTLM");
        });
    }
};

AuthConfig basicAuth(const QString &user, const QString &password)
{
    AuthConfig auth;
    auth.type = AuthConfig::Type::Basic;
    auth.basic = {user, password};
    return auth;
}

AuthConfig digestAuth(const QString &user, const QString &password)
{
    AuthConfig auth;
    auth.type = AuthConfig::Type::Digest;
    auth.digest = {user, password};
    return auth;
}

AuthConfig awsAuth(const QString &service, const QString &sessionToken = {})
{
    AuthConfig auth;
    auth.type = AuthConfig::Type::AwsSigV4;
    auth.aws = {QStringLiteral("AKIDEXAMPLE"), QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        sessionToken, QStringLiteral("eu-west-1"), service};
    return auth;
}

} // namespace

class TestAuthApply : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void basicInUtf8();
    void bearer_data();
    void bearer();
    void apiKeyInHeader();
    void apiKeyInQuery_data();
    void apiKeyInQuery();
    void oauth2TokenSent();
    void userAuthorizationHeaderWins();
    void authNotCarriedToAnotherOrigin();
    void incompleteAuthIsReported_data();
    void incompleteAuthIsReported();
    void digest_data();
    void digest();
    void digestWithBodyResendsIt();
    void digestWrongPasswordGivesUpAfterOneTry();
    void digestUnsupportedChallenge();
    void digestNotAskedFor();
    void ntlm();
    void ntlmWrongPasswordGivesUpAfterOneTry();
    void sigV4SignsWhatIsSent_data();
    void sigV4SignsWhatIsSent();
    void sigV4HashesAFileBody();

private:
    Exchange run(const Request &request);
    Request echoRequest(const QString &path, const AuthConfig &auth) const;
    QJsonObject echoed(const Exchange &exchange) const;

    QNetworkAccessManager m_network;
    HttpEngine m_engine {&m_network};
    EchoServer m_echo;
};

void TestAuthApply::initTestCase()
{
    qRegisterMetaType<Sonde::Exchange>();
    QVERIFY2(m_echo.listen(), qPrintable(m_echo.errorString()));
}

Exchange TestAuthApply::run(const Request &request)
{
    Transfer *transfer = m_engine.send(request, this);
    QSignalSpy finished(transfer, &Transfer::finished);
    if (finished.isEmpty())
        finished.wait(60000);
    transfer->deleteLater();
    if (finished.size() != 1) {
        qWarning("transfer did not finish exactly once (%lld)", static_cast<long long>(finished.size()));
        return {};
    }
    return finished.takeFirst().at(0).value<Exchange>();
}

Request TestAuthApply::echoRequest(const QString &path, const AuthConfig &auth) const
{
    Request request;
    request.url = m_echo.baseUrl().resolved(QUrl(path)).toString();
    request.auth = auth;
    return request;
}

QJsonObject TestAuthApply::echoed(const Exchange &exchange) const
{
    return QJsonDocument::fromJson(exchange.body.bytes()).object();
}

void TestAuthApply::basicInUtf8()
{
    const QString user = QStringLiteral("José");
    const QString password = QStringLiteral("pässwörd: ☕");
    const Exchange exchange = run(echoRequest(QStringLiteral("/headers"), basicAuth(user, password)));
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    // RFC 7617 §2.1 with charset="UTF-8": user-id ":" password in UTF-8, then Base64.
    const QByteArray utf8 = "Basic " + (user + u':' + password).toUtf8().toBase64();
    QCOMPARE(echoed(exchange)
                 .value(QStringLiteral("headers"))
                 .toObject()
                 .value(QStringLiteral("Authorization"))
                 .toString(),
        QString::fromLatin1(utf8));
    QCOMPARE(
        QByteArray::fromBase64(utf8.mid(6)), QByteArray("Jos\xc3\xa9:p\xc3\xa4ssw\xc3\xb6rd: \xe2\x98\x95"));
    // What was sent is recorded with it.
    QCOMPARE(sentHeader(exchange, "Authorization"), utf8);
}

void TestAuthApply::bearer_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::newRow("Bearer") << QStringLiteral("Bearer");
    QTest::newRow("custom word") << QStringLiteral("Token");
}

void TestAuthApply::bearer()
{
    QFETCH(QString, prefix);
    AuthConfig auth;
    auth.type = AuthConfig::Type::Bearer;
    auth.bearer = {QStringLiteral("eyJhbGciOiJub25lIn0.e30."), prefix};
    const Exchange exchange = run(echoRequest(QStringLiteral("/headers"), auth));
    const QString expected = prefix + QStringLiteral(" eyJhbGciOiJub25lIn0.e30.");
    QCOMPARE(echoed(exchange)
                 .value(QStringLiteral("headers"))
                 .toObject()
                 .value(QStringLiteral("Authorization"))
                 .toString(),
        expected);
    QCOMPARE(sentHeader(exchange, "Authorization"), expected.toUtf8());
}

void TestAuthApply::apiKeyInHeader()
{
    AuthConfig auth;
    auth.type = AuthConfig::Type::ApiKey;
    auth.apiKey = {QStringLiteral("X-Api-Key"), QStringLiteral("k-123 456"), ApiKey::Location::Header};
    const Exchange exchange = run(echoRequest(QStringLiteral("/headers"), auth));
    QCOMPARE(echoed(exchange)
                 .value(QStringLiteral("headers"))
                 .toObject()
                 .value(QStringLiteral("X-Api-Key"))
                 .toString(),
        QStringLiteral("k-123 456"));
    QCOMPARE(sentHeader(exchange, "X-Api-Key"), QByteArray("k-123 456"));
    QVERIFY(sentHeader(exchange, "Authorization").isNull());
}

void TestAuthApply::apiKeyInQuery_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("sentQuery");
    QTest::addColumn<QStringList>("keyValues");

    QTest::newRow("plain") << QStringLiteral("/get") << QStringLiteral("api_key") << QStringLiteral("abc123")
                           << QByteArray("api_key=abc123") << QStringList {QStringLiteral("abc123")};
    QTest::newRow("after the URL's query")
        << QStringLiteral("/get?q=a%20b&page=2") << QStringLiteral("key") << QStringLiteral("v")
        << QByteArray("q=a%20b&page=2&key=v") << QStringList {QStringLiteral("v")};
    QTest::newRow("reserved characters encoded")
        << QStringLiteral("/get?q=1") << QStringLiteral("api key") << QStringLiteral("a&b=c+d/é#")
        << QByteArray("q=1&api%20key=a%26b%3Dc%2Bd%2F%C3%A9%23")
        << QStringList {QStringLiteral("a&b=c+d/é#")};
    QTest::newRow("the URL's own parameter wins")
        << QStringLiteral("/get?key=mine") << QStringLiteral("key") << QStringLiteral("config")
        << QByteArray("key=mine") << QStringList {QStringLiteral("mine")};
}

void TestAuthApply::apiKeyInQuery()
{
    QFETCH(QString, path);
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QByteArray, sentQuery);
    QFETCH(QStringList, keyValues);
    AuthConfig auth;
    auth.type = AuthConfig::Type::ApiKey;
    auth.apiKey = {name, value, ApiKey::Location::Query};
    const Exchange exchange = run(echoRequest(path, auth));
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QCOMPARE(exchange.sent.target, "/get?" + sentQuery);
    const QJsonArray received
        = echoed(exchange).value(QStringLiteral("query")).toObject().value(name).toArray();
    QStringList values;
    for (const QJsonValue &v : received)
        values << v.toString();
    QCOMPARE(values, keyValues);
}

void TestAuthApply::oauth2TokenSent()
{
    AuthConfig auth;
    auth.type = AuthConfig::Type::OAuth2;
    auth.oauth2.accessToken = QStringLiteral("at-42");
    const Exchange exchange = run(echoRequest(QStringLiteral("/headers"), auth));
    QCOMPARE(sentHeader(exchange, "Authorization"), QByteArray("Bearer at-42"));
}

void TestAuthApply::userAuthorizationHeaderWins()
{
    Request request
        = echoRequest(QStringLiteral("/headers"), basicAuth(QStringLiteral("ada"), QStringLiteral("pw")));
    request.headers = {{QStringLiteral("authorization"), QStringLiteral("Custom mine")}};
    const Exchange exchange = run(request);
    QCOMPARE(echoed(exchange)
                 .value(QStringLiteral("headers"))
                 .toObject()
                 .value(QStringLiteral("Authorization"))
                 .toString(),
        QStringLiteral("Custom mine"));
    int count = 0;
    for (const auto &header : exchange.sent.headers)
        count += header.first.compare("Authorization", Qt::CaseInsensitive) == 0;
    QCOMPARE(count, 1);
}

void TestAuthApply::authNotCarriedToAnotherOrigin()
{
    ScriptedServer target;
    QVERIFY(target.listen());
    target.setResponse(ScriptedServer::response(200, "there"));
    ScriptedServer origin;
    QVERIFY(origin.listen());
    origin.setResponse(
        ScriptedServer::response(307, {}, {{"Location", target.url(QStringLiteral("/x")).toEncoded()}}));
    for (const AuthConfig &auth :
        {basicAuth(QStringLiteral("ada"), QStringLiteral("pw")), awsAuth(QStringLiteral("s3"))}) {
        Request request;
        request.url = origin.url(QStringLiteral("/start")).toString();
        request.auth = auth;
        const Exchange exchange = run(request);
        QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
        QCOMPARE(exchange.redirects.size(), 1);
        QVERIFY(!field(origin.lastRequestHead(), "Authorization").isEmpty());
        QVERIFY2(
            field(target.lastRequestHead(), "Authorization").isEmpty(), target.lastRequestHead().constData());
        QVERIFY(sentHeader(exchange, "Authorization").isNull());
    }
}

void TestAuthApply::incompleteAuthIsReported_data()
{
    QTest::addColumn<AuthConfig>("auth");
    QTest::addColumn<QString>("message");
    AuthConfig key;
    key.type = AuthConfig::Type::ApiKey;
    QTest::newRow("api key without a name") << key << QStringLiteral("The API key has no name");
    AuthConfig bearer;
    bearer.type = AuthConfig::Type::Bearer;
    QTest::newRow("empty bearer token") << bearer << QStringLiteral("The bearer token is empty.");
    AuthConfig aws = awsAuth(QStringLiteral("s3"));
    aws.aws.secretKey.clear();
    QTest::newRow("aws without secret")
        << aws << QStringLiteral("AWS Signature Version 4 needs an access key");
    AuthConfig oauth;
    oauth.type = AuthConfig::Type::OAuth2;
    QTest::newRow("oauth2 without token")
        << oauth << QStringLiteral("There is no OAuth 2.0 access token yet");
    QTest::newRow("basic user with colon") << basicAuth(QStringLiteral("a:b"), QStringLiteral("pw"))
                                           << QStringLiteral("A Basic auth user name cannot contain a colon");
}

void TestAuthApply::incompleteAuthIsReported()
{
    QFETCH(AuthConfig, auth);
    QFETCH(QString, message);
    ScriptedServer server;
    QVERIFY(server.listen());
    Request request;
    request.url = server.url().toString();
    request.auth = auth;
    const Exchange exchange = run(request);
    QVERIFY(exchange.error.isError());
    QVERIFY2(exchange.error.message.startsWith(message), qPrintable(exchange.error.message));
    QCOMPARE(server.requestCount(), 0);
}

void TestAuthApply::digest_data()
{
    QTest::addColumn<QList<QByteArray>>("offered");
    QTest::addColumn<QString>("user");
    QTest::addColumn<bool>("userhash");
    QTest::addColumn<QByteArray>("chosen");
    QTest::newRow("MD5") << QList<QByteArray> {"MD5"} << QStringLiteral("Mufasa") << false
                         << QByteArray("MD5");
    QTest::newRow("SHA-256") << QList<QByteArray> {"SHA-256"} << QStringLiteral("Mufasa") << false
                             << QByteArray("SHA-256");
    QTest::newRow("MD5-sess") << QList<QByteArray> {"MD5-sess"} << QStringLiteral("Mufasa") << false
                              << QByteArray("MD5-sess");
    QTest::newRow("SHA-256-sess") << QList<QByteArray> {"SHA-256-sess"} << QStringLiteral("Mufasa") << false
                                  << QByteArray("SHA-256-sess");
    // RFC 7616 §3.7: a server offers SHA-256 and MD5, the client takes the strongest it knows.
    QTest::newRow("strongest of two")
        << QList<QByteArray> {"MD5", "SHA-256"} << QStringLiteral("Mufasa") << false << QByteArray("SHA-256");
    QTest::newRow("unknown one skipped")
        << QList<QByteArray> {"SHA-512-256", "MD5"} << QStringLiteral("Mufasa") << false << QByteArray("MD5");
    QTest::newRow("non-ASCII user as username*")
        << QList<QByteArray> {"SHA-256"} << QStringLiteral("Jäsøn Doe") << false << QByteArray("SHA-256");
    QTest::newRow("userhash") << QList<QByteArray> {"SHA-256"} << QStringLiteral("Jäsøn Doe") << true
                              << QByteArray("SHA-256");
}

void TestAuthApply::digest()
{
    QFETCH(QList<QByteArray>, offered);
    QFETCH(QString, user);
    QFETCH(bool, userhash);
    QFETCH(QByteArray, chosen);
    ScriptedServer server;
    QVERIFY(server.listen());
    DigestServer digest(user, QStringLiteral("Circle of Life ☀"), offered);
    digest.userhash = userhash;
    digest.install(server);

    Request request;
    request.url = server.url(QStringLiteral("/dir/index.html?x=1&y=%C3%A9")).toString();
    request.auth = digestAuth(user, QStringLiteral("Circle of Life ☀"));
    const Exchange exchange = run(request);
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QVERIFY2(
        exchange.response && exchange.response->statusCode == 200, qPrintable(digest.problems.join(u"; ")));
    QCOMPARE(exchange.body.bytes(), QByteArray("welcome"));
    QCOMPARE(server.requestCount(), 2);
    QCOMPARE(digest.acceptedAlgorithms, QList<QByteArray> {chosen});
    // The answer is what the exchange records as sent.
    QVERIFY(sentHeader(exchange, "Authorization").startsWith("Digest "));
    QCOMPARE(sentHeader(exchange, "Authorization"), field(server.lastRequestHead(), "Authorization"));
}

void TestAuthApply::digestWithBodyResendsIt()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    DigestServer digest(QStringLiteral("Mufasa"), QStringLiteral("pw"), {"SHA-256"});
    digest.install(server);
    Request request;
    request.method = QStringLiteral("POST");
    request.url = server.url(QStringLiteral("/upload")).toString();
    request.body = Body {Body::Kind::Raw, QStringLiteral("application/json"), "{\"a\":1}"};
    request.auth = digestAuth(QStringLiteral("Mufasa"), QStringLiteral("pw"));
    const Exchange exchange = run(request);
    QCOMPARE(exchange.response ? exchange.response->statusCode : 0, 200);
    QCOMPARE(server.requestCount(), 2);
    QCOMPARE(server.lastRequestBody(), QByteArray("{\"a\":1}"));
    QCOMPARE(exchange.sent.body, QByteArray("{\"a\":1}"));
}

void TestAuthApply::digestWrongPasswordGivesUpAfterOneTry()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    DigestServer digest(QStringLiteral("Mufasa"), QStringLiteral("right"), {"MD5"});
    digest.install(server);
    Request request;
    request.url = server.url(QStringLiteral("/private")).toString();
    request.auth = digestAuth(QStringLiteral("Mufasa"), QStringLiteral("wrong"));
    const Exchange exchange = run(request);
    QCOMPARE(exchange.error.kind, TransportError::Kind::Authentication);
    QCOMPARE(exchange.error.message,
        QStringLiteral("The server rejected the Digest credentials of “Mufasa” (401 Unauthorized)."));
    QVERIFY(exchange.response);
    QCOMPARE(exchange.response->statusCode, 401);
    QCOMPARE(exchange.body.bytes(), QByteArray("who are you?"));
    QCOMPARE(server.requestCount(), 2);
    QCOMPARE(digest.problems, QStringList {QStringLiteral("wrong response digest")});
}

void TestAuthApply::digestUnsupportedChallenge()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    DigestServer digest(QStringLiteral("Mufasa"), QStringLiteral("pw"), {"SHA-512-256"});
    digest.install(server);
    Request request;
    request.url = server.url().toString();
    request.auth = digestAuth(QStringLiteral("Mufasa"), QStringLiteral("pw"));
    const Exchange exchange = run(request);
    QCOMPARE(exchange.error.kind, TransportError::Kind::Authentication);
    QCOMPARE(exchange.error.message,
        QStringLiteral(
            "The server asks for Digest (SHA-512-256), not a Digest challenge Sonde can answer (MD5 or "
            "SHA-256, qop auth)."));
    QCOMPARE(server.requestCount(), 1);
}

void TestAuthApply::digestNotAskedFor()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setResponse(
        "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"x\"\r\nContent-Length: 0\r\n\r\n");
    Request request;
    request.url = server.url().toString();
    request.auth = digestAuth(QStringLiteral("Mufasa"), QStringLiteral("pw"));
    const Exchange exchange = run(request);
    QCOMPARE(exchange.error.kind, TransportError::Kind::Authentication);
    QVERIFY2(exchange.error.message.startsWith(QStringLiteral("The server asks for Basic")),
        qPrintable(exchange.error.message));
    QCOMPARE(server.requestCount(), 1);
}

void TestAuthApply::ntlm()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    NtlmServer ntlm {QStringLiteral("ada"), QStringLiteral("EXAMPLE"), QStringLiteral("Pässword1")};
    ntlm.install(server);
    Request request;
    request.url = server.url(QStringLiteral("/intranet")).toString();
    request.auth.type = AuthConfig::Type::Ntlm;
    request.auth.ntlm = {QStringLiteral("ada"), QStringLiteral("Pässword1"), QStringLiteral("EXAMPLE")};
    const Exchange exchange = run(request);
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QCOMPARE(exchange.response ? exchange.response->statusCode : 0, 200);
    QCOMPARE(exchange.body.bytes(), QByteArray("hello ada"));
    QCOMPARE(ntlm.accepted, 1);
    QCOMPARE(server.requestCount(), 3); // challenge, negotiate, authenticate
}

void TestAuthApply::ntlmWrongPasswordGivesUpAfterOneTry()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    NtlmServer ntlm {QStringLiteral("ada"), QStringLiteral("EXAMPLE"), QStringLiteral("right")};
    ntlm.install(server);
    Request request;
    request.url = server.url(QStringLiteral("/intranet")).toString();
    request.auth.type = AuthConfig::Type::Ntlm;
    request.auth.ntlm = {QStringLiteral("ada"), QStringLiteral("wrong"), QStringLiteral("EXAMPLE")};
    const Exchange exchange = run(request);
    QCOMPARE(exchange.error.kind, TransportError::Kind::Authentication);
    QCOMPARE(exchange.error.message,
        QStringLiteral("The server rejected the NTLM credentials of “ada” (401 Unauthorized)."));
    QCOMPARE(ntlm.rejected, 1);
    QCOMPARE(ntlm.accepted, 0);
    QCOMPARE(exchange.response ? exchange.response->statusCode : 0, 401);
}

void TestAuthApply::sigV4SignsWhatIsSent_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("sessionToken");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("execute-api GET") << QStringLiteral("execute-api") << QString() << QStringLiteral("GET")
                                     << QStringLiteral("/stage/items?b=2&a=1&a=0") << QByteArray();
    QTest::newRow("path with escapes") << QStringLiteral("execute-api") << QString() << QStringLiteral("GET")
                                       << QStringLiteral("/stage/a%20b/%C3%A9") << QByteArray();
    QTest::newRow("POST with a session token")
        << QStringLiteral("sqs") << QStringLiteral("FQoGZXIvYXdzE//token") << QStringLiteral("POST")
        << QStringLiteral("/") << QByteArray("Action=ListQueues&Version=2012-11-05");
    QTest::newRow("s3 PUT") << QStringLiteral("s3") << QString() << QStringLiteral("PUT")
                            << QStringLiteral("/bucket/photos/a b.jpg") << QByteArray("not really a jpeg");
}

void TestAuthApply::sigV4SignsWhatIsSent()
{
    QFETCH(QString, service);
    QFETCH(QString, sessionToken);
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    ScriptedServer server;
    QVERIFY(server.listen());
    Request request;
    request.method = method;
    request.url = server.url(path).toString();
    if (!body.isEmpty())
        request.body = Body {Body::Kind::Raw, QStringLiteral("application/x-www-form-urlencoded"), body};
    request.auth = awsAuth(service, sessionToken);
    const Exchange exchange = run(request);
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));

    // The server's view: re-sign what it received with the date the request carries.
    const QByteArray head = server.lastRequestHead();
    const QByteArray authorization = field(head, "Authorization");
    const QByteArray date = field(head, "X-Amz-Date");
    const QByteArray expectedStart = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/" + date.left(8) + "/eu-west-1/"
        + service.toLatin1() + "/aws4_request, SignedHeaders=";
    QVERIFY2(authorization.startsWith(expectedStart), authorization.constData());
    const QDateTime signedAt
        = QDateTime::fromString(QString::fromLatin1(date), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    QVERIFY(signedAt.isValid());
    const QByteArray signedNames
        = authorization.mid(authorization.indexOf("SignedHeaders=") + 14).split(',').first();
    QByteArray expectedNames = body.isEmpty() ? "host;x-amz-date" : "content-type;host;x-amz-date";
    if (service == u"s3")
        expectedNames += ";x-amz-content-sha256";
    if (!sessionToken.isEmpty())
        expectedNames += ";x-amz-security-token";
    QList<QByteArray> expectedList = expectedNames.split(';');
    std::sort(expectedList.begin(), expectedList.end());
    QCOMPARE(signedNames, expectedList.join(';'));

    SigV4::Input received;
    received.method = requestMethod(head);
    const QByteArray target = requestTarget(head);
    const qsizetype question = target.indexOf('?');
    const QByteArray receivedPath = question < 0 ? target : target.left(question);
    const bool s3 = service == u"s3";
    received.path = s3 ? QByteArray::fromPercentEncoding(receivedPath) : receivedPath;
    received.normalizePath = !s3;
    received.query = question < 0 ? QByteArray() : target.mid(question + 1);
    for (const QByteArray &name : signedNames.split(';'))
        received.headers.append({name, field(head, name)});
    received.payloadHash = SigV4::hexSha256(server.lastRequestBody());
    if (s3)
        QCOMPARE(field(head, "X-Amz-Content-Sha256"), received.payloadHash);
    if (!sessionToken.isEmpty())
        QCOMPARE(field(head, "X-Amz-Security-Token"), sessionToken.toLatin1());
    const SigV4::Signature expected = SigV4::sign(received, awsAuth(service).aws, signedAt.toUTC());
    QCOMPARE(authorization, expected.authorization);
    QCOMPARE(sentHeader(exchange, "Authorization"), authorization);
    QCOMPARE(sentHeader(exchange, "X-Amz-Date"), date);
}

void TestAuthApply::sigV4HashesAFileBody()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    QByteArray content;
    for (int i = 0; i < 300000; ++i)
        content += char('a' + i % 26);
    QCOMPARE(file.write(content), content.size());
    file.flush();
    ScriptedServer server;
    QVERIFY(server.listen());
    Request request;
    request.method = QStringLiteral("PUT");
    request.url = server.url(QStringLiteral("/bucket/big.txt")).toString();
    request.body.kind = Body::Kind::Binary;
    request.body.filePath = file.fileName();
    request.body.contentType = QStringLiteral("text/plain");
    request.auth = awsAuth(QStringLiteral("s3"));
    const Exchange exchange = run(request);
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QCOMPARE(server.lastRequestBody(), content);
    QCOMPARE(field(server.lastRequestHead(), "X-Amz-Content-Sha256"), SigV4::hexSha256(content));
    QVERIFY(field(server.lastRequestHead(), "Authorization").startsWith("AWS4-HMAC-SHA256 "));
}

QTEST_GUILESS_MAIN(TestAuthApply)
#include "tst_authapply.moc"
