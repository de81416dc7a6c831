#include "http/ContentDecoder.h"

#include <QRandomGenerator>
#include <QTest>

#include <zlib.h>

using namespace Sonde;

namespace {

/// Compresses with zlib: windowBits 31 gives gzip, 15 zlib, -15 raw deflate.
QByteArray compress(const QByteArray &input, int windowBits)
{
    z_stream stream {};
    deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
    QByteArray output(static_cast<qsizetype>(deflateBound(&stream, static_cast<uLong>(input.size()))) + 32, '\0');
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.constData()));
    stream.avail_in = static_cast<uInt>(input.size());
    stream.next_out = reinterpret_cast<Bytef *>(output.data());
    stream.avail_out = static_cast<uInt>(output.size());
    deflate(&stream, Z_FINISH);
    output.resize(static_cast<qsizetype>(stream.total_out));
    deflateEnd(&stream);
    return output;
}

QByteArray sample(qsizetype size)
{
    QByteArray data;
    data.reserve(size);
    QRandomGenerator generator(42);
    while (data.size() < size)
        data += "{\"id\": " + QByteArray::number(generator.bounded(100000)) + ", \"name\": \"item\"},\n";
    data.truncate(size);
    return data;
}

} // namespace

class TestContentDecoder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decodes_data();
    void decodes();
    void concatenatedGzipMembers();
    void corruptInput();
    void unknownEncodingIsNotDecoded();
};

void TestContentDecoder::decodes_data()
{
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<int>("windowBits");
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("chunk");
    QTest::newRow("gzip small") << QByteArray("gzip") << 31 << 100 << 7;
    QTest::newRow("gzip large, small chunks") << QByteArray("gzip") << 31 << 2'000'000 << 1000;
    QTest::newRow("x-gzip") << QByteArray("x-gzip") << 31 << 5000 << 4096;
    QTest::newRow("deflate zlib") << QByteArray("deflate") << 15 << 300'000 << 1;
    QTest::newRow("deflate raw") << QByteArray("Deflate") << -15 << 300'000 << 3;
    QTest::newRow("empty body") << QByteArray("gzip") << 31 << 0 << 16;
}

void TestContentDecoder::decodes()
{
    QFETCH(QByteArray, encoding);
    QFETCH(int, windowBits);
    QFETCH(int, size);
    QFETCH(int, chunk);
    const QByteArray original = sample(size);
    const QByteArray compressed = compress(original, windowBits);
    auto decoder = ContentDecoder::create(encoding);
    QVERIFY(decoder);
    QByteArray decoded;
    for (qsizetype at = 0; at < compressed.size(); at += chunk)
        decoded += decoder->decode(compressed.mid(at, chunk));
    QVERIFY2(!decoder->hasError(), qPrintable(decoder->errorString()));
    QVERIFY(decoder->isFinished());
    QCOMPARE(decoded.size(), original.size());
    QCOMPARE(decoded, original);
}

void TestContentDecoder::concatenatedGzipMembers()
{
    const QByteArray first = sample(1000);
    const QByteArray second = sample(500);
    auto decoder = ContentDecoder::create("gzip");
    const QByteArray decoded = decoder->decode(compress(first, 31) + compress(second, 31));
    QCOMPARE(decoded, first + second);
}

void TestContentDecoder::corruptInput()
{
    QByteArray compressed = compress(sample(10000), 31);
    compressed[20] = char(compressed[20] ^ 0x55);
    compressed[21] = char(compressed[21] ^ 0x55);
    auto decoder = ContentDecoder::create("gzip");
    decoder->decode(compressed);
    QVERIFY(decoder->hasError() || !decoder->isFinished());
    if (decoder->hasError())
        QVERIFY(decoder->errorString().contains(u"corrupt"));
}

void TestContentDecoder::unknownEncodingIsNotDecoded()
{
    QVERIFY(!ContentDecoder::create("br"));
    QVERIFY(!ContentDecoder::create("identity"));
    QVERIFY(!ContentDecoder::canDecode("zstd"));
    QVERIFY(ContentDecoder::canDecode(" GZIP "));
}

QTEST_GUILESS_MAIN(TestContentDecoder)
#include "tst_contentdecoder.moc"
