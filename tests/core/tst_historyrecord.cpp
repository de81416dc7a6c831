#include "HistoryTestSupport.h"
#include "history/Redaction.h"

#include <QTemporaryFile>
#include <QTest>

using namespace Sonde;
using namespace HistoryTest;

// toHistoryRecord(): what of an exchange history keeps — redacted, bodies capped.
class TestHistoryRecord : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void redactsCredentialHeaders_data();
    void redactsCredentialHeaders();
    void redactsSecretValues();
    void ignoresEmptySecrets();
    void scrubsCredentialsEverywhere();
    void capsBodies();
    void recordsTransportErrors();
    void textualContentTypes_data();
    void textualContentTypes();
};

void TestHistoryRecord::redactsCredentialHeaders_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("bearer") << QByteArray("Authorization") << QByteArray("Bearer eyJhbGci.x.y")
                            << QByteArray("Bearer [redacted]");
    QTest::newRow("no scheme") << QByteArray("authorization") << QByteArray("abc123")
                               << QByteArray("[redacted]");
    QTest::newRow("proxy") << QByteArray("Proxy-Authorization") << QByteArray("Basic dXNlcjpwdw==")
                           << QByteArray("Basic [redacted]");
    QTest::newRow("cookie") << QByteArray("Cookie") << QByteArray("sid=abc; theme=dark")
                            << QByteArray("sid=[redacted]; theme=[redacted]");
    QTest::newRow("set-cookie") << QByteArray("Set-Cookie") << QByteArray("sid=abc; Path=/; HttpOnly")
                                << QByteArray("sid=[redacted]; Path=/; HttpOnly");
    QTest::newRow("other") << QByteArray("X-Api-Version") << QByteArray("3") << QByteArray("3");
}

void TestHistoryRecord::redactsCredentialHeaders()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, expected);
    Exchange sent = exchange(QStringLiteral("GET"), QStringLiteral("https://a.test/"), 200);
    addHeader(sent, name, value);
    sent.response->headers.append({name, value});
    const HistoryRecord redacted = record(sent);
    QCOMPARE(headerValue(redacted.requestHeaders, name), expected);
    QCOMPARE(headerValue(redacted.responseHeaders, name), expected);
    QCOMPARE(redacted.request->headers.constLast().value.toUtf8(), expected);
    // Unless the user chose to keep secrets.
    const HistoryRecord kept = record(sent, {}, {RecordOptions::DefaultBodyCap, true});
    QCOMPARE(headerValue(kept.requestHeaders, name), value);
    QCOMPARE(headerValue(kept.responseHeaders, name), value);
}

void TestHistoryRecord::redactsSecretValues()
{
    const QString secret = QStringLiteral("p@ss word/9");
    Exchange sent = exchange(QStringLiteral("POST"),
        QStringLiteral("https://user:hunter2@a.test/login?key=p%40ss%20word%2F9&x=1"), 401,
        R"({"echo":"p@ss word/9","escaped":"p@ss word\/9"})");
    addHeader(sent, "X-Key", "p@ss word/9");
    setRequestBody(
        sent, "password=p@ss word/9&user=ada", QStringLiteral("application/x-www-form-urlencoded"));
    sent.error.message = QStringLiteral("refused for p@ss word/9");
    sent.error.kind = TransportError::Kind::Other;
    const HistoryRecord redacted = record(sent, {{}, {}, {secret, QString()}});
    QCOMPARE(redacted.entry.url, QStringLiteral("https://user:[redacted]@a.test/login?key=[redacted]&x=1"));
    QCOMPARE(headerValue(redacted.requestHeaders, "X-Key"), QByteArray("[redacted]"));
    QCOMPARE(redacted.request->headers.constLast().value, QStringLiteral("[redacted]"));
    QCOMPARE(redacted.request->url, redacted.entry.url);
    QCOMPARE(redacted.requestBody.data, QByteArray("password=[redacted]&user=ada"));
    QCOMPARE(redacted.responseBody.data, QByteArray(R"({"echo":"[redacted]","escaped":"[redacted]"})"));
    QCOMPARE(redacted.entry.errorMessage, QStringLiteral("refused for [redacted]"));
    const HistoryRecord kept = record(sent, {{}, {}, {secret}}, {RecordOptions::DefaultBodyCap, true});
    QVERIFY(kept.requestBody.data.contains("p@ss word/9"));
    QVERIFY(kept.entry.url.contains(QStringLiteral("hunter2")));
}

