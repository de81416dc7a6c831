#include "auth/Jwt.h"

#include <QJsonDocument>

namespace Sonde {

namespace {

std::optional<QByteArray> base64Url(const QByteArray &part)
{
    const auto result = QByteArray::fromBase64Encoding(
        part, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (result.decodingStatus != QByteArray::Base64DecodingStatus::Ok)
        return std::nullopt;
    return result.decoded;
}

std::optional<QJsonObject> jsonPart(const QByteArray &part, const char *what, QString *problem)
{
    const auto bytes = base64Url(part);
    if (!bytes) {
        *problem = QStringLiteral("The token's %1 is not base64url text.").arg(QLatin1String(what));
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        *problem = QStringLiteral("The token's %1 is not a JSON object.").arg(QLatin1String(what));
        return std::nullopt;
    }
    return document.object();
}

} // namespace

std::optional<Jwt> Jwt::decode(const QString &token, const QDateTime &now, QString *problem)
{
    QString text = token.trimmed();
    if (text.startsWith(QStringLiteral("Bearer "), Qt::CaseInsensitive))
        text = text.mid(7).trimmed();
    if (text.isEmpty()) {
        *problem = QStringLiteral("The token is empty.");
        return std::nullopt;
    }
    const QList<QByteArray> parts = text.toLatin1().split('.');
    if (parts.size() == 5) {
        *problem = QStringLiteral("This is an encrypted JWT (JWE, five parts): its claims cannot be read "
                                  "without the recipient's key.");
        return std::nullopt;
    }
    if (parts.size() != 3) {
        *problem = QStringLiteral("A JWT has three parts separated by dots (header.claims.signature); this "
                                  "has %1.")
                       .arg(parts.size());
        return std::nullopt;
    }
    Jwt jwt;
    const auto header = jsonPart(parts.at(0), "header", problem);
    if (!header)
        return std::nullopt;
    const auto claims = jsonPart(parts.at(1), "claims part", problem);
    if (!claims)
        return std::nullopt;
    const auto signature = base64Url(parts.at(2));
    if (!signature) {
        *problem = QStringLiteral("The token's signature is not base64url text.");
        return std::nullopt;
    }
    jwt.header = *header;
    jwt.claims = *claims;
    jwt.signature = *signature;
    for (const char *name : {"exp", "nbf", "iat"}) {
        const QJsonValue value = jwt.claims.value(QLatin1String(name));
        if (!value.isDouble())
            continue;
        const auto seconds = static_cast<qint64>(value.toDouble());
        const QDateTime time = QDateTime::fromSecsSinceEpoch(seconds).toUTC();
        jwt.times.append({QString::fromLatin1(name), time, now.secsTo(time)});
    }
    return jwt;
}

QString Jwt::describeDuration(qint64 seconds)
{
    seconds = qAbs(seconds);
    const qint64 days = seconds / 86400;
    const qint64 hours = seconds % 86400 / 3600;
    const qint64 minutes = seconds % 3600 / 60;
    const qint64 rest = seconds % 60;
    if (days > 0)
        return hours > 0 ? QStringLiteral("%1 d %2 h").arg(days).arg(hours) : QStringLiteral("%1 d").arg(days);
    if (hours > 0)
        return minutes > 0 ? QStringLiteral("%1 h %2 min").arg(hours).arg(minutes) : QStringLiteral("%1 h").arg(hours);
    if (minutes > 0)
        return rest > 0 ? QStringLiteral("%1 min %2 s").arg(minutes).arg(rest) : QStringLiteral("%1 min").arg(minutes);
    return QStringLiteral("%1 s").arg(rest);
}

} // namespace Sonde
