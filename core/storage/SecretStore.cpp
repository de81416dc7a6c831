#include "storage/SecretStore.h"

#include "storage/AtomicFile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

#include <qt6keychain/keychain.h>

namespace Sonde {

namespace {

/// Runs `function` later on `context`'s thread, unless `context` is gone by then.
void deliver(QObject *context, std::function<void()> function)
{
    QMetaObject::invokeMethod(context, std::move(function), Qt::QueuedConnection);
}

QString keychainError(QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::NoBackendAvailable:
        return QStringLiteral("No keychain is available (no Secret Service such as GNOME Keyring or KWallet is "
                              "running): %1")
            .arg(job->errorString());
    case QKeychain::AccessDeniedByUser:
        return QStringLiteral("Access to the keychain was denied.");
    case QKeychain::AccessDenied:
        return QStringLiteral("The keychain refused access: %1").arg(job->errorString());
    default:
        return QStringLiteral("The keychain reported an error: %1").arg(job->errorString());
    }
}

} // namespace

QString SecretStore::keyFor(const QString &workspaceRoot, const QString &scope, const QString &name)
{
    // The workspace folder's path is hashed: keys stay short and do not expose the folder layout.
    const QByteArray folder = QDir(workspaceRoot).absolutePath().toUtf8();
    const QString id = QString::fromLatin1(QCryptographicHash::hash(folder, QCryptographicHash::Sha256).toHex().left(16));
    return QStringLiteral("workspace:%1/%2/%3").arg(id, scope, name);
}

// ---- keychain ----------------------------------------------------------------------------------

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent)
    , m_service(service)
{
}

QString KeychainSecretStore::description() const
{
    return QStringLiteral("the system keychain");
}

void KeychainSecretStore::read(const QString &key, QObject *context, ReadCallback callback)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, context, [callback = std::move(callback)](QKeychain::Job *finished) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (read->error() == QKeychain::EntryNotFound)
            callback(std::nullopt, QString());
        else if (read->error() != QKeychain::NoError)
            callback(std::nullopt, keychainError(read));
        else
            callback(read->textData(), QString());
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &value, QObject *context, DoneCallback callback)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(value);
    connect(job, &QKeychain::Job::finished, context, [callback = std::move(callback)](QKeychain::Job *finished) {
        callback(finished->error() == QKeychain::NoError ? QString() : keychainError(finished));
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, QObject *context, DoneCallback callback)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, context, [callback = std::move(callback)](QKeychain::Job *finished) {
        const bool ok = finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound;
        callback(ok ? QString() : keychainError(finished));
    });
    job->start();
}

// ---- file fallback -----------------------------------------------------------------------------

FileSecretStore::FileSecretStore(const QString &path, QObject *parent)
    : SecretStore(parent)
    , m_path(path)
{
}

QString FileSecretStore::description() const
{
    return QStringLiteral("an unencrypted file readable only by you (%1)").arg(m_path);
}

void FileSecretStore::read(const QString &key, QObject *context, ReadCallback callback)
{
    QFile file(m_path);
    std::optional<QString> value;
    QString error;
    if (file.open(QIODevice::ReadOnly)) {
        QJsonParseError parseError;
        const QJsonObject secrets = QJsonDocument::fromJson(file.readAll(), &parseError).object();
        if (parseError.error != QJsonParseError::NoError)
            error = QStringLiteral("The secrets file %1 is damaged: %2").arg(m_path, parseError.errorString());
        else if (secrets.contains(key))
            value = secrets.value(key).toString();
    } else if (file.exists()) {
        error = QStringLiteral("Could not read %1: %2").arg(m_path, file.errorString());
    }
    deliver(context, [callback = std::move(callback), value, error] { callback(value, error); });
}

QString FileSecretStore::update(const std::function<void(QJsonObject &)> &change)
{
    QJsonObject secrets;
    QFile file(m_path);
    if (file.open(QIODevice::ReadOnly)) {
        QJsonParseError parseError;
        secrets = QJsonDocument::fromJson(file.readAll(), &parseError).object();
        if (parseError.error != QJsonParseError::NoError)
            return QStringLiteral("The secrets file %1 is damaged: %2; not overwriting it").arg(m_path, parseError.errorString());
        file.close();
    }
    change(secrets);
    if (!QFile::exists(m_path)) {
        // Create it empty and private first: QSaveFile keeps the permissions of an existing file, so the
        // secrets are never readable by others, not even for a moment.
        QDir().mkpath(QFileInfo(m_path).absolutePath());
        QFile create(m_path);
        if (!create.open(QIODevice::WriteOnly) || !create.setPermissions(QFile::ReadOwner | QFile::WriteOwner))
            return QStringLiteral("Could not create %1: %2").arg(m_path, create.errorString());
    }
    QString error;
    if (AtomicFile::write(m_path, QJsonDocument(secrets).toJson(QJsonDocument::Indented), &error)
        == AtomicFile::WriteResult::Failed)
        return error;
    return {};
}

void FileSecretStore::write(const QString &key, const QString &value, QObject *context, DoneCallback callback)
{
    const QString error = update([&](QJsonObject &secrets) { secrets.insert(key, value); });
    deliver(context, [callback = std::move(callback), error] { callback(error); });
}

void FileSecretStore::remove(const QString &key, QObject *context, DoneCallback callback)
{
    const QString error = update([&](QJsonObject &secrets) { secrets.remove(key); });
    deliver(context, [callback = std::move(callback), error] { callback(error); });
}

} // namespace Sonde
