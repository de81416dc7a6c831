#include "auth/Pkce.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QRandomGenerator>

namespace Sonde::Pkce {

namespace {

constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

} // namespace

QString makeVerifier()
{
    quint32 words[8];
    QRandomGenerator::system()->fillRange(words);
    const QByteArray bytes(reinterpret_cast<const char *>(words), sizeof(words));
    return QString::fromLatin1(bytes.toBase64(Base64Url));
}

QString challenge(const QString &verifier, OAuth2::Pkce method)
{
    switch (method) {
    case OAuth2::Pkce::None:
        return {};
    case OAuth2::Pkce::Plain:
        return verifier;
    case OAuth2::Pkce::S256:
        break;
    }
    const QByteArray digest = QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toBase64(Base64Url));
}

QString methodName(OAuth2::Pkce method)
{
    switch (method) {
    case OAuth2::Pkce::None:
        return {};
    case OAuth2::Pkce::Plain:
        return QStringLiteral("plain");
    case OAuth2::Pkce::S256:
        break;
    }
    return QStringLiteral("S256");
}

} // namespace Sonde::Pkce
