// Conformance of PostmanImport with the Postman collections of the shared corpus: for every file listed
// in _derived/postman-collection-structure.tsv (counted by the corpus collector with Postman's own
// reading of the format), the import must give the same number of requests, folders, folder depth
// and saved responses, and the same histograms of methods, body modes and auth types. Collections v1
// are refused with a message (Sonde reads v2.0 and v2.1 only): they are counted apart, not scored.
//
// Auth types Sonde does not have become None with a warning naming the type, and an unknown or
// disabled body is left out with a warning naming its mode: they are counted from those warnings, so
// the histograms still say what was in the file.
#include "ConformanceCorpus.h"
#include "formats/PostmanImport.h"

#include <QMap>
#include <QRegularExpression>
#include <QTest>

using namespace Sonde;
using namespace Qt::StringLiterals;

namespace {

using Histogram = QMap<QString, int>;

/// "GET:3,POST:1" → {GET: 3, POST: 1}; "-" is empty. A request given as a bare URL is counted by the
/// collector as "GET(string-request)": it is a GET.
Histogram parseHistogram(const QString &text)
{
    Histogram histogram;
    if (text == u"-")
        return histogram;
    for (const QString &entry : text.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype colon = entry.lastIndexOf(u':');
        QString key = entry.left(colon);
        key.remove(u"(string-request)"_s);
        histogram[key] += entry.mid(colon + 1).toInt();
    }
    return histogram;
}

QString toText(const Histogram &histogram)
{
    QStringList entries;
    for (auto it = histogram.cbegin(); it != histogram.cend(); ++it)
        entries.append(u"%1:%2"_s.arg(it.key()).arg(it.value()));
    return entries.isEmpty() ? u"-"_s : entries.join(u',');
}

QString authName(AuthConfig::Type type)
{
    return type == AuthConfig::Type::None ? u"noauth"_s : AuthConfig::typeName(type);
}

QString bodyModeName(Body::Kind kind)
{
    switch (kind) {
    case Body::Kind::None:
        return {};
    case Body::Kind::Raw:
        return u"raw"_s;
    case Body::Kind::FormUrlEncoded:
        return u"urlencoded"_s;
    case Body::Kind::Multipart:
        return u"formdata"_s;
    case Body::Kind::Binary:
        return u"file"_s;
    case Body::Kind::GraphQL:
        return u"graphql"_s;
    }
    return {};
}

struct Counts
{
    int requests = 0;
    int folders = 0;
    int depth = 0;
    int responses = 0;
    Histogram methods;
    Histogram bodies;
    Histogram auths;
};

void count(const Folder &folder, int depth, Counts &counts)
{
    counts.depth = std::max(counts.depth, depth);
    for (const Request &request : folder.requests) {
        ++counts.requests;
        ++counts.methods[request.method];
        if (const QString mode = bodyModeName(request.body.kind); !mode.isEmpty())
            ++counts.bodies[mode];
        if (request.auth.type != AuthConfig::Type::Inherit)
            ++counts.auths[authName(request.auth.type)];
    }
    for (const Folder &child : folder.folders) {
        ++counts.folders;
        count(child, depth + 1, counts);
    }
}

Counts countImport(const ImportResult &result)
{
    Counts counts;
    count(result.collection, 0, counts);
    counts.responses = int(result.examples.size());
    if (result.collection.auth.type != AuthConfig::Type::Inherit)
        ++counts.auths[u"(collection)"_s + authName(result.collection.auth.type)];
    static const QRegularExpression unsupportedAuth(u"^“(.+)” authentication is not supported"_s);
    static const QRegularExpression unknownBody(
        u"^(?:the body mode “(.+)” is unknown|the “(.+)” body is disabled in Postman)"_s);
    for (const ImportMessage &warning : result.warnings) {
        if (const auto match = unsupportedAuth.match(warning.message); match.hasMatch()) {
            // The scheme became None: count it under its own name instead.
            const bool collection = warning.where == u"auth";
            const bool request = warning.where.endsWith(u".request.auth");
            if (!collection && !request)
                continue;
            const QString none = collection ? u"(collection)noauth"_s : u"noauth"_s;
            if (--counts.auths[none] == 0)
                counts.auths.remove(none);
            ++counts.auths[(collection ? u"(collection)"_s : QString()) + match.captured(1)];
        } else if (const auto body = unknownBody.match(warning.message); body.hasMatch()) {
            ++counts.bodies[body.captured(1) + body.captured(2)];
        }
    }
    return counts;
}

} // namespace

