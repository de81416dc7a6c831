#include "auth/SigV4.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <QTimeZone>

using namespace Sonde;

namespace {

QString vectorsDir()
{
    return QStringLiteral(SONDE_TEST_DATA_DIR "/sigv4");
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

/// A request of the suite's NAME.req: request line, header lines (a line starting with white space
/// continues the header above as another value), then the body after an empty line.
SigV4::Input parseRequest(const QByteArray &text)
{
    SigV4::Input input;
    const qsizetype blank = text.indexOf("\n\n");
    const QByteArray head = blank < 0 ? text : text.left(blank);
    const QByteArray body = blank < 0 ? QByteArray() : text.mid(blank + 2);
    const QList<QByteArray> lines = head.split('\n');
    const QByteArray requestLine = lines.constFirst();
    const qsizetype firstSpace = requestLine.indexOf(' ');
    const qsizetype lastSpace = requestLine.lastIndexOf(' ');
    input.method = requestLine.left(firstSpace);
    const QByteArray target = requestLine.mid(firstSpace + 1, lastSpace - firstSpace - 1);
    const qsizetype question = target.indexOf('?');
    input.path = question < 0 ? target : target.left(question);
    input.query = question < 0 ? QByteArray() : target.mid(question + 1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if ((line.startsWith(' ') || line.startsWith('\t')) && !input.headers.isEmpty()) {
            input.headers.append({input.headers.constLast().first, line.trimmed()});
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        input.headers.append({line.left(colon), line.mid(colon + 1)});
    }
    input.payloadHash = SigV4::hexSha256(body);
    return input;
}

AwsSigV4 exampleCredentials(const QString &scope)
{
    AwsSigV4 credentials;
    credentials.accessKey = QStringLiteral("AKIDEXAMPLE");
    credentials.secretKey = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    const QStringList parts = scope.trimmed().split(u'/', Qt::SkipEmptyParts);
    credentials.region = parts.value(0, QStringLiteral("us-east-1"));
    credentials.service = parts.value(1, QStringLiteral("service"));
    return credentials;
}

const QDateTime exampleTime = QDateTime(QDate(2015, 8, 30), QTime(12, 36), QTimeZone::utc());

} // namespace

class TestSigV4 : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void suite_data();
    void suite();
    void signingKeyOfTheDocumentation();
    void uriEncoding_data();
    void uriEncoding();
    void canonicalUri_data();
    void canonicalUri();
    void amzDate();
};

void TestSigV4::suite_data()
{
    QTest::addColumn<QString>("name");
    const QStringList names = QDir(vectorsDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY2(names.size() >= 30, qPrintable(QStringLiteral("test vectors missing in %1").arg(vectorsDir())));
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << name;
}

void TestSigV4::suite()
{
    QFETCH(QString, name);
    const QString base = vectorsDir() + u'/' + name + u'/' + name;
    const QByteArray request = readFile(base + QStringLiteral(".req"));
    QVERIFY(!request.isEmpty());
    const AwsSigV4 credentials
        = exampleCredentials(QString::fromUtf8(readFile(base + QStringLiteral(".scope"))));

    const SigV4::Signature signature = SigV4::sign(parseRequest(request), credentials, exampleTime);
    QCOMPARE(signature.canonicalRequest, readFile(base + QStringLiteral(".creq")));
    QCOMPARE(signature.stringToSign, readFile(base + QStringLiteral(".sts")));
    QCOMPARE(signature.authorization, readFile(base + QStringLiteral(".authz")));
}

void TestSigV4::signingKeyOfTheDocumentation()
{
    // AWS's documentation derives this key for the example secret, 20150830, us-east-1, iam.
    const QByteArray key = SigV4::signingKey(QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        "20150830", QStringLiteral("us-east-1"), QStringLiteral("iam"));
    QCOMPARE(key.toHex(), QByteArray("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9"));
}

void TestSigV4::uriEncoding_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("keepSlash");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("unreserved") << QByteArray("AZaz09-._~") << false << QByteArray("AZaz09-._~");
    QTest::newRow("space is %20, never +") << QByteArray("a b+c") << false << QByteArray("a%20b%2Bc");
    QTest::newRow("slash kept in paths") << QByteArray("/a/b") << true << QByteArray("/a/b");
    QTest::newRow("slash encoded elsewhere") << QByteArray("a/b") << false << QByteArray("a%2Fb");
    QTest::newRow("utf-8 in upper-case hex")
        << QByteArray("\xe1\x88\xb4") << false << QByteArray("%E1%88%B4");
    QTest::newRow("percent itself") << QByteArray("%20") << false << QByteArray("%2520");
}

void TestSigV4::uriEncoding()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, keepSlash);
    QFETCH(QByteArray, expected);
    QCOMPARE(SigV4::uriEncode(input, keepSlash), expected);
}

void TestSigV4::canonicalUri_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<bool>("normalize");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("empty") << QByteArray() << true << QByteArray("/");
    QTest::newRow("dot segments") << QByteArray("/a/./b/../c") << true << QByteArray("/a/c");
    QTest::newRow("above the root") << QByteArray("/../a") << true << QByteArray("/a");
    // S3 keys may hold "//" and "..": they are signed as they are.
    QTest::newRow("s3 keeps the path")
        << QByteArray("/bucket//a/../b") << false << QByteArray("/bucket//a/../b");
    // The engine passes a non-S3 path as sent: its escapes are encoded again (AWS's double encoding).
    QTest::newRow("sent path encoded again") << QByteArray("/a%20b") << true << QByteArray("/a%2520b");
}

void TestSigV4::canonicalUri()
{
    QFETCH(QByteArray, path);
    QFETCH(bool, normalize);
    QFETCH(QByteArray, expected);
    QCOMPARE(SigV4::canonicalUri(path, normalize), expected);
}

void TestSigV4::amzDate()
{
    QCOMPARE(SigV4::amzDate(exampleTime), QByteArray("20150830T123600Z"));
    const QDateTime local = exampleTime.toOffsetFromUtc(2 * 3600);
    QCOMPARE(SigV4::amzDate(local), QByteArray("20150830T123600Z"));
}

QTEST_GUILESS_MAIN(TestSigV4)
#include "tst_sigv4.moc"
