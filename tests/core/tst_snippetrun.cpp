// Runs the code snippets of SnippetCases with the real tools (curl, Wget, Python requests, Node.js
// fetch, Java's HttpClient, Qt's QNetworkAccessManager built with c++) against the echo server on 127.0.0.1,
// and compares what the server received with what Sonde itself sends for the same request (RequestBuilder).
// Shell commands run in bash, which reads the $'…' quoting of control characters. A tool this machine lacks
// is skipped with a message.
#include "SnippetCases.h"
#include "echo/EchoServer.h"
#include "formats/Snippets.h"
#include "http/RequestBuilder.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Sonde;
using namespace Qt::StringLiterals;

namespace {

/// How one target's snippet is run.
struct Runner
{
    QString target;
    QString fileName;
    QString program;
    /// Why it cannot run here; empty when it can.
    QString missing;
    /// A bash script that builds and runs the snippet file, for compiled languages; none to run it as is.
    QString build {};
};

constexpr int RunLimitMs = 180000; // a safety limit for a cold JVM on a busy machine, not a timing check

/// Runs `program` synchronously; only for probes that need no event loop.
int probe(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(RunLimitMs))
        return -1;
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

Runner runner(const QString &target)
{
    const auto find = [](const QString &name) {
        return QStandardPaths::findExecutable(name);
    };
    if (target == u"curl")
        return {target, u"run.sh"_s, find(u"bash"_s),
            find(u"curl"_s).isEmpty() ? u"curl is not installed"_s : QString()};
    if (target == u"wget")
        return {target, u"run.sh"_s, find(u"bash"_s),
            find(u"wget"_s).isEmpty() ? u"wget is not installed"_s : QString()};
    if (target == u"python-requests") {
        const QString python = find(u"python3"_s);
        if (python.isEmpty())
            return {target, {}, {}, u"python3 is not installed"_s};
        if (probe(python, {u"-c"_s, u"import requests"_s}) != 0)
            return {
                target, {}, {}, u"the Python module requests is not installed (Debian: python3-requests)"_s};
        return {target, u"run.py"_s, python, {}};
    }
    if (target == u"javascript-fetch") {
        const QString node = find(u"node"_s);
        if (node.isEmpty())
            return {target, {}, {}, u"node is not installed"_s};
        if (probe(node,
                {u"-e"_s, u"process.exit(typeof require('node:fs').openAsBlob === 'function' ? 0 : 1)"_s})
            != 0)
            return {target, {}, {}, u"this Node.js has no fs.openAsBlob (Node.js 20 or later has)"_s};
        return {target, u"run.mjs"_s, node, {}};
    }
    if (target == u"qt") {
        const QString bash = find(u"bash"_s);
        if (find(u"c++"_s).isEmpty() || bash.isEmpty())
            return {target, {}, {}, u"no C++ compiler"_s};
        if (probe(u"pkg-config"_s, {u"--exists"_s, u"Qt6Network"_s}) != 0)
            return {target, {}, {}, u"pkg-config does not know Qt6Network"_s};
        return {target, u"main.cpp"_s, bash, {},
            u"c++ -std=c++17 -fPIC -o snippet main.cpp $(pkg-config --cflags --libs Qt6Network) && ./snippet\n"_s};
    }
    if (target == u"java") {
        const QString java = find(u"java"_s);
        if (java.isEmpty())
            return {target, {}, {}, u"java is not installed"_s};
        return {target, u"Main.java"_s, java, {}};
    }
    return {target, {}, {}, u"no runner"_s};
}

/// `a=1&b=2` as decoded pairs (`+` is a space, as forms and the echo server say).
QList<std::pair<QString, QString>> decodePairs(const QByteArray &encoded)
{
    QList<std::pair<QString, QString>> pairs;
    for (const QByteArray &pair : encoded.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        const auto decode = [](QByteArray text) {
            return QString::fromUtf8(QByteArray::fromPercentEncoding(text.replace('+', ' ')));
        };
        pairs.append({decode(pair.left(equals < 0 ? pair.size() : equals)),
            equals < 0 ? QString() : decode(pair.mid(equals + 1))});
    }
    return pairs;
}

QMap<QString, QStringList> queryMap(const QList<std::pair<QString, QString>> &pairs)
{
    QMap<QString, QStringList> map;
    for (const auto &[key, value] : pairs)
        map[key].append(value);
    return map;
}

QString echoedHeader(const QJsonObject &echo, const QString &name)
{
    const QJsonArray list = echo.value(u"headerList"_s).toArray();
    for (const QJsonValue &entry : list) {
        if (entry.toArray().at(0).toString().compare(name, Qt::CaseInsensitive) == 0)
            return entry.toArray().at(1).toString();
    }
    return QString(); // null: not received
}

QByteArray echoedBody(const QJsonObject &echo)
{
    if (echo.contains(u"bodyBase64"_s))
        return QByteArray::fromBase64(echo.value(u"bodyBase64"_s).toString().toLatin1());
    return echo.value(u"body"_s).toString().toUtf8();
}

struct ReceivedPart
{
    QString name;
    QString fileName;
    QString contentType;
    QByteArray content;
};

QList<ReceivedPart> parseMultipart(const QByteArray &body, const QByteArray &boundary)
{
    QList<ReceivedPart> parts;
    const QByteArray delimiter = "--" + boundary;
    qsizetype at = body.indexOf(delimiter);
    while (at >= 0) {
        at += delimiter.size();
        if (body.mid(at, 2) == "--")
            break;
        at += 2; // CRLF
        const qsizetype headEnd = body.indexOf("\r\n\r\n", at);
        const qsizetype next = body.indexOf(QByteArray("\r\n" + delimiter), headEnd);
        if (headEnd < 0 || next < 0)
            break;
        ReceivedPart part;
        for (const QByteArray &line : body.mid(at, headEnd - at).split('\n')) {
            const QByteArray trimmed = line.trimmed();
            if (trimmed.toLower().startsWith("content-type:"))
                part.contentType = QString::fromUtf8(trimmed.mid(13).trimmed());
            if (!trimmed.toLower().startsWith("content-disposition:"))
                continue;
            for (const QByteArray &parameter : trimmed.mid(20).split(';')) {
                const QByteArray p = parameter.trimmed();
                const auto value = [&p](qsizetype from) {
                    QByteArray v = p.mid(from);
                    if (v.startsWith('"') && v.endsWith('"'))
                        v = v.mid(1, v.size() - 2);
                    return QString::fromUtf8(v);
                };
                if (p.startsWith("name="))
                    part.name = value(5);
                else if (p.startsWith("filename="))
                    part.fileName = value(9);
            }
        }
        part.content = body.mid(headEnd + 4, next - headEnd - 4);
        parts.append(part);
        at = next + 2;
    }
    return parts;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestSnippetRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void run_data();
    void run();

private:
    QTemporaryDir m_files;
    EchoServer m_echo;
};

void TestSnippetRun::initTestCase()
{
    QVERIFY(m_files.isValid());
    QVERIFY2(m_echo.listen(), qPrintable(m_echo.errorString()));
    QFile csv(m_files.filePath(u"report.csv"_s));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("quarter,total\nQ3,1234\n\"café\",5\n");
    csv.close();
    QFile png(m_files.filePath(u"photo.png"_s));
    QVERIFY(png.open(QIODevice::WriteOnly));
    QByteArray bytes("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    for (int i = 0; i < 512; ++i)
        bytes += char((i * 37 + 11) % 256);
    png.write(bytes);
}

void TestSnippetRun::run_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<Request>("request");
    const QString base = u"http://127.0.0.1:"_s + QString::number(m_echo.port());
    for (const QString &target :
        {u"curl"_s, u"wget"_s, u"python-requests"_s, u"javascript-fetch"_s, u"java"_s, u"qt"_s}) {
        for (const SnippetCases::Case &c : SnippetCases::cases(base, m_files.path())) {
            // The echo server asks for no Digest challenge; Wget has no multipart (its snippet says so).
            if (c.name == u"digest-auth" || (target == u"wget" && c.name == u"multipart-file"))
                continue;
            QTest::newRow(qPrintable(target + u' ' + c.name)) << target << c.request;
        }
    }
}

void TestSnippetRun::run()
{
    QFETCH(QString, target);
    QFETCH(Request, request);
    static QHash<QString, Runner> runners;
    if (!runners.contains(target))
        runners.insert(target, runner(target));
    const Runner how = runners.value(target);
    if (!how.missing.isEmpty())
        QSKIP(qPrintable(how.missing));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString snippet = Snippets::generate(target, request);
    QFile script(dir.filePath(how.fileName));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write(snippet.toUtf8());
    script.close();
    QString run = script.fileName();
    if (!how.build.isEmpty()) {
        QFile build(dir.filePath(u"build-and-run.sh"_s));
        QVERIFY(build.open(QIODevice::WriteOnly));
        build.write(how.build.toUtf8());
        run = build.fileName();
    }

    QProcess process;
    process.setWorkingDirectory(dir.path());
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(how.program, {run});
    QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
    // The echo server answers on this thread: wait with the event loop running.
    QVERIFY2(finished.wait(RunLimitMs), "the snippet did not finish");
    const QByteArray out = process.readAllStandardOutput();
    const QByteArray err = process.readAllStandardError();
    const QString context = u"\n--- snippet:\n"_s + snippet + u"--- stdout:\n"_s + QString::fromUtf8(out)
        + u"--- stderr:\n"_s + QString::fromUtf8(err);
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0, qPrintable(context));
    const qsizetype open = out.indexOf('{');
    const qsizetype close = out.lastIndexOf('}');
    QVERIFY2(open >= 0 && close > open, qPrintable(context));
    QJsonParseError error;
    const QJsonObject echo = QJsonDocument::fromJson(out.mid(open, close - open + 1), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(context));