void TestHistoryRecord::capsBodies()
{
    const QByteArray big = QByteArray(3 * 1024 * 1024, 'b');
    Exchange sent
        = exchange(QStringLiteral("GET"), QStringLiteral("https://a.test/big"), 200, big, "text/plain");
    const HistoryRecord capped = record(sent);
    QCOMPARE(capped.responseBody.data.size(), RecordOptions::DefaultBodyCap);
    QVERIFY(capped.responseBody.truncated);
    QCOMPARE(capped.responseBody.size, big.size());
    QCOMPARE(capped.entry.responseSize, big.size());

    // A body that fits is whole; a smaller cap (a setting) cuts it.
    const QByteArray small(1000, 's');
    Exchange fits
        = exchange(QStringLiteral("GET"), QStringLiteral("https://a.test/s"), 200, small, "text/plain");
    QVERIFY(!record(fits).responseBody.truncated);
    const HistoryRecord cut = record(fits, {}, {100, false});
    QCOMPARE(cut.responseBody.data, small.left(100));
    QVERIFY(cut.responseBody.truncated);

    // A secret across the cut is still scrubbed: no part of it is left before the cut.
    const QString secret = QStringLiteral("ACROSSCUT");
    Exchange across = exchange(QStringLiteral("GET"), QStringLiteral("https://a.test/x"), 200,
        QByteArray(96, '.') + secret.toUtf8() + QByteArray(100, '.'), "text/plain");
    const HistoryRecord scrubbed = record(across, {{}, {}, {secret}}, {100, false});
    QCOMPARE(scrubbed.responseBody.data, QByteArray(96, '.') + QByteArray("[red"));

    // A body spooled to a temporary file is read only up to the cap.
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(big);
    file.close();
    file.setAutoRemove(false);
    Exchange spooled
        = exchange(QStringLiteral("GET"), QStringLiteral("https://a.test/f"), 200, {}, "text/plain");
    spooled.body = BodyData::fromTemporaryFile(file.fileName(), big.size());
    const HistoryRecord fromFile = record(spooled, {}, {4096, false});
    QCOMPARE(fromFile.responseBody.data, big.left(4096));
    QCOMPARE(fromFile.responseBody.size, big.size());
}

void TestHistoryRecord::ignoresEmptySecrets()
{
    const Redaction redaction({QString(), QStringLiteral("")});
    QCOMPARE(redaction.longestSecret(), 0);
    QCOMPARE(redaction.bytes("unchanged"), QByteArray("unchanged"));
}

void TestHistoryRecord::scrubsCredentialsEverywhere()
{
    // An echo service sends the request's credentials back in its body.
    Exchange echoed = exchange(QStringLiteral("GET"), QStringLiteral("https://echo.test/"), 200,
        R"({"Authorization":"Bearer tokenABC123","Cookie":"sid=SESSION99; theme=dark"})");
    addHeader(echoed, "Authorization", "Bearer tokenABC123");
    addHeader(echoed, "Cookie", "sid=SESSION99; theme=dark");
    echoed.response->headers.append({QByteArray("Set-Cookie"), QByteArray("next=NEXTSESSION7; Path=/")});
    echoed.body = BodyData::fromBytes(echoed.body.bytes() + " NEXTSESSION7");
    const HistoryRecord redacted = record(echoed);
    // Short values ("dark") are not hunted down in bodies: they would scrub ordinary words.
    QCOMPARE(redacted.responseBody.data,
        QByteArray(
            R"({"Authorization":"Bearer [redacted]","Cookie":"sid=[redacted]; theme=dark"} [redacted])"));
    QCOMPARE(
        Redaction::credentialsIn({{"authorization", "Basic dXNlcjpwYXNz"}, {"X-Other", "not-a-credential"}}),
        QStringList {QStringLiteral("dXNlcjpwYXNz")});
}

void TestHistoryRecord::recordsTransportErrors()
{
    // Failed before anything was sent: method and URL come from the request as written.
    Exchange failed = exchange(QStringLiteral("GET"), QStringLiteral("http://bad host/"), 0);
    failed.sent = SentRequest();
    failed.request.url = QStringLiteral("http://bad host/");
    failed.error = {TransportError::Kind::InvalidUrl, QStringLiteral("Invalid URL"), {}};
    const HistoryRecord stored = record(failed, {QStringLiteral("A/B"), QStringLiteral("dev"), {}});
    QCOMPARE(stored.entry.method, QStringLiteral("GET"));
    QCOMPARE(stored.entry.url, QStringLiteral("http://bad host/"));
    QCOMPARE(stored.entry.status, 0);
    QVERIFY(!stored.entry.hasResponse());
    QCOMPARE(stored.entry.errorKind, QStringLiteral("invalid-url"));
    QCOMPARE(stored.entry.workspaceRequest, QStringLiteral("A/B"));
    QCOMPARE(stored.environment, QStringLiteral("dev"));
    QVERIFY(stored.responseHeaders.isEmpty());
}

void TestHistoryRecord::textualContentTypes_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("textual");
    QTest::newRow("json") << QStringLiteral("application/json; charset=utf-8") << true;
    QTest::newRow("problem+json") << QStringLiteral("application/problem+json") << true;
    QTest::newRow("text") << QStringLiteral("TEXT/HTML") << true;
    QTest::newRow("form") << QStringLiteral("application/x-www-form-urlencoded") << true;
    QTest::newRow("xml") << QStringLiteral("application/xml") << true;
    QTest::newRow("binary") << QStringLiteral("application/octet-stream") << false;
    QTest::newRow("image") << QStringLiteral("image/png") << false;
    QTest::newRow("none") << QString() << false;
}

void TestHistoryRecord::textualContentTypes()
{
    QFETCH(QString, type);
    QFETCH(bool, textual);
    QCOMPARE(isTextualContentType(type), textual);
}

QTEST_GUILESS_MAIN(TestHistoryRecord)
#include "tst_historyrecord.moc"
