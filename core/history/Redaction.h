#pragma once

#include "model/Exchange.h"
#include "model/KeyValue.h"
#include "model/Request.h"

#include <QStringList>

namespace Sonde {

/// Takes credentials out of what history stores, before it is stored.
///
/// The values of the Authorization, Proxy-Authorization, Cookie and Set-Cookie headers become
/// "[redacted]" (an authorization keeps its scheme, "Bearer [redacted]"; a cookie keeps its names and
/// attributes, "sid=[redacted]; Path=/"), a password in a URL becomes "[redacted]", and every occurrence
/// of a secret value — as written, percent-encoded or JSON-escaped — is replaced anywhere in URLs,
/// header values and bodies. With `keepSecrets` nothing changes (a setting the user turns on).
class Redaction
{
public:
    static constexpr auto Marker = "[redacted]";

    Redaction() = default;
    /// Empty secret values are ignored.
    explicit Redaction(const QStringList &secretValues, bool keepSecrets = false);

    bool keepsSecrets() const { return m_keepSecrets; }
    /// The length in bytes of the longest form of a secret: a caller cutting a body should read this
    /// much past the cut, so a secret lying across it is still found.
    qsizetype longestSecret() const { return m_longest; }

    /// True for the four headers whose values are credentials.
    static bool isCredentialHeader(QByteArrayView name);
    /// The credentials in `headers` worth scrubbing elsewhere too (an echo service returns them in its
    /// body): authorization tokens without their scheme, and cookie values, of 8 characters or more.
    static QStringList credentialsIn(const HeaderList &headers);

    HeaderList headers(const HeaderList &headers) const;
    KeyValueList headerRows(const KeyValueList &rows) const;
    QByteArray headerValue(QByteArrayView name, const QByteArray &value) const;
    QString url(const QString &url) const;
    /// The request with its URL, query, headers, body (of every kind) and non-secret variables scrubbed,
    /// and its secret variables, proxy password and auth secrets (passwords, tokens, keys) emptied.
    Request request(Request request) const;
    QByteArray bytes(QByteArray bytes) const;
    QString text(const QString &text) const;

private:
    /// Every form of every secret, longest first, so a longer form is replaced before a shorter one
    /// that it contains.
    QList<QByteArray> m_forms;
    qsizetype m_longest = 0;
    bool m_keepSecrets = false;
};

} // namespace Sonde
