// Client certificates for mutual TLS: host patterns, reading PEM and PKCS#12 files with their errors in
// words, and requests to a loopback server that requires a certificate from the test CA
// (tests/data/tls, made by make-certs.sh).
#include "ScriptedServer.h"
#include "http/ClientCertificate.h"
#include "http/HttpEngine.h"
#include "http/Transfer.h"
#include "model/ExchangeJson.h"

#include <QFile>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>

using namespace Sonde;

Q_DECLARE_METATYPE(Sonde::ClientCertificate)
Q_DECLARE_METATYPE(QList<Sonde::ClientCertificate>)

namespace {

QString tlsFile(const QString &name)
{
    return QStringLiteral(SONDE_TEST_DATA_DIR "/tls/") + name;
}

ClientCertificate pem(
    const QString &host, const QString &cert, const QString &key, const QString &passphrase = {})
{
    return {host, ClientCertificate::Format::Pem, cert.isEmpty() ? QString() : tlsFile(cert),
        key.isEmpty() ? QString() : tlsFile(key), passphrase};
}

ClientCertificate p12(const QString &host, const QString &password)
{
    return {host, ClientCertificate::Format::Pkcs12, tlsFile(QStringLiteral("client.p12")), {}, password};
}

QSslCertificate readCertificate(const QString &name)
{
    QFile file(tlsFile(name));
    if (!file.open(QIODevice::ReadOnly))
        return QSslCertificate();
    return QSslCertificate(file.readAll(), QSsl::Pem);
}

std::optional<TestCertificate> serverCertificate()
{
    QFile key(tlsFile(QStringLiteral("server.key")));
    if (!key.open(QIODevice::ReadOnly))
        return std::nullopt;
    TestCertificate certificate;
    certificate.cert = readCertificate(QStringLiteral("server.pem"));
    certificate.key = QSslKey(key.readAll(), QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
    if (certificate.cert.isNull() || certificate.key.isNull())
        return std::nullopt;
    return certificate;
}

} // namespace

class TestClientCertificate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostMatches_data();
    void hostMatches();
    void patternProblem_data();
    void patternProblem();
    void load_data();
    void load();
    void mutualTls_data();
    void mutualTls();
    void certificateFollowsSettings();

private:
    Exchange run(HttpEngine &engine, const Request &request);
};

void TestClientCertificate::hostMatches_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("matches");
    QTest::newRow("exact") << "api.example.com"
                           << "https://api.example.com/x" << true;
    QTest::newRow("exact, case") << "API.Example.com"
                                 << "https://api.example.COM/" << true;
    QTest::newRow("exact, any port") << "api.example.com"
                                     << "https://api.example.com:8443/" << true;
    QTest::newRow("other host") << "api.example.com"
                                << "https://www.example.com/" << false;
    QTest::newRow("suffix is not a match") << "example.com"
                                           << "https://api.example.com/" << false;
    QTest::newRow("port, same") << "api.example.com:8443"
                                << "https://api.example.com:8443/" << true;
    QTest::newRow("port, other") << "api.example.com:8443"
                                 << "https://api.example.com:9443/" << false;
    QTest::newRow("port 443, implied") << "api.example.com:443"
                                       << "https://api.example.com/" << true;
    QTest::newRow("wildcard, subdomain") << "*.example.com"
                                         << "https://api.example.com/" << true;
    QTest::newRow("wildcard, deeper") << "*.example.com"
                                      << "https://a.b.example.com/" << true;
    QTest::newRow("wildcard, not the domain") << "*.example.com"
                                              << "https://example.com/" << false;
    QTest::newRow("wildcard, not a lookalike") << "*.example.com"
                                               << "https://api.badexample.com/" << false;
    QTest::newRow("wildcard with port") << "*.example.com:8443"
                                        << "https://api.example.com:8443/" << true;
    QTest::newRow("wildcard with other port") << "*.example.com:8443"
                                              << "https://api.example.com/" << false;
    QTest::newRow("every host") << "*"
                                << "https://anything.test:1234/" << true;
    QTest::newRow("https:// prefix") << "https://api.example.com"
                                     << "https://api.example.com/" << true;
    QTest::newRow("IPv4") << "127.0.0.1:8443"
                          << "https://127.0.0.1:8443/" << true;
    QTest::newRow("IPv6") << "[::1]:8443"
                          << "https://[::1]:8443/" << true;
    QTest::newRow("invalid pattern") << "api.example.com:x"
                                     << "https://api.example.com/" << false;
}

