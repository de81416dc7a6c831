#include "auth/TokenCache.h"

#include "storage/SecretStore.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace Sonde {

TokenCache::TokenCache(SecretStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{ }

void TokenCache::setSecretStore(SecretStore *store, const QString &workspaceRoot)
{
    m_store = store;
    m_root = workspaceRoot;
    m_memory.clear();
}

QString TokenCache::configKey(const OAuth2 &config)
{
    QJsonArray extra;
    for (const KeyValue &param : config.extraParams) {
        if (param.enabled && !param.key.isEmpty())
            extra.append(QJsonArray {param.key, param.value});
    }
    const QJsonArray identity {int(config.grant), config.issuer, config.authUrl, config.tokenUrl,
        config.deviceAuthUrl, config.clientId, config.scope, config.audience, config.resource,
        config.username, extra};
    const QByteArray json = QJsonDocument(identity).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex().left(32));
}

QString TokenCache::storeKey(const OAuth2 &config) const
{
    return SecretStore::keyFor(m_root, QStringLiteral("oauth2-token"), configKey(config));
}

std::optional<TokenResponse> TokenCache::cached(const OAuth2 &config) const
{
    return m_memory.value(configKey(config));
}

void TokenCache::load(const OAuth2 &config, QObject *context, LoadCallback callback)
{
    const QString key = configKey(config);
    if (const auto it = m_memory.constFind(key); it != m_memory.constEnd()) {
        callback(*it, QString());
        return;
    }
    if (!m_store) {
        callback(std::nullopt, QString());
        return;
    }
    m_store->read(storeKey(config), context,
        [this, key, callback = std::move(callback)](std::optional<QString> value, const QString &error) {
            if (!error.isEmpty()) {
                callback(std::nullopt, error);
                return;
            }
            std::optional<TokenResponse> token;
            if (value)
                token = fromJson(value->toUtf8());
            m_memory.insert(key, token);
            callback(token, QString());
        });
}

void TokenCache::store(
    const OAuth2 &config, const TokenResponse &token, QObject *context, DoneCallback callback)
{
    const QString key = configKey(config);
    m_memory.insert(key, token);
    Q_EMIT changed(key);
    if (!m_store) {
        callback(QString());
        return;
    }
    m_store->write(storeKey(config), QString::fromUtf8(toJson(token)), context, std::move(callback));
}

void TokenCache::clear(const OAuth2 &config, QObject *context, DoneCallback callback)
{
    const QString key = configKey(config);
    m_memory.insert(key, std::nullopt);
    Q_EMIT changed(key);
    if (!m_store) {
        callback(QString());
        return;
    }
    m_store->remove(storeKey(config), context, std::move(callback));
}

QByteArray TokenCache::toJson(const TokenResponse &token)
{
    QJsonObject object;
    object.insert(QStringLiteral("access_token"), token.accessToken);
    const auto insert = [&object](const char *name, const QString &value) {
        if (!value.isEmpty())
            object.insert(QLatin1String(name), value);
    };
    insert("token_type", token.tokenType);
    insert("refresh_token", token.refreshToken);
    insert("id_token", token.idToken);
    insert("scope", token.scope);
    if (token.expiresIn >= 0)
        object.insert(QStringLiteral("expires_in"), token.expiresIn);
    if (token.expiresAt.isValid())
        object.insert(QStringLiteral("expires_at"), token.expiresAt.toUTC().toString(Qt::ISODate));
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<TokenResponse> TokenCache::fromJson(const QByteArray &json)
{
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    TokenResponse token;
    token.accessToken = object.value(QStringLiteral("access_token")).toString();
    if (token.accessToken.isEmpty())
        return std::nullopt;
    token.tokenType = object.value(QStringLiteral("token_type")).toString();
    token.refreshToken = object.value(QStringLiteral("refresh_token")).toString();
    token.idToken = object.value(QStringLiteral("id_token")).toString();
    token.scope = object.value(QStringLiteral("scope")).toString();
    token.expiresIn = object.value(QStringLiteral("expires_in")).toInteger(-1);
    token.expiresAt
        = QDateTime::fromString(object.value(QStringLiteral("expires_at")).toString(), Qt::ISODate);
    if (token.expiresAt.isValid())
        token.expiresAt = token.expiresAt.toUTC();
    token.raw = object;
    return token;
}

} // namespace Sonde
