#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Sonde {

/// A JSON Web Token taken apart (RFC 7519, JWS compact serialization): its header and claims, without
/// verifying the signature — for reading what a token says, not for trusting it.
struct Jwt
{
    /// One of the time claims (exp, nbf, iat): when it is, and how far from `now` it was decoded at.
    struct TimeClaim
    {
        QString name;
        QDateTime time;
        /// Seconds from now until `time`; negative when it is past.
        qint64 secondsFromNow = 0;
    };

    QJsonObject header;
    QJsonObject claims;
    QByteArray signature;
    /// exp, nbf and iat, in that order, for those present as numbers.
    QList<TimeClaim> times;

    /// Decodes `token` (surrounding white space and a leading "Bearer " are ignored) with `now` as the
    /// reference for the time claims; nullopt with `*problem` in words when it is not a JWT.
    static std::optional<Jwt> decode(const QString &token, const QDateTime &now, QString *problem);

    /// "3 h 5 min", "42 s", "2 d 1 h": a duration for people.
    static QString describeDuration(qint64 seconds);
};

} // namespace Sonde