void TestClientCertificate::hostMatches()
{
    QFETCH(QString, pattern);
    QFETCH(QString, url);
    QFETCH(bool, matches);
    QCOMPARE(ClientCertificate::hostMatches(pattern, QUrl(url)), matches);
}

void TestClientCertificate::patternProblem_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("problem"); // a part of it; empty: valid
    QTest::newRow("host") << "api.example.com"
                          << "";
    QTest::newRow("host and port") << "api.example.com:8443"
                                   << "";
    QTest::newRow("wildcard") << "*.example.com"
                              << "";
    QTest::newRow("every host") << "*"
                                << "";
    QTest::newRow("empty") << "  "
                           << "Give the host";
    QTest::newRow("bad port") << "api.example.com:99999"
                              << "is no port";
    QTest::newRow("wildcard inside") << "api.*.com"
                                     << "wildcard";
    QTest::newRow("a URL") << "api.example.com/path?q"
                           << "not a URL";
    QTest::newRow("port only") << ":8443"
                               << "no host";
}

void TestClientCertificate::patternProblem()
{
    QFETCH(QString, pattern);
    QFETCH(QString, problem);
    const QString found = ClientCertificate::patternProblem(pattern);
    if (problem.isEmpty())
        QVERIFY2(found.isEmpty(), qPrintable(found));
    else
        QVERIFY2(found.contains(problem), qPrintable(found));
}

void TestClientCertificate::load_data()
{
    QTest::addColumn<ClientCertificate>("entry");
    QTest::addColumn<QString>("error"); // a part of it; empty: loads
    QTest::addColumn<QString>("subject");
    const QString client = QStringLiteral("CN=Sonde Test Client");
    const QString h = QStringLiteral("127.0.0.1");
    QTest::newRow("PEM") << pem(h, "client.pem", "client.key") << "" << client;
    QTest::newRow("PEM, combined file") << pem(h, "client-combined.pem", {}) << "" << client;
    QTest::newRow("PEM, EC key") << pem(h, "client-ec.pem", "client-ec.key") << ""
                                 << "CN=Sonde Test EC Client";
    QTest::newRow("PEM, encrypted key")
        << pem(h, "client.pem", "client-encrypted.key", "client-pass") << "" << client;
    QTest::newRow("PEM, wrong passphrase")
        << pem(h, "client.pem", "client-encrypted.key", "nope") << "passphrase of the private key"
        << "";
    QTest::newRow("PEM, no passphrase")
        << pem(h, "client.pem", "client-encrypted.key") << "is encrypted: give its passphrase"
        << "";
    QTest::newRow("PEM, key of another certificate") << pem(h, "client.pem", "other.key") << "does not belong"
                                                     << "";
    QTest::newRow("PEM, no key") << pem(h, "client.pem", {}) << "holds no private key"
                                 << "";
    QTest::newRow("PEM, missing certificate") << pem(h, "missing.pem", "client.key") << "does not exist"
                                              << "";
    QTest::newRow("PEM, missing key") << pem(h, "client.pem", "missing.key") << "does not exist"
                                      << "";
    QTest::newRow("PEM, not a certificate") << pem(h, "make-certs.sh", "client.key") << "holds no certificate"
                                            << "";
    QTest::newRow("PKCS#12") << p12(h, QStringLiteral("p12-pass")) << "" << client;
    QTest::newRow("PKCS#12, wrong password")
        << p12(h, QStringLiteral("nope")) << "password of the PKCS#12 file"
        << "";
    QTest::newRow("PKCS#12, no password") << p12(h, {}) << "give its password"
                                          << "";
    QTest::newRow("PKCS#12, not one") << ClientCertificate {h, ClientCertificate::Format::Pkcs12,
        tlsFile(QStringLiteral("client.pem")), {}, {}}
                                      << "is no PKCS#12"
                                      << "";
}

