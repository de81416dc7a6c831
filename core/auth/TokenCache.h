#pragma once

#include "auth/AuthConfig.h"
#include "auth/TokenResponse.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

namespace Sonde {

class SecretStore;

/// The tokens the OAuth 2.0 flows obtained, one per auth configuration, kept in a SecretStore (the
/// system keychain) and never in workspace files; a copy stays in memory once read.
///
/// A configuration is known by a stable hash of what identifies its token — grant, issuer, endpoints,
/// client id, scope, audience, resource, user name and extra parameters, after variables are resolved —
/// so two requests that share an auth share a token, and changing the scope asks for a new one. Secrets
/// (client secret, password) are not part of the hash.
class TokenCache final : public QObject
{
    Q_OBJECT
public:
    using LoadCallback = std::function<void(std::optional<TokenResponse> token, const QString &error)>;
    using DoneCallback = std::function<void(const QString &error)>;

    /// `store` may be null (nothing is kept beyond memory) and is not owned.
    explicit TokenCache(SecretStore *store, QObject *parent = nullptr);

    /// Where tokens go; the memory copy is dropped (another workspace, another store).
    void setSecretStore(SecretStore *store, const QString &workspaceRoot);

    /// The hash naming `config`'s token (hex, 32 characters).
    static QString configKey(const OAuth2 &config);
    /// The SecretStore key of the token of `config`.
    QString storeKey(const OAuth2 &config) const;

    /// The token in memory for `config`, if it was loaded or stored.
    std::optional<TokenResponse> cached(const OAuth2 &config) const;
    /// The token of `config`: from memory, else from the store; nullopt without an error when none.
    void load(const OAuth2 &config, QObject *context, LoadCallback callback);
    void store(const OAuth2 &config, const TokenResponse &token, QObject *context, DoneCallback callback);
    void clear(const OAuth2 &config, QObject *context, DoneCallback callback);

    /// A token as stored: its fields and its expiry, ISO 8601 in UTC.
    static QByteArray toJson(const TokenResponse &token);
    static std::optional<TokenResponse> fromJson(const QByteArray &json);

Q_SIGNALS:
    /// The token of the configuration with this key was stored or cleared.
    void changed(const QString &configKey);

private:
    QPointer<SecretStore> m_store;
    QString m_root;
    /// Loaded tokens by config key; an empty optional records that the store has none.
    QHash<QString, std::optional<TokenResponse>> m_memory;
};

} // namespace Sonde
