// The requests code snippets are tested with: the golden files of tst_snippets and, with real files
// and the echo server's URL, the snippets tst_snippetrun runs.
#pragma once

#include "model/QueryParams.h"
#include "model/Request.h"

#include <QList>
#include <QString>

namespace SnippetCases {

using namespace Qt::StringLiterals;
using Sonde::Body;
using Sonde::Request;

struct Case
{
    QString name;
    Request request;
};

inline Request make(
    const QString &method, const QString &url, const QList<std::pair<QString, QString>> &headers = {})
{
    Request r;
    r.method = method;
    r.url = url;
    r.params = Sonde::QueryParams::parse(url);
    for (const auto &[name, value] : headers)
        r.headers.append({name, value, true});
    return r;
}

/// The cases with `base` as the server (`https://api.example.com` in the golden files) and `dir` as the
/// folder of the files they upload: `report.csv` and `photo.png`.
inline QList<Case> cases(const QString &base, const QString &dir)
{
    QList<Case> list;
    list.append({u"get-query-headers"_s,
        make(u"GET"_s, base + u"/users?page=2&sort=name"_s,
            {{u"Accept"_s, u"application/json"_s}, {u"X-Request-Id"_s, u"42"_s}})});

    Request json = make(u"POST"_s, base + u"/users"_s);
    json.body = Body {Body::Kind::Raw, u"application/json"_s, R"({"name": "Ada", "tags": ["math", "code"]})"};
    list.append({u"json-post"_s, json});

    Request form = make(u"POST"_s, base + u"/login"_s);
    form.body.kind = Body::Kind::FormUrlEncoded;
    form.body.fields = {{u"name"_s, u"Ada Lovelace"_s, true}, {u"note"_s, u"a&b=c+d"_s, true},
        {u"drink"_s, u"café ☕"_s, true}, {u"off"_s, u"not sent"_s, false}};
    list.append({u"form-urlencoded"_s, form});

    Request multipart = make(u"POST"_s, base + u"/upload"_s);
    multipart.body.kind = Body::Kind::Multipart;
    multipart.body.parts
        = {{u"title"_s, u"Q3 report"_s}, {u"file"_s, {}, dir + u"/report.csv"_s, u"text/csv"_s, {}},
            {u"photo"_s, {}, dir + u"/photo.png"_s, {}, u"renamed.png"_s}};
    list.append({u"multipart-file"_s, multipart});

    Request binary = make(u"PUT"_s, base + u"/photos/7"_s);
    binary.body.kind = Body::Kind::Binary;
    binary.body.filePath = dir + u"/photo.png"_s;
    binary.body.contentType = u"image/png"_s;
    list.append({u"binary-upload"_s, binary});

    Request graphql = make(u"POST"_s, base + u"/graphql"_s);
    graphql.body.kind = Body::Kind::GraphQL;
    graphql.body.graphqlQuery = u"query User($id: ID!) {\n  user(id: $id) { name }\n}"_s;
    graphql.body.graphqlVariables = uR"({"id": "7"})"_s;
    graphql.body.graphqlOperationName = u"User"_s;
    list.append({u"graphql"_s, graphql});

    Request basic = make(u"GET"_s, base + u"/me"_s);
    basic.auth.type = Sonde::AuthConfig::Type::Basic;
    basic.auth.basic = {u"ada"_s, u"s3cret!"_s};
    list.append({u"basic-auth"_s, basic});

    Request bearer = make(u"GET"_s, base + u"/me"_s);
    bearer.auth.type = Sonde::AuthConfig::Type::Bearer;
    bearer.auth.bearer.token = u"eyJhbGciOiJIUzI1NiJ9.e30.token"_s;
    list.append({u"bearer"_s, bearer});

    Request apiKey = make(u"GET"_s, base + u"/search?q=owl"_s);
    apiKey.auth.type = Sonde::AuthConfig::Type::ApiKey;
    apiKey.auth.apiKey = {u"api_key"_s, u"k-123 456"_s, Sonde::ApiKey::Location::Query};
    list.append({u"api-key-query"_s, apiKey});

    // Quotes of every kind, backslashes, line breaks, a tab, what shells and PHP or PowerShell would
    // interpolate, non-ASCII text and typographic quotes.
    Request tricky = make(u"POST"_s, base + u"/notes?tag=a%20b"_s,
        {{u"X-Note"_s, uR"(it's "$5" \ `x` ${HOME} {{kept}})"_s}, {u"X-Empty"_s, {}}});
    tricky.body = Body {Body::Kind::Raw, u"text/plain; charset=utf-8"_s,
        u"He said: \"it's $HOME\\n\" — ‘quoted’ “twice”\n\tcafé ☕ `cmd` ${x} %s {{var}} <?php ?>\r\nend\\"_s
            .toUtf8()};
    list.append({u"tricky-escaping"_s, tricky});

    Request digest = make(u"DELETE"_s, base + u"/items/3"_s);
    digest.auth.type = Sonde::AuthConfig::Type::Digest;
    digest.auth.digest = {u"ada"_s, u"pa$$"_s};
    list.append({u"digest-auth"_s, digest});

    return list;
}

} // namespace SnippetCases