void TestClientCertificate::load()
{
    QFETCH(ClientCertificate, entry);
    QFETCH(QString, error);
    QFETCH(QString, subject);
    const ClientIdentityResult result = loadClientIdentity(entry);
    if (!error.isEmpty()) {
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(error), qPrintable(result.error));
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(result.identity->subject().startsWith(subject));
    QVERIFY(!result.identity->key.isNull());
    if (entry.format == ClientCertificate::Format::Pkcs12) // the CA came along
        QVERIFY(result.identity->chain.contains(readCertificate(QStringLiteral("ca.pem"))));
}

Exchange TestClientCertificate::run(HttpEngine &engine, const Request &request)
{
    Transfer *transfer = engine.send(request, this);
    QSignalSpy finished(transfer, &Transfer::finished);
    if (finished.isEmpty())
        finished.wait(60000);
    transfer->deleteLater();
    if (finished.size() != 1)
        return {};
    return finished.takeFirst().at(0).value<Exchange>();
}

void TestClientCertificate::mutualTls_data()
{
    // "%port" in a host pattern stands for the server's port.
    QTest::addColumn<QList<ClientCertificate>>("entries");
    QTest::addColumn<QString>("seen"); // the client subject the server saw; empty: no response
    QTest::addColumn<QString>("error"); // a part of the error; empty: none
    const QString client = QStringLiteral("Sonde Test Client");
    const QString h = QStringLiteral("127.0.0.1");
    using List = QList<ClientCertificate>;
    QTest::newRow("no certificate") << List {} << ""
                                    << "If it requires a client certificate";
    QTest::newRow("PEM") << List {pem(h, "client.pem", "client.key")} << client << "";
    QTest::newRow("PEM, EC") << List {pem(h, "client-ec.pem", "client-ec.key")} << "Sonde Test EC Client"
                             << "";
    QTest::newRow("encrypted PEM, right passphrase")
        << List {pem(h, "client.pem", "client-encrypted.key", "client-pass")} << client << "";
    QTest::newRow("encrypted PEM, wrong passphrase")
        << List {pem(h, "client.pem", "client-encrypted.key", "wrong")} << ""
        << "The client certificate for “127.0.0.1” could not be used: The passphrase of the private key";
    QTest::newRow("PKCS#12, right password") << List {p12(h, QStringLiteral("p12-pass"))} << client << "";
    QTest::newRow("PKCS#12, wrong password") << List {p12(h, QStringLiteral("wrong"))} << ""
                                             << "The password of the PKCS#12 file";
    QTest::newRow("untrusted certificate") << List {pem(h, "untrusted.pem", "other.key")} << ""
                                           << "rejected the client certificate “CN=Untrusted Client”";
    QTest::newRow("host and port") << List {pem(QStringLiteral("127.0.0.1:%port"), "client.pem",
        "client.key")} << client << "";
    QTest::newRow("host, other port")
        << List {pem(QStringLiteral("127.0.0.1:1"), "client.pem", "client.key")} << ""
        << "If it requires a client certificate";
    QTest::newRow("every host") << List {pem(QStringLiteral("*"), "client.pem", "client.key")} << client
                                << "";
    QTest::newRow("wildcard") << List {pem(QStringLiteral("*.0.0.1"), "client.pem", "client.key")} << client
                              << "";
    QTest::newRow("other host gets no certificate")
        << List {pem(QStringLiteral("api.example.com"), "client.pem", "client.key")} << ""
        << "If it requires a client certificate";
    QTest::newRow("first match wins")
        << List {pem(QStringLiteral("127.0.0.1:%port"), "client-ec.pem", "client-ec.key"),
               pem(h, "client.pem", "client.key")}
        << "Sonde Test EC Client"
        << "";
}

