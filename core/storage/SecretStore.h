#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace Sonde {

/// Where the values of secret variables (passwords, tokens, client secrets) live: never in workspace
/// files. Asynchronous, because the OS keychain answers over D-Bus and may ask the user to unlock it.
///
/// Callbacks run on the thread of `context`, and not at all when `context` is destroyed first.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using ReadCallback = std::function<void(std::optional<QString> value, const QString &error)>;
    using DoneCallback = std::function<void(const QString &error)>;

    using QObject::QObject;

    /// A short description for the user: "the system keychain", "an unencrypted file at …".
    virtual QString description() const = 0;
    /// Reads `key`; `value` is nullopt with an empty error when there is no such secret.
    virtual void read(const QString &key, QObject *context, ReadCallback callback) = 0;
    virtual void write(const QString &key, const QString &value, QObject *context, DoneCallback callback) = 0;
    /// Removes `key`; removing a key that does not exist is not an error.
    virtual void remove(const QString &key, QObject *context, DoneCallback callback) = 0;

    /// The key for a secret variable: unique per workspace folder, scope and name.
    /// `scope` is e.g. "environment/prod", "globals", "collection/Users API/Admin", "request/…".
    static QString keyFor(const QString &workspaceRoot, const QString &scope, const QString &name);
};

/// The OS keychain through QtKeychain (Secret Service on Linux: GNOME Keyring, KWallet).
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(const QString &service, QObject *parent = nullptr);

    QString description() const override;
    void read(const QString &key, QObject *context, ReadCallback callback) override;
    void write(const QString &key, const QString &value, QObject *context, DoneCallback callback) override;
    void remove(const QString &key, QObject *context, DoneCallback callback) override;

private:
    QString m_service;
};

/// The fallback the user chooses explicitly when there is no keychain: a JSON file readable only by
/// the user (mode 0600), outside every workspace, NOT encrypted — the description says so.
class FileSecretStore final : public SecretStore
{
    Q_OBJECT
public:
    explicit FileSecretStore(const QString &path, QObject *parent = nullptr);

    QString description() const override;
    void read(const QString &key, QObject *context, ReadCallback callback) override;
    void write(const QString &key, const QString &value, QObject *context, DoneCallback callback) override;
    void remove(const QString &key, QObject *context, DoneCallback callback) override;

private:
    QString update(const std::function<void(QJsonObject &)> &change);

    QString m_path;
};

} // namespace Sonde
