#include "formats/Snippets.h"

#include "formats/CurlExport.h"
#include "formats/SnippetGenerators.h"

namespace Sonde {

namespace {

using namespace Qt::StringLiterals;
using Generator = void (*)(const SnippetRequest &, SnippetGenerators::Output &);

struct Entry
{
    SnippetTarget target;
    Generator generator; // null for curl, which CurlExport writes
};

const QList<Entry> &entries()
{
    static const QList<Entry> list {
        {{u"curl"_s, u"cURL"_s, u"shell"_s, u"sh"_s}, nullptr},
        {{u"httpie"_s, u"HTTPie"_s, u"shell"_s, u"sh"_s}, &SnippetGenerators::httpie},
        {{u"wget"_s, u"Wget"_s, u"shell"_s, u"sh"_s}, &SnippetGenerators::wget},
        {{u"python-requests"_s, u"Python (requests)"_s, u"python"_s, u"py"_s},
            &SnippetGenerators::pythonRequests},
        {{u"javascript-fetch"_s, u"JavaScript (fetch)"_s, u"javascript"_s, u"mjs"_s},
            &SnippetGenerators::javaScriptFetch},
        {{u"node-axios"_s, u"Node.js (axios)"_s, u"javascript"_s, u"mjs"_s}, &SnippetGenerators::nodeAxios},
        {{u"go"_s, u"Go (net/http)"_s, u"go"_s, u"go"_s}, &SnippetGenerators::go},
        {{u"java"_s, u"Java (HttpClient)"_s, u"java"_s, u"java"_s}, &SnippetGenerators::java},
        {{u"csharp"_s, u"C# (HttpClient)"_s, u"csharp"_s, u"cs"_s}, &SnippetGenerators::csharp},
        {{u"php-curl"_s, u"PHP (cURL)"_s, u"php"_s, u"php"_s}, &SnippetGenerators::phpCurl},
        {{u"powershell"_s, u"PowerShell"_s, u"powershell"_s, u"ps1"_s}, &SnippetGenerators::powerShell},
        {{u"qt"_s, u"Qt C++ (QNetworkAccessManager)"_s, u"cpp"_s, u"cpp"_s}, &SnippetGenerators::qt},
    };
    return list;
}

const Entry *entry(const QString &id)
{
    for (const Entry &candidate : entries()) {
        if (candidate.target.id.compare(id, Qt::CaseInsensitive) == 0)
            return &candidate;
    }
    return nullptr;
}

} // namespace

namespace SnippetGenerators {

void authNotes(const SnippetRequest &request, const QString &targetName, NativeAuth native,
    const QString &commentPrefix, Output &out)
{
    switch (request.auth) {
    case SnippetRequest::AuthKind::Digest:
        if (!native.digest)
            out.note(commentPrefix,
                u"Digest auth answers the server's challenge, which %1 cannot do by itself: no credentials are sent."_s
                    .arg(targetName));
        break;
    case SnippetRequest::AuthKind::Ntlm:
        if (!native.ntlm)
            out.note(commentPrefix,
                u"NTLM auth is a handshake with the server, which %1 cannot do by itself: no credentials are sent."_s
                    .arg(targetName));
        break;
    case SnippetRequest::AuthKind::AwsSigV4:
        if (!native.sigV4)
            out.note(commentPrefix,
                u"AWS Signature Version 4 (region %1, service %2) signs each request; %3 has no signer built in: sign it with an AWS SDK. No signature is sent."_s
                    .arg(request.aws.region, request.aws.service, targetName));
        break;
    case SnippetRequest::AuthKind::None:
    case SnippetRequest::AuthKind::Basic:
        break;
    }
    if (request.oauth2)
        out.note(commentPrefix,
            u"The access token comes from an OAuth 2.0 flow, which this does not run: the token is sent as it is."_s);
}

QString credentials(const SnippetRequest &request)
{
    if (request.auth == SnippetRequest::AuthKind::Ntlm)
        return ntlmUser(request) + u':' + request.password;
    return request.user + u':' + request.password;
}

QString ntlmUser(const SnippetRequest &request)
{
    return request.domain.isEmpty() ? request.user : request.domain + u'\\' + request.user;
}

bool isContentHeader(const QString &name)
{
    static const QStringList names {u"Content-Type"_s, u"Content-Length"_s, u"Content-Encoding"_s,
        u"Content-Language"_s, u"Content-Disposition"_s, u"Content-Location"_s, u"Content-MD5"_s,
        u"Content-Range"_s, u"Expires"_s, u"Last-Modified"_s, u"Allow"_s};
    return names.contains(name, Qt::CaseInsensitive);
}

} // namespace SnippetGenerators

namespace Snippets {

QList<SnippetTarget> targets()
{
    QList<SnippetTarget> list;
    for (const Entry &candidate : entries())
        list.append(candidate.target);
    return list;
}

const SnippetTarget *target(const QString &id)
{
    const Entry *found = entry(id);
    return found ? &found->target : nullptr;
}

QString generate(const QString &targetId, const Request &request, QStringList *warnings)
{
    const Entry *found = entry(targetId);
    if (!found)
        return {};
    if (!found->generator)
        return CurlExport::toCommand(request, {true}, warnings) + u'\n';
    QString problem;
    const SnippetRequest snippet = SnippetRequest::fromRequest(request, &problem);
    SnippetGenerators::Output out;
    if (!problem.isEmpty())
        out.warnings.append(problem + u" The GraphQL query is sent without them."_s);
    found->generator(snippet, out);
    if (warnings)
        *warnings += out.warnings;
    return out.lines.join(u'\n') + u'\n';
}

} // namespace Snippets
} // namespace Sonde