    // What Sonde sends for the same request.
    const PreparedRequest prepared = RequestBuilder::prepare(request);
    QVERIFY2(!prepared.error.isError(), qPrintable(prepared.error.message));
    QCOMPARE(echo.value(u"method"_s).toString(), QString::fromLatin1(prepared.method));
    QCOMPARE(echo.value(u"path"_s).toString(), prepared.url.path(QUrl::FullyEncoded));
    const QString target_ = echo.value(u"url"_s).toString();
    const qsizetype question = target_.indexOf(u'?');
    QCOMPARE(queryMap(decodePairs(question < 0 ? QByteArray() : target_.mid(question + 1).toUtf8())),
        queryMap(decodePairs(prepared.url.query(QUrl::FullyEncoded).toUtf8())));

    const HeaderList headers = RequestBuilder::headers(request, prepared.body, true, false);
    const QByteArray received = echoedBody(echo);
    for (const auto &[name, value] : headers) {
        // The client's own defaults, and what the body's framing decides.
        if (name == "User-Agent" || name == "Accept" || name == "Accept-Encoding")
            continue;
        if (name.compare("Content-Type", Qt::CaseInsensitive) == 0 && !prepared.body.boundary.isEmpty()) {
            QVERIFY2(echoedHeader(echo, u"Content-Type"_s).startsWith(u"multipart/form-data; boundary="_s),
                qPrintable(context));
            continue;
        }
        QVERIFY2(echoedHeader(echo, QString::fromLatin1(name)) == QString::fromUtf8(value),
            qPrintable(u"header %1: got “%2”, expected “%3”"_s.arg(QString::fromLatin1(name),
                           echoedHeader(echo, QString::fromLatin1(name)), QString::fromUtf8(value))
                + context));
    }

