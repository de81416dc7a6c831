// sonde-cli send with curl's client certificate options against a loopback server that requires a
// certificate of the test CA (tests/data/tls).
#include "CliRunner.h"
#include "ScriptedServer.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using Sonde::CliResult;

namespace {

QString tlsFile(const QString &name)
{
    return QStringLiteral(SONDE_TEST_DATA_DIR "/tls/") + name;
}

QByteArray readAll(const QString &name)
{
    QFile file(tlsFile(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCliCert : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sendWithCertificate_data();
    void sendWithCertificate();
    void jsonNamesCertificate();
};

void TestCliCert::sendWithCertificate_data()
{
    // "@name" stands for tests/data/tls/name.
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("output"); // stdout on success, a part of stderr otherwise
    QTest::newRow("no certificate") << QStringList {} << 3 << u"If it requires a client certificate"_s;
    QTest::newRow("PEM and key") << QStringList {u"--cert"_s, u"@client.pem"_s, u"--key"_s, u"@client.key"_s}
                                 << 0 << u"Sonde Test Client"_s;
    QTest::newRow("-E, combined PEM")
        << QStringList {u"-E"_s, u"@client-combined.pem"_s} << 0 << u"Sonde Test Client"_s;
    QTest::newRow("EC key") << QStringList {u"--cert"_s, u"@client-ec.pem"_s, u"--key"_s, u"@client-ec.key"_s}
                            << 0 << u"Sonde Test EC Client"_s;
    QTest::newRow("encrypted key, --pass") << QStringList {u"--cert"_s, u"@client.pem"_s, u"--key"_s,
        u"@client-encrypted.key"_s, u"--pass"_s, u"client-pass"_s}
                                           << 0 << u"Sonde Test Client"_s;
    QTest::newRow("encrypted key, wrong --pass") << QStringList {u"--cert"_s, u"@client.pem"_s, u"--key"_s,
        u"@client-encrypted.key"_s, u"--pass"_s, u"nope"_s}
                                                 << 2 << u"The passphrase of the private key"_s;
    QTest::newRow("encrypted key, password after the colon")
        << QStringList {u"--cert"_s, u"@client.pem:client-pass"_s, u"--key"_s, u"@client-encrypted.key"_s}
        << 0 << u"Sonde Test Client"_s;
    QTest::newRow("P12, password after the colon") << QStringList {u"--cert"_s, u"@client.p12:p12-pass"_s,
        u"--cert-type"_s, u"P12"_s} << 0 << u"Sonde Test Client"_s;
    QTest::newRow("P12 by its extension") << QStringList {u"--cert"_s, u"@client.p12"_s, u"--pass"_s,
        u"p12-pass"_s} << 0 << u"Sonde Test Client"_s;
    QTest::newRow("P12, wrong password")
        << QStringList {u"--cert"_s, u"@client.p12:wrong"_s} << 2 << u"The password of the PKCS#12 file"_s;
    QTest::newRow("key of another certificate") << QStringList {u"--cert"_s, u"@client.pem"_s, u"--key"_s,
        u"@other.key"_s} << 2 << u"does not belong"_s;
    QTest::newRow("missing file") << QStringList {u"--cert"_s, u"@missing.pem"_s} << 2 << u"does not exist"_s;
    QTest::newRow("untrusted certificate") << QStringList {u"--cert"_s, u"@untrusted.pem"_s, u"--key"_s,
        u"@other.key"_s} << 3 << u"rejected the client certificate “CN=Untrusted Client”"_s;
    QTest::newRow("--key alone") << QStringList {u"--key"_s, u"@client.key"_s} << 2
                                 << u"--key goes with --cert"_s;
    QTest::newRow("unknown --cert-type") << QStringList {u"--cert"_s, u"@client.pem"_s, u"--cert-type"_s,
        u"ENG"_s} << 2 << u"--cert-type ENG"_s;
}

void TestCliCert::sendWithCertificate()
{
    QFETCH(QStringList, options);
    QFETCH(int, exitCode);
    QFETCH(QString, output);
    Sonde::TestCertificate certificate;
    certificate.cert = QSslCertificate(readAll(u"server.pem"_s), QSsl::Pem);
    certificate.key = QSslKey(readAll(u"server.key"_s), QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
    QVERIFY(!certificate.cert.isNull() && !certificate.key.isNull());
    Sonde::TlsScriptedServer server(certificate, {QSslCertificate(readAll(u"ca.pem"_s), QSsl::Pem)});
    QVERIFY(server.listen());
    server.setHandler([](QTcpSocket *socket, const QByteArray &, const QByteArray &) {
        const auto *tls = qobject_cast<QSslSocket *>(socket);
        socket->write(
            Sonde::ScriptedServer::response(200, tls->peerCertificate().subjectDisplayName().toUtf8()));
    });
    for (QString &option : options) {
        if (option.startsWith(u'@'))
            option = tlsFile(option.mid(1));
    }
    const CliResult result = Sonde::runProgram(QStringLiteral(SONDE_CLI),
        QStringList {
            u"send"_s, server.url(u"/"_s).toString(), u"--cacert"_s, tlsFile(u"ca.pem"_s), u"--no-history"_s}
            + options);
    QVERIFY(!result.crashed && !result.timedOut);
    QVERIFY2(result.exitCode == exitCode, result.err.constData());
    if (exitCode == 0) {
        QVERIFY2(QString::fromUtf8(result.out).endsWith(output), result.out.constData());
        QVERIFY2(
            QString::fromUtf8(result.err).contains(QString(u"presented the client certificate CN=" + output)),
            result.err.constData());
    } else {
        QVERIFY2(QString::fromUtf8(result.err).contains(output), result.err.constData());
    }
}

void TestCliCert::jsonNamesCertificate()
{
    Sonde::TestCertificate certificate;
    certificate.cert = QSslCertificate(readAll(u"server.pem"_s), QSsl::Pem);
    certificate.key = QSslKey(readAll(u"server.key"_s), QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
    Sonde::TlsScriptedServer server(certificate, {QSslCertificate(readAll(u"ca.pem"_s), QSsl::Pem)});
    QVERIFY(server.listen());
    const CliResult result = Sonde::runProgram(QStringLiteral(SONDE_CLI),
        {u"send"_s, server.url(u"/"_s).toString(), u"--cacert"_s, tlsFile(u"ca.pem"_s), u"--no-history"_s,
            u"--json"_s, u"-E"_s, tlsFile(u"client.p12"_s) + u":p12-pass"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject tls = QJsonDocument::fromJson(result.out).object().value(u"tls"_s).toObject();
    QVERIFY2(tls.value(u"clientCertificate"_s).toString().startsWith(u"CN=Sonde Test Client"),
        result.out.constData());
    QCOMPARE(tls.value(u"clientCertificateHost"_s).toString(), u"*"_s);
}

QTEST_MAIN(TestCliCert)
#include "tst_clicert.moc"
