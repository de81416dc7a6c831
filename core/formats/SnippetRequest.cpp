#include "formats/SnippetRequest.h"

#include "auth/AuthApply.h"
#include "http/RequestBuilder.h"
#include "model/PathParams.h"

#include <QFileInfo>
#include <QStringDecoder>

namespace Sonde {

namespace {

using namespace Qt::StringLiterals;

/// `url` with `query` (already encoded) appended before any fragment.
QString withQuery(const QString &url, const QString &query)
{
    if (query.isEmpty())
        return url;
    return url + (url.contains(u'?') ? u"&"_s : u"?"_s) + query;
}

bool hasQueryParameter(const QString &url, const QString &name)
{
    const qsizetype question = url.indexOf(u'?');
    if (question < 0)
        return false;
    const QStringList pairs = url.mid(question + 1).split(u'&');
    for (const QString &pair : pairs) {
        const QString key = pair.left(pair.indexOf(u'=') < 0 ? pair.size() : pair.indexOf(u'='));
        if (QString::fromUtf8(QByteArray::fromPercentEncoding(key.toUtf8())) == name)
            return true;
    }
    return false;
}

void setDefaultHeader(QList<std::pair<QString, QString>> &headers, const QString &name, const QString &value)
{
    for (const auto &header : std::as_const(headers)) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return;
    }
    headers.append({name, value});
}

} // namespace

QString SnippetRequest::header(const QString &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool SnippetRequest::textIsUtf8() const
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    [[maybe_unused]] const QString decoded = decoder(text);
    return !decoder.hasError();
}

SnippetRequest SnippetRequest::fromRequest(const Request &request, QString *problem)
{
    SnippetRequest out;
    out.method = request.method.trimmed().toUpper();
    if (out.method.isEmpty())
        out.method = u"GET"_s;

    QString url = PathParams::substitute(request.url, request.pathParams).trimmed();
    if (const qsizetype hash = url.indexOf(u'#'); hash >= 0)
        url.truncate(hash);
    // As the address bar: "example.com/x" means http://; a URL that starts with a variable gets its
    // scheme from the variable's value.
    if (!url.isEmpty() && !url.contains(u"://"_s) && !url.startsWith(u"{{"_s))
        url.prepend(u"http://"_s);

    // The user's headers, a repeated name joined as it is sent (RFC 9110 §5.3).
    for (const KeyValue &row : request.headers) {
        if (!row.enabled || row.key.trimmed().isEmpty())
            continue;
        const QString name = row.key.trimmed();
        auto existing = std::find_if(out.headers.begin(), out.headers.end(),
            [&name](const auto &header) { return header.first.compare(name, Qt::CaseInsensitive) == 0; });
        if (existing != out.headers.end())
            existing->second
                += (name.compare(u"Cookie", Qt::CaseInsensitive) == 0 ? u"; "_s : u", "_s) + row.value;
        else
            out.headers.append({name, row.value});
    }

    const AuthConfig &auth = request.auth;
    switch (auth.type) {
    case AuthConfig::Type::Inherit:
    case AuthConfig::Type::None:
        break;
    case AuthConfig::Type::Basic:
        out.auth = AuthKind::Basic;
        out.user = auth.basic.username;
        out.password = auth.basic.password;
        break;
    case AuthConfig::Type::Digest:
        out.auth = AuthKind::Digest;
        out.user = auth.digest.username;
        out.password = auth.digest.password;
        break;
    case AuthConfig::Type::Ntlm:
        out.auth = AuthKind::Ntlm;
        out.user = auth.ntlm.username;
        out.password = auth.ntlm.password;
        out.domain = auth.ntlm.domain;
        break;
    case AuthConfig::Type::AwsSigV4:
        out.auth = AuthKind::AwsSigV4;
        out.aws = auth.aws;
        if (!auth.aws.sessionToken.isEmpty())
            setDefaultHeader(out.headers, u"X-Amz-Security-Token"_s, auth.aws.sessionToken);
        break;
    case AuthConfig::Type::Bearer:
    case AuthConfig::Type::OAuth2: {
        out.oauth2 = auth.type == AuthConfig::Type::OAuth2;
        const auto [name, value] = AuthApply::header(auth);
        setDefaultHeader(out.headers, QString::fromLatin1(name), QString::fromUtf8(value));
        break;
    }
    case AuthConfig::Type::ApiKey:
        if (auth.apiKey.in == ApiKey::Location::Header) {
            setDefaultHeader(out.headers, auth.apiKey.name.trimmed(), auth.apiKey.value);
        } else if (!auth.apiKey.name.trimmed().isEmpty()
            && !hasQueryParameter(url, auth.apiKey.name.trimmed())) {
            // `{}` kept, so that a `{{variable}}` stays readable as one.
            url = withQuery(url,
                QString::fromLatin1(auth.apiKey.name.trimmed().toUtf8().toPercentEncoding("{}") + '='
                    + auth.apiKey.value.toUtf8().toPercentEncoding("{}")));
        }
        break;
    }

    const Body &body = request.body;
    QString bodyType;
    switch (body.kind) {
    case Body::Kind::None:
        break;
    case Body::Kind::Raw:
        out.bodyKind = BodyKind::Text;
        out.text = body.data;
        bodyType = body.contentType;
        break;
    case Body::Kind::FormUrlEncoded:
        out.bodyKind = BodyKind::Form;
        for (const KeyValue &field : body.fields) {
            if (field.enabled)
                out.fields.append({field.key, field.value});
        }
        out.text = RequestBuilder::formEncode(body.fields);
        bodyType = u"application/x-www-form-urlencoded"_s;
        break;
    case Body::Kind::Multipart:
        out.bodyKind = BodyKind::Multipart;
        for (const MultipartPart &part : body.parts) {
            if (!part.enabled)
                continue;
            SnippetPart snippetPart {part.name, part.value, part.filePath, part.fileName, part.contentType};
            if (part.isFile() && snippetPart.fileName.isEmpty())
                snippetPart.fileName = QFileInfo(part.filePath).fileName();
            out.parts.append(snippetPart);
        }
        // The library writes the boundary: a Content-Type of the user's would lack it.
        out.headers.removeIf([](const auto &header) {
            return header.first.compare(u"Content-Type", Qt::CaseInsensitive) == 0;
        });
        break;
    case Body::Kind::Binary:
        out.bodyKind = BodyKind::File;
        out.filePath = body.filePath;
        bodyType
            = body.contentType.isEmpty() ? RequestBuilder::guessContentType(body.filePath) : body.contentType;
        break;
    case Body::Kind::GraphQL: {
        QString graphqlProblem;
        QByteArray json = RequestBuilder::graphqlJson(body, &graphqlProblem);
        if (!graphqlProblem.isEmpty()) {
            if (problem)
                *problem = graphqlProblem;
            Body withoutVariables = body;
            withoutVariables.graphqlVariables.clear();
            json = RequestBuilder::graphqlJson(withoutVariables, &graphqlProblem);
        }
        if (body.graphqlUseGet) {
            out.method = u"GET"_s;
            url = withQuery(url, QString::fromLatin1(RequestBuilder::graphqlQuery(json)));
        } else {
            out.method = u"POST"_s;
            out.bodyKind = BodyKind::Text;
            out.text = json;
            bodyType = u"application/json"_s;
        }
        break;
    }
    }
    if (!bodyType.isEmpty())
        setDefaultHeader(out.headers, u"Content-Type"_s, bodyType);
    out.url = url;
    return out;
}

} // namespace Sonde