    switch (request.body.kind) {
    case Body::Kind::None:
        QVERIFY2(received.isEmpty(), qPrintable(context));
        break;
    case Body::Kind::FormUrlEncoded:
        // Each library percent-encodes its own way (`*`, `~`, `+`): the fields must be the same.
        QCOMPARE(decodePairs(received), decodePairs(prepared.body.bytes));
        break;
    case Body::Kind::Raw:
    case Body::Kind::GraphQL:
        QCOMPARE(received, prepared.body.bytes);
        break;
    case Body::Kind::Binary:
        QCOMPARE(received, fileBytes(request.body.filePath));
        break;
    case Body::Kind::Multipart: {
        const QString type = echoedHeader(echo, u"Content-Type"_s);
        QByteArray boundary = type.mid(type.indexOf(u"boundary="_s) + 9).toUtf8();
        if (boundary.size() >= 2 && boundary.startsWith('"') && boundary.endsWith('"'))
            boundary = boundary.mid(1, boundary.size() - 2); // Qt quotes its boundary
        const QList<ReceivedPart> parts = parseMultipart(received, boundary);
        QCOMPARE(parts.size(), request.body.parts.size());
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const MultipartPart &part = request.body.parts.at(i);
            QCOMPARE(parts.at(i).name, part.name);
            if (!part.isFile()) {
                QCOMPARE(parts.at(i).content, part.value.toUtf8());
                continue;
            }
            QCOMPARE(parts.at(i).content, fileBytes(part.filePath));
            QCOMPARE(parts.at(i).fileName,
                part.fileName.isEmpty() ? QFileInfo(part.filePath).fileName() : part.fileName);
            if (!part.contentType.isEmpty())
                QCOMPARE(parts.at(i).contentType, part.contentType);
        }
        break;
    }
    }
}

QTEST_GUILESS_MAIN(TestSnippetRun)
#include "tst_snippetrun.moc"
