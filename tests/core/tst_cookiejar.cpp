// The cookie jar: its file, and the engine feeding and using it against scripted loopback servers.
#include "ScriptedServer.h"
#include "WireText.h"
#include "http/CookieJar.h"
#include "http/HttpEngine.h"
#include "http/Transfer.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Sonde;

Q_DECLARE_METATYPE(Sonde::Exchange)

namespace {

QNetworkCookie makeCookie(
    const QByteArray &name, const QByteArray &value, const QString &domain, const QDateTime &expires = {})
{
    QNetworkCookie cookie(name, value);
    cookie.setDomain(domain);
    cookie.setPath(QStringLiteral("/"));
    if (expires.isValid())
        cookie.setExpirationDate(expires);
    return cookie;
}

QDateTime inDays(int days)
{
    // Whole seconds: the file keeps no milliseconds.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch(), QTimeZone::utc()).addDays(days);
}

} // namespace

class TestCookieJar : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void fileDropsExpiredAndSessionCookies();
    void sessionCookiesKeptWhenAsked();
    void invalidFileSaysWhy_data();
    void invalidFileSaysWhy();
    void savesAfterDelayAndOnDestruction();
    void managerEditsEmitChanged();
    void workspaceJarOutsideWorkspace();
    void responseCookieSentNext();
    void redirectCarriesCookie();
    void jarOffNeitherSendsNorStores();
    void userCookieHeaderMerged();
    void serverDeletesCookie();
    void secureCookieNotSentOverHttp();

private:
    Exchange run(const Request &request);

    QNetworkAccessManager m_network;
    HttpEngine m_engine {&m_network};
    CookieJar m_jar;
};

void TestCookieJar::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qRegisterMetaType<Sonde::Exchange>();
    m_engine.setCookieJar(&m_jar);
}

Exchange TestCookieJar::run(const Request &request)
{
    Transfer *transfer = m_engine.send(request, this);
    QSignalSpy finished(transfer, &Transfer::finished);
    if (finished.isEmpty())
        finished.wait(60000);
    transfer->deleteLater();
    if (finished.size() != 1)
        return {};
    return finished.takeFirst().at(0).value<Exchange>();
}

void TestCookieJar::roundTrip_data()
{
    QTest::addColumn<QNetworkCookie>("cookie");
    QTest::newRow("plain") << makeCookie("id", "42", QStringLiteral("example.com"), inDays(3));
    QTest::newRow("domain and subdomains")
        << makeCookie("id", "42", QStringLiteral(".example.com"), inDays(3));
    QNetworkCookie flags = makeCookie("sid", "a=b; c", QStringLiteral("api.test"), inDays(30));
    flags.setSecure(true);
    flags.setHttpOnly(true);
    flags.setSameSitePolicy(QNetworkCookie::SameSite::Strict);
    flags.setPath(QStringLiteral("/v1"));
    QTest::newRow("all attributes") << flags;
    QTest::newRow("unicode value") << makeCookie("name", "café ☕", QStringLiteral("127.0.0.1"), inDays(1));
    QTest::newRow("empty value") << makeCookie("empty", "", QStringLiteral("localhost"), inDays(1));
}

void TestCookieJar::roundTrip()
{
    QFETCH(QNetworkCookie, cookie);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cookies/jar.json"));
    {
        CookieJar jar;
        jar.setFilePath(path);
        QVERIFY(jar.insertCookie(cookie));
        QVERIFY(jar.insertCookie(makeCookie("other", "1", QStringLiteral("other.test"), inDays(2))));
        QString error;
        QVERIFY2(jar.save(&error), qPrintable(error));
    }
    CookieJar loaded;
    loaded.setFilePath(path);
    QString error;
    QVERIFY2(loaded.load(&error), qPrintable(error));
    QCOMPARE(loaded.cookies().size(), 2);
    const QList<QNetworkCookie> cookies = loaded.cookies();
    const auto found = std::find_if(
        cookies.begin(), cookies.end(), [&](const QNetworkCookie &c) { return c.name() == cookie.name(); });
    QVERIFY(found != cookies.end());
    QVERIFY(found->hasSameIdentifier(cookie));
    QCOMPARE(found->value(), cookie.value());
    QCOMPARE(found->expirationDate(), cookie.expirationDate());
    QCOMPARE(found->isSecure(), cookie.isSecure());
    QCOMPARE(found->isHttpOnly(), cookie.isHttpOnly());
    QCOMPARE(found->sameSitePolicy(), cookie.sameSitePolicy());

    // Saving what was loaded gives the same bytes.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    QCOMPARE(CookieJar::toJson(loaded.cookies(), false, QDateTime::currentDateTimeUtc()), before);
}

