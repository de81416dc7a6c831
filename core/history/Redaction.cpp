#include "history/Redaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <algorithm>

namespace Sonde {

namespace {

/// The secret as it appears inside a JSON string: `"` and `\` escaped, controls as \uXXXX.
QByteArray jsonEscaped(const QString &value)
{
    const QByteArray array = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return array.mid(2, array.size() - 4); // ["…"]
}

/// "Bearer abc" → "Bearer [redacted]"; a value without a scheme → "[redacted]".
QByteArray redactAuthorization(const QByteArray &value)
{
    const QByteArray trimmed = value.trimmed();
    const qsizetype space = trimmed.indexOf(' ');
    if (space > 0) {
        const QByteArray scheme = trimmed.left(space);
        const bool isToken = std::all_of(scheme.cbegin(), scheme.cend(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
        });
        if (isToken)
            return scheme + ' ' + Redaction::Marker;
    }
    return Redaction::Marker;
}

/// "a=1; b=2" → "a=[redacted]; b=[redacted]".
QByteArray redactCookiePairs(const QByteArray &value)
{
    QList<QByteArray> pairs = value.split(';');
    for (QByteArray &pair : pairs) {
        const qsizetype equals = pair.indexOf('=');
        pair = equals < 0 ? QByteArray(Redaction::Marker) : pair.left(equals + 1) + Redaction::Marker;
    }
    return pairs.join(';');
}

/// "sid=abc; Path=/; HttpOnly" → "sid=[redacted]; Path=/; HttpOnly": the attributes are not secret.
QByteArray redactSetCookie(const QByteArray &value)
{
    const qsizetype semicolon = value.indexOf(';');
    const QByteArray pair = semicolon < 0 ? value : value.left(semicolon);
    const QByteArray attributes = semicolon < 0 ? QByteArray() : value.mid(semicolon);
    return redactCookiePairs(pair) + attributes;
}

} // namespace

Redaction::Redaction(const QStringList &secretValues, bool keepSecrets)
    : m_keepSecrets(keepSecrets)
{
    for (const QString &secret : secretValues) {
        if (secret.isEmpty())
            continue;
        const QByteArray escaped = jsonEscaped(secret);
        // JSON writers may escape '/' too ("a\/b"), Qt's does not.
        const QByteArray forms[] = {secret.toUtf8(), QUrl::toPercentEncoding(secret), escaped,
            QByteArray(escaped).replace("/", "\\/")};
        for (const QByteArray &form : forms) {
            if (!m_forms.contains(form))
                m_forms.append(form);
        }
    }
    std::sort(m_forms.begin(), m_forms.end(),
        [](const QByteArray &a, const QByteArray &b) { return a.size() > b.size(); });
    m_longest = m_forms.isEmpty() ? 0 : m_forms.constFirst().size();
}

bool Redaction::isCredentialHeader(QByteArrayView name)
{
    return name.compare("Authorization", Qt::CaseInsensitive) == 0
        || name.compare("Proxy-Authorization", Qt::CaseInsensitive) == 0
        || name.compare("Cookie", Qt::CaseInsensitive) == 0
        || name.compare("Set-Cookie", Qt::CaseInsensitive) == 0;
}

QStringList Redaction::credentialsIn(const HeaderList &headers)
{
    // Shorter values ("dark", "1") would scrub ordinary words all over a body.
    constexpr qsizetype MinimumLength = 8;
    QStringList credentials;
    const auto add = [&credentials](const QByteArray &value) {
        const QByteArray trimmed = value.trimmed();
        if (trimmed.size() >= MinimumLength && !credentials.contains(QString::fromUtf8(trimmed)))
            credentials.append(QString::fromUtf8(trimmed));
    };
    for (const auto &[name, value] : headers) {
        if (name.compare("Authorization", Qt::CaseInsensitive) == 0
            || name.compare("Proxy-Authorization", Qt::CaseInsensitive) == 0) {
            const QByteArray trimmed = value.trimmed();
            const qsizetype space = trimmed.indexOf(' ');
            add(space > 0 ? trimmed.mid(space + 1) : trimmed);
        } else if (const bool setCookie = name.compare("Set-Cookie", Qt::CaseInsensitive) == 0;
                   setCookie || name.compare("Cookie", Qt::CaseInsensitive) == 0) {
            // Set-Cookie: only the pair before the attributes.
            const QByteArray pairs = setCookie ? value.left(value.indexOf(';')) : value;
            for (const QByteArray &pair : pairs.split(';')) {
                const qsizetype equals = pair.indexOf('=');
                add(equals < 0 ? pair : pair.mid(equals + 1));
            }
        }
    }
    return credentials;
}

QByteArray Redaction::headerValue(QByteArrayView name, const QByteArray &value) const
{
    if (m_keepSecrets)
        return value;
    if (name.compare("Authorization", Qt::CaseInsensitive) == 0
        || name.compare("Proxy-Authorization", Qt::CaseInsensitive) == 0)
        return redactAuthorization(value);
    if (name.compare("Cookie", Qt::CaseInsensitive) == 0)
        return redactCookiePairs(value);
    if (name.compare("Set-Cookie", Qt::CaseInsensitive) == 0)
        return redactSetCookie(value);
    return bytes(value);
}

HeaderList Redaction::headers(const HeaderList &headers) const
{
    if (m_keepSecrets)
        return headers;
    HeaderList redacted;
    redacted.reserve(headers.size());
    for (const auto &[name, value] : headers)
        redacted.append({name, headerValue(name, value)});
    return redacted;
}

KeyValueList Redaction::headerRows(const KeyValueList &rows) const
{
    if (m_keepSecrets)
        return rows;
    KeyValueList redacted = rows;
    for (KeyValue &row : redacted)
        row.value = QString::fromUtf8(headerValue(row.key.trimmed().toLatin1(), row.value.toUtf8()));
    return redacted;
}

QString Redaction::url(const QString &url) const
{
    if (m_keepSecrets)
        return url;
    QString result = url;
    const QUrl parsed(url);
    if (parsed.isValid() && !parsed.password().isEmpty()) {
        // "scheme://user:password@host" → "scheme://user:[redacted]@host"
        const QString withoutPassword = parsed.toString(QUrl::RemovePassword | QUrl::FullyEncoded);
        const qsizetype authority = withoutPassword.indexOf(u"://");
        const qsizetype at = withoutPassword.indexOf(u'@', authority + 3);
        if (authority > 0 && at > authority)
            result = withoutPassword.left(at) + u':' + QLatin1StringView(Marker) + withoutPassword.mid(at);
    }
    return text(result);
}

Request Redaction::request(Request request) const
{
    // Secret variables never leave the keychain, whatever the setting.
    for (Variable &variable : request.variables) {
        if (variable.secret)
            variable.value.clear();
    }
    // A proxy password is only ever a (resolved) reference to a secret.
    request.settings.proxy.password.clear();
    // So are the auth's passwords, tokens and keys.
    request.auth = request.auth.withoutSecrets();
    if (m_keepSecrets)
        return request;
    for (Variable &variable : request.variables)
        variable.value = text(variable.value);
    request.url = url(request.url);
    for (KeyValue &param : request.params)
        param.value = text(param.value);
    for (KeyValue &param : request.pathParams)
        param.value = text(param.value);
    request.headers = headerRows(request.headers);
    Body &body = request.body;
    body.data = bytes(body.data);
    for (KeyValue &field : body.fields)
        field.value = text(field.value);
    for (MultipartPart &part : body.parts)
        part.value = text(part.value);
    body.graphqlQuery = text(body.graphqlQuery);
    body.graphqlVariables = text(body.graphqlVariables);
    return request;
}

QByteArray Redaction::bytes(QByteArray bytes) const
{
    if (m_keepSecrets)
        return bytes;
    for (const QByteArray &form : m_forms)
        bytes.replace(form, Marker);
    return bytes;
}

QString Redaction::text(const QString &text) const
{
    if (m_keepSecrets || m_forms.isEmpty())
        return text;
    return QString::fromUtf8(bytes(text.toUtf8()));
}

} // namespace Sonde
