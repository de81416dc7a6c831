// Taking JWTs apart: the RFC 7519 example, time claims as UTC dates with the time left, and malformed
// tokens refused in words.
#include "auth/Jwt.h"

#include <QTest>
#include <QTimeZone>

using namespace Sonde;
using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray part(const QByteArray &json)
{
    return json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

class TestJwt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc7519Example();
    void timeClaims();
    void malformed_data();
    void malformed();
    void durations_data();
    void durations();
};

void TestJwt::rfc7519Example()
{
    // RFC 7519 §3.1; the header and claims contain CR LF between members, as in the RFC.
    const QString token = QStringLiteral(
        "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9."
        "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ."
        "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    QString problem;
    const QDateTime now = QDateTime(QDate(2011, 3, 22), QTime(18, 0), QTimeZone::utc());
    const auto jwt = Jwt::decode(u"  Bearer "_s + token + u'\n', now, &problem);
    QVERIFY2(jwt, qPrintable(problem));
    QCOMPARE(jwt->header.value(u"alg"_s).toString(), u"HS256"_s);
    QCOMPARE(jwt->header.value(u"typ"_s).toString(), u"JWT"_s);
    QCOMPARE(jwt->claims.value(u"iss"_s).toString(), u"joe"_s);
    QCOMPARE(jwt->claims.value(u"http://example.com/is_root"_s).toBool(), true);
    QCOMPARE(jwt->signature.size(), 32);
    QCOMPARE(jwt->times.size(), 1);
    QCOMPARE(jwt->times.first().name, u"exp"_s);
    QCOMPARE(jwt->times.first().time.toString(Qt::ISODate), u"2011-03-22T18:43:00Z"_s);
    QCOMPARE(jwt->times.first().secondsFromNow, 43 * 60);
}

void TestJwt::timeClaims()
{
    const QByteArray token = part(R"({"alg":"none"})") + '.' + part(R"({"iat":1000,"nbf":2000,"exp":3000})") + '.';
    QString problem;
    const auto jwt = Jwt::decode(QString::fromLatin1(token), QDateTime::fromSecsSinceEpoch(2500, QTimeZone::utc()), &problem);
    QVERIFY2(jwt, qPrintable(problem));
    QCOMPARE(jwt->signature.size(), 0);
    QCOMPARE(jwt->times.size(), 3);
    QCOMPARE(jwt->times.at(0).name, u"exp"_s);
    QCOMPARE(jwt->times.at(0).secondsFromNow, 500);
    QCOMPARE(jwt->times.at(1).name, u"nbf"_s);
    QCOMPARE(jwt->times.at(1).secondsFromNow, -500);
    QCOMPARE(jwt->times.at(2).name, u"iat"_s);
    QCOMPARE(jwt->times.at(2).time.toString(Qt::ISODate), u"1970-01-01T00:16:40Z"_s);
}

void TestJwt::malformed_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("expected");
    const QString claims = QString::fromLatin1(part(R"({"sub":"x"})"));
    const QString header = QString::fromLatin1(part(R"({"alg":"none"})"));
    QTest::newRow("empty") << u"   "_s << u"empty"_s;
    QTest::newRow("one part") << u"abc"_s << u"three parts"_s;
    QTest::newRow("JWE") << u"a.b.c.d.e"_s << u"encrypted"_s;
    QTest::newRow("header not JSON") << (QString::fromLatin1(part("nope")) + u'.' + claims + u".") << u"header is not a JSON object"_s;
    QTest::newRow("header not base64url") << (u"a+b/." + claims + u".") << u"header is not base64url"_s;
    QTest::newRow("claims an array") << (header + u'.' + QString::fromLatin1(part("[1]")) + u".") << u"claims part is not a JSON object"_s;
    QTest::newRow("bad signature") << (header + u'.' + claims + u".%%") << u"signature is not base64url"_s;
}

void TestJwt::malformed()
{
    QFETCH(QString, token);
    QFETCH(QString, expected);
    QString problem;
    QVERIFY(!Jwt::decode(token, QDateTime::currentDateTimeUtc(), &problem));
    QVERIFY2(problem.contains(expected), qPrintable(problem));
}

void TestJwt::durations_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("seconds") << qint64(42) << u"42 s"_s;
    QTest::newRow("minutes") << qint64(598) << u"9 min 58 s"_s;
    QTest::newRow("whole hour") << qint64(3600) << u"1 h"_s;
    QTest::newRow("hours") << qint64(3 * 3600 + 5 * 60 + 7) << u"3 h 5 min"_s;
    QTest::newRow("days") << qint64(2 * 86400 + 3600) << u"2 d 1 h"_s;
    QTest::newRow("past") << qint64(-90) << u"1 min 30 s"_s;
}

void TestJwt::durations()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, expected);
    QCOMPARE(Jwt::describeDuration(seconds), expected);
}

QTEST_GUILESS_MAIN(TestJwt)
#include "tst_jwt.moc"