void TestCookieJar::fileDropsExpiredAndSessionCookies()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<QNetworkCookie> cookies = {makeCookie("kept", "1", QStringLiteral("a.test"), inDays(1)),
        makeCookie("expired", "1", QStringLiteral("a.test"), inDays(-1)),
        makeCookie("session", "1", QStringLiteral("a.test"))};
    QList<QNetworkCookie> back;
    QString error;
    QVERIFY2(
        CookieJar::fromJson(CookieJar::toJson(cookies, false, now), now, &back, &error), qPrintable(error));
    QCOMPARE(back.size(), 1);
    QCOMPARE(back.first().name(), QByteArray("kept"));

    // A cookie that expired while on disk is not loaded either.
    QVERIFY(CookieJar::fromJson(CookieJar::toJson(cookies, false, now), now.addDays(2), &back, &error));
    QVERIFY(back.isEmpty());
}

void TestCookieJar::sessionCookiesKeptWhenAsked()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<QNetworkCookie> cookies = {makeCookie("session", "1", QStringLiteral("a.test"))};
    QList<QNetworkCookie> back;
    QString error;
    QVERIFY(CookieJar::fromJson(CookieJar::toJson(cookies, true, now), now, &back, &error));
    QCOMPARE(back.size(), 1);
    QVERIFY(back.first().isSessionCookie());
}

void TestCookieJar::invalidFileSaysWhy_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not json") << QByteArray("{") << QStringLiteral("offset");
    QTest::newRow("no cookies") << QByteArray("[]") << QStringLiteral("“cookies” array");
    QTest::newRow("no name") << QByteArray(R"({"cookies":[{"domain":"a"}]})") << QStringLiteral("cookie 1");
    QTest::newRow("bad expiry") << QByteArray(R"({"cookies":[{"name":"n","domain":"a","expires":"soon"}]})")
                                << QStringLiteral("“soon”");
    QTest::newRow("newer") << QByteArray(R"({"version":9,"cookies":[]})") << QStringLiteral("newer");
}

void TestCookieJar::invalidFileSaysWhy()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("jar.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    CookieJar jar;
    jar.setFilePath(path);
    QString error;
    QVERIFY(!jar.load(&error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY2(error.contains(path), qPrintable(error));
}

void TestCookieJar::savesAfterDelayAndOnDestruction()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("jar.json"));
    {
        CookieJar jar;
        jar.setFilePath(path);
        jar.setSaveDelay(10);
        jar.insertCookie(makeCookie("a", "1", QStringLiteral("a.test"), inDays(1)));
        QVERIFY(jar.hasUnsavedChanges());
        QVERIFY(!QFile::exists(path)); // not on every change
        QTRY_VERIFY(QFile::exists(path));
        QVERIFY(!jar.hasUnsavedChanges());

        jar.setSaveDelay(60 * 60 * 1000);
        jar.insertCookie(makeCookie("b", "2", QStringLiteral("a.test"), inDays(1)));
        QVERIFY(jar.hasUnsavedChanges());
    }
    CookieJar loaded;
    loaded.setFilePath(path);
    QString error;
    QVERIFY2(loaded.load(&error), qPrintable(error));
    QCOMPARE(loaded.cookies().size(), 2);
}

void TestCookieJar::managerEditsEmitChanged()
{
    CookieJar jar;
    QSignalSpy changed(&jar, &CookieJar::changed);
    QNetworkCookie cookie = makeCookie("a", "1", QStringLiteral("a.test"), inDays(1));
    QVERIFY(jar.insertCookie(cookie));
    QCOMPARE(changed.size(), 1);
    cookie.setValue("2");
    QVERIFY(jar.updateCookie(cookie));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(jar.cookies().first().value(), QByteArray("2"));
    jar.insertCookie(makeCookie("b", "1", QStringLiteral(".a.test"), inDays(1)));
    jar.insertCookie(makeCookie("c", "1", QStringLiteral("b.test"), inDays(1)));
    QCOMPARE(jar.deleteDomain(QStringLiteral("a.test")), 2);
    QCOMPARE(jar.cookies().size(), 1);
    QVERIFY(jar.deleteCookie(jar.cookies().first()));
    QVERIFY(jar.cookies().isEmpty());
    QCOMPARE(changed.size(), 6);
}

