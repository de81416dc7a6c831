// Secrets against a real Secret Service (GNOME Keyring in a private D-Bus session, see
// tests/support/run-with-keyring.sh) and the explicit file fallback.
#include "storage/SecretStore.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Sonde;

class TestSecretStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void keysAreScopedPerWorkspace();
    void fileFallbackIsPrivate();

private:
    std::unique_ptr<SecretStore> makeStore(const QString &backend, const QString &folder);
};

std::unique_ptr<SecretStore> TestSecretStore::makeStore(const QString &backend, const QString &folder)
{
    if (backend == u"keychain")
        return std::make_unique<KeychainSecretStore>(QStringLiteral("Sonde tests"));
    return std::make_unique<FileSecretStore>(folder + QStringLiteral("/secrets.json"));
}

void TestSecretStore::roundTrip_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("keychain") << "keychain";
    QTest::newRow("file") << "file";
}

void TestSecretStore::roundTrip()
{
    QFETCH(QString, backend);
    QTemporaryDir dir;
    const auto store = makeStore(backend, dir.path());
    const QString key = SecretStore::keyFor(dir.path(), QStringLiteral("environment/prod"), QStringLiteral("token"));

    bool done = false;
    QString error = QStringLiteral("not called");
    store->write(key, QStringLiteral("s3cr3t ✓"), this, [&](const QString &e) { error = e; done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    done = false;
    std::optional<QString> value;
    store->read(key, this, [&](std::optional<QString> v, const QString &e) { value = v; error = e; done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(value, std::optional<QString>(QStringLiteral("s3cr3t ✓")));

    done = false;
    store->remove(key, this, [&](const QString &e) { error = e; done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    done = false;
    store->read(key, this, [&](std::optional<QString> v, const QString &e) { value = v; error = e; done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!value.has_value()); // gone, and "not found" is not an error
}

void TestSecretStore::keysAreScopedPerWorkspace()
{
    const QString a = SecretStore::keyFor(QStringLiteral("/home/u/one"), QStringLiteral("globals"), QStringLiteral("k"));
    const QString b = SecretStore::keyFor(QStringLiteral("/home/u/two"), QStringLiteral("globals"), QStringLiteral("k"));
    const QString c = SecretStore::keyFor(QStringLiteral("/home/u/one/"), QStringLiteral("globals"), QStringLiteral("k"));
    QVERIFY(a != b);
    QCOMPARE(a, c);
    QVERIFY(!a.contains(u"/home/u"));
}

void TestSecretStore::fileFallbackIsPrivate()
{
    QTemporaryDir dir;
    FileSecretStore store(dir.filePath(QStringLiteral("nested/secrets.json")));
    QVERIFY(store.description().contains(u"unencrypted"));
    bool done = false;
    QString error;
    store.write(QStringLiteral("k"), QStringLiteral("v"), this, [&](const QString &e) { error = e; done = true; });
    QTRY_VERIFY(done);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(QFile::permissions(dir.filePath(QStringLiteral("nested/secrets.json")))
                 & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFileDevice::Permissions());
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