class TestConformancePostman : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void structure();

private:
    QString m_corpus;
};

void TestConformancePostman::initTestCase()
{
    m_corpus = conformanceCorpus();
    if (m_corpus.isEmpty())
        QSKIP("The conformance corpus is not here: set SONDE_CORPUS to the folder that holds _derived/.");
}

void TestConformancePostman::structure()
{
    bool ok = false;
    const QByteArray table = readCorpusFile(m_corpus + u"/_derived/postman-collection-structure.tsv"_s, &ok);
    QVERIFY2(ok, "_derived/postman-collection-structure.tsv is missing");
    int scored = 0;
    int matched = 0;
    int v1 = 0;
    int v1Refused = 0;
    int missing = 0;
    QStringList failures;
    const QList<QByteArray> lines = table.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList columns = QString::fromUtf8(lines.at(i)).split(u'\t');
        if (columns.size() < 11)
            continue;
        const QString file = columns.at(1);
        const QByteArray data = readCorpusFile(m_corpus + u'/' + file, &ok);
        if (!ok) {
            ++missing;
            qInfo().noquote() << "  not in the corpus, not scored:" << file;
            continue;
        }
        const ImportResult result = PostmanImport::parse(data);
        if (columns.at(2).startsWith(u"v1")) {
            ++v1;
            if (!result.ok() && result.error.message.contains(u"v1 is not supported"))
                ++v1Refused;
            else
                qInfo().noquote() << "  v1 not refused:" << file;
            continue;
        }
        ++scored;
        if (!result.ok()) {
            failures.append(file);
            qInfo().noquote() << "  differs:" << file << result.error.toString();
            continue;
        }
        const Counts got = countImport(result);
        Counts want;
        want.requests = columns.at(3).toInt();
        want.folders = columns.at(4).toInt();
        want.depth = columns.at(5).toInt();
        want.responses = columns.at(7).toInt();
        want.methods = parseHistogram(columns.at(8));
        want.bodies = parseHistogram(columns.at(9));
        want.auths = parseHistogram(columns.at(10));
        QStringList differences;
        const auto compare = [&differences](const char *what, const QString &mine, const QString &theirs) {
            if (mine != theirs)
                differences.append(u"%1 %2 (expected %3)"_s.arg(QLatin1StringView(what), mine, theirs));
        };
        compare("requests", QString::number(got.requests), QString::number(want.requests));
        compare("folders", QString::number(got.folders), QString::number(want.folders));
        compare("depth", QString::number(got.depth), QString::number(want.depth));
        compare("responses", QString::number(got.responses), QString::number(want.responses));
        compare("methods", toText(got.methods), toText(want.methods));
        compare("bodies", toText(got.bodies), toText(want.bodies));
        compare("auth", toText(got.auths), toText(want.auths));
        if (differences.isEmpty()) {
            ++matched;
            qInfo().noquote() << "  ok:" << file;
        } else {
            failures.append(file);
            qInfo().noquote() << "  differs:" << file << differences.join(u"; "_s);
        }
    }
    const QString score
        = u"postman v2.0/v2.1: %1/%2 collections match (%3%); v1: %4/%5 refused as unsupported"_s.arg(matched)
              .arg(scored)
              .arg(scored == 0 ? 0.0 : 100.0 * matched / scored, 0, 'f', 1)
              .arg(v1Refused)
              .arg(v1);
    qInfo().noquote() << score;
    QVERIFY2(scored > 0, "no Postman collections were found");
    QVERIFY2(missing == 0, "files listed in the table are missing from the corpus");
    QVERIFY2(matched == scored, qPrintable(score + u"\n"_s + failures.join(u'\n')));
    QVERIFY2(v1Refused == v1, qPrintable(score));
}

QTEST_GUILESS_MAIN(TestConformancePostman)
#include "tst_conformance_postman.moc"