void TestCookieJar::workspaceJarOutsideWorkspace()
{
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a"));
    const QString b = dir.filePath(QStringLiteral("b"));
    QVERIFY(QDir().mkpath(a) && QDir().mkpath(b));
    const QString pathA = CookieJar::pathForWorkspace(a);
    QVERIFY(!pathA.startsWith(dir.path()));
    QVERIFY(pathA.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    QCOMPARE(CookieJar::pathForWorkspace(a + QStringLiteral("/../a")), pathA);
    QVERIFY(CookieJar::pathForWorkspace(b) != pathA);
}

void TestCookieJar::responseCookieSentNext()
{
    m_jar.clear();
    ScriptedServer server;
    QVERIFY(server.listen());
    server.queueResponse(ScriptedServer::response(
        200, "in", {{"Set-Cookie", "session=abc; Path=/; HttpOnly"}, {"Set-Cookie", "theme=dark"}}));
    server.setResponse(ScriptedServer::response(200, "again"));
    Request r;
    r.url = server.url(QStringLiteral("/login")).toString();
    const Exchange first = run(r);
    QVERIFY2(!first.error.isError(), qPrintable(first.error.message));
    QVERIFY(headerValue(first.sent.headers, "Cookie").isNull());
    QCOMPARE(m_jar.cookies().size(), 2);

    r.url = server.url(QStringLiteral("/me")).toString();
    const Exchange second = run(r);
    QVERIFY2(!second.error.isError(), qPrintable(second.error.message));
    QVERIFY2(server.lastRequestHead().contains(asSent("\r\nCookie: session=abc; theme=dark\r\n")),
        server.lastRequestHead().constData());
    // The Request tab shows exactly what went on the wire, the jar's Cookie header included.
    QCOMPARE(second.sent.headText(), server.lastRequestHead());
}

void TestCookieJar::redirectCarriesCookie()
{
    m_jar.clear();
    ScriptedServer server;
    QVERIFY(server.listen());
    server.queueResponse(
        ScriptedServer::response(302, {}, {{"Location", "/home"}, {"Set-Cookie", "token=t1; Path=/"}}));
    server.setResponse(ScriptedServer::response(200, "home"));
    Request r;
    r.url = server.url(QStringLiteral("/login")).toString();
    const Exchange exchange = run(r);
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QCOMPARE(server.requestCount(), 2);
    QVERIFY(!server.requestHeads().at(0).contains(asSent("Cookie")));
    QVERIFY(server.requestHeads().at(1).contains(asSent("\r\nCookie: token=t1\r\n")));
    QCOMPARE(exchange.sent.headText(), server.requestHeads().at(1));
    QCOMPARE(exchange.redirects.size(), 1);
    QCOMPARE(exchange.redirects.first().sent.headText(), server.requestHeads().at(0));
}

void TestCookieJar::jarOffNeitherSendsNorStores()
{
    m_jar.clear();
    m_jar.insertCookie(makeCookie("old", "1", QStringLiteral("127.0.0.1"), inDays(1)));
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setResponse(ScriptedServer::response(200, "x", {{"Set-Cookie", "new=2"}}));
    Request r;
    r.url = server.url(QStringLiteral("/")).toString();
    r.settings.sendCookies = false;
    const Exchange exchange = run(r);
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QVERIFY(!server.lastRequestHead().contains(asSent("Cookie")));
    QCOMPARE(exchange.sent.headText(), server.lastRequestHead());
    QCOMPARE(m_jar.cookies().size(), 1);
    QCOMPARE(m_jar.cookies().first().name(), QByteArray("old"));
}

void TestCookieJar::userCookieHeaderMerged()
{
    m_jar.clear();
    m_jar.insertCookie(makeCookie("a", "jar", QStringLiteral("127.0.0.1"), inDays(1)));
    m_jar.insertCookie(makeCookie("b", "jar", QStringLiteral("127.0.0.1"), inDays(1)));
    ScriptedServer server;
    QVERIFY(server.listen());
    Request r;
    r.url = server.url(QStringLiteral("/")).toString();
    r.headers = {{"Cookie", "a=mine"}};
    const Exchange exchange = run(r);
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QVERIFY2(server.lastRequestHead().contains(asSent("\r\nCookie: a=mine; b=jar\r\n")),
        server.lastRequestHead().constData());
    QCOMPARE(exchange.sent.headText(), server.lastRequestHead());
}

void TestCookieJar::serverDeletesCookie()
{
    m_jar.clear();
    m_jar.insertCookie(makeCookie("gone", "1", QStringLiteral("127.0.0.1"), inDays(1)));
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setResponse(
        ScriptedServer::response(200, {}, {{"Set-Cookie", "gone=; Expires=Thu, 01 Jan 1970 00:00:00 GMT"}}));
    Request r;
    r.url = server.url(QStringLiteral("/logout")).toString();
    const Exchange exchange = run(r);
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QVERIFY(server.lastRequestHead().contains(asSent("Cookie: gone=1")));
    QVERIFY(m_jar.cookies().isEmpty());
}

void TestCookieJar::secureCookieNotSentOverHttp()
{
    m_jar.clear();
    QNetworkCookie secure = makeCookie("s", "1", QStringLiteral("127.0.0.1"), inDays(1));
    secure.setSecure(true);
    m_jar.insertCookie(secure);
    ScriptedServer server;
    QVERIFY(server.listen());
    Request r;
    r.url = server.url(QStringLiteral("/")).toString();
    const Exchange exchange = run(r);
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QVERIFY(!server.lastRequestHead().contains(asSent("Cookie")));
}

QTEST_GUILESS_MAIN(TestCookieJar)
#include "tst_cookiejar.moc"