void TestClientCertificate::mutualTls()
{
    QFETCH(QList<ClientCertificate>, entries);
    QFETCH(QString, seen);
    QFETCH(QString, error);
    const std::optional<TestCertificate> certificate = serverCertificate();
    QVERIFY(certificate);
    const QSslCertificate ca = readCertificate(QStringLiteral("ca.pem"));
    TlsScriptedServer server(*certificate, {ca});
    QVERIFY(server.listen());
    server.setHandler([](QTcpSocket *socket, const QByteArray &, const QByteArray &) {
        const auto *tls = qobject_cast<QSslSocket *>(socket);
        const QStringList names
            = tls ? tls->peerCertificate().subjectInfo(QSslCertificate::CommonName) : QStringList();
        socket->write(ScriptedServer::response(200, names.join(u',').toUtf8()));
    });
    for (ClientCertificate &entry : entries)
        entry.host.replace(QStringLiteral("%port"), QString::number(server.port()));

    QNetworkAccessManager network;
    HttpEngine engine(&network);
    engine.setExtraCaCertificates({ca});
    engine.setClientCertificates(entries);
    Request request;
    request.url = server.url(QStringLiteral("/whoami")).toString();
    const Exchange exchange = run(engine, request);
    if (!error.isEmpty()) {
        QVERIFY(exchange.error.isError());
        QVERIFY2(exchange.error.message.contains(error), qPrintable(exchange.error.message));
        QVERIFY(!exchange.hasResponse());
        return;
    }
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QCOMPARE(exchange.response->statusCode, 200);
    QCOMPARE(QString::fromUtf8(exchange.body.bytes()), seen);
    // What was presented is on record, for the timeline and the JSON of sonde-cli.
    QVERIFY2(
        exchange.tls.clientCertificate.contains(QString(u"CN=" + seen)), qPrintable(exchange.tls.clientCertificate));
    QCOMPARE(exchange.tls.clientCertificatePattern, entries.constFirst().host);
    const QJsonObject tls = ExchangeJson::toJson(exchange).value(QStringLiteral("tls")).toObject();
    QCOMPARE(tls.value(QStringLiteral("clientCertificate")).toString(), exchange.tls.clientCertificate);
}

void TestClientCertificate::certificateFollowsSettings()
{
    // A kept-alive connection made with one certificate is not reused once the certificates change.
    const std::optional<TestCertificate> certificate = serverCertificate();
    QVERIFY(certificate);
    const QSslCertificate ca = readCertificate(QStringLiteral("ca.pem"));
    TlsScriptedServer server(*certificate, {ca});
    QVERIFY(server.listen());
    server.setHandler([](QTcpSocket *socket, const QByteArray &, const QByteArray &) {
        const auto *tls = qobject_cast<QSslSocket *>(socket);
        socket->write(ScriptedServer::response(200, tls->peerCertificate().subjectDisplayName().toUtf8()));
    });
    QNetworkAccessManager network;
    HttpEngine engine(&network);
    engine.setExtraCaCertificates({ca});
    engine.setClientCertificates({pem(QStringLiteral("127.0.0.1"), "client.pem", "client.key")});
    Request request;
    request.url = server.url(QStringLiteral("/")).toString();
    QCOMPARE(run(engine, request).body.bytes(), QByteArray("Sonde Test Client"));
    engine.setClientCertificates({pem(QStringLiteral("127.0.0.1"), "client-ec.pem", "client-ec.key")});
    QCOMPARE(run(engine, request).body.bytes(), QByteArray("Sonde Test EC Client"));
    QCOMPARE(server.connectionCount(), 2);
    QVERIFY(engine.clientCertificateProblems().isEmpty());
    engine.setClientCertificates({pem(QStringLiteral("127.0.0.1"), "client.pem", "missing.key")});
    QCOMPARE(engine.clientCertificateProblems().size(), 1);
    QVERIFY(engine.clientCertificateProblems().constFirst().contains(u"missing.key"));
}

QTEST_MAIN(TestClientCertificate)
#include "tst_clientcertificate.moc"
