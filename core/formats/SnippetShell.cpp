// Snippets for command lines: HTTPie, Wget and PowerShell.
#include "formats/SnippetGenerators.h"
#include "formats/SnippetText.h"

#include <QFileInfo>
#include <QSet>

namespace Sonde::SnippetGenerators {

namespace {

using namespace Qt::StringLiterals;
using SnippetText::shell;

/// One command, an item a line, continued with ` \`.
void addCommand(Output &out, const QStringList &items)
{
    for (qsizetype i = 0; i < items.size(); ++i)
        out.add((i == 0 ? QString() : u"  "_s) + items.at(i) + (i + 1 < items.size() ? u" \\"_s : QString()));
}

/// An HTTPie request item's key, with the characters HTTPie takes for separators escaped.
QString httpieKey(const QString &key)
{
    QString escaped;
    for (const QChar c : key) {
        if (c == u'\\' || c == u':' || c == u'=' || c == u'@' || c == u';')
            escaped += u'\\';
        escaped += c;
    }
    return escaped;
}

bool hasDuplicateKeys(const QList<std::pair<QString, QString>> &pairs)
{
    QSet<QString> seen;
    for (const auto &pair : pairs) {
        if (seen.contains(pair.first))
            return true;
        seen.insert(pair.first);
    }
    return false;
}

} // namespace

void httpie(const SnippetRequest &request, Output &out)
{
    authNotes(request, u"HTTPie"_s, {.digest = true}, u"#"_s, out);
    QStringList flags;
    QStringList items;
    switch (request.auth) {
    case SnippetRequest::AuthKind::Basic:
        flags << u"-a "_s + shell(credentials(request));
        break;
    case SnippetRequest::AuthKind::Digest:
        flags << u"-A digest -a "_s + shell(credentials(request));
        break;
    default:
        break;
    }
    const bool formBody = request.bodyKind == SnippetRequest::BodyKind::Form
        || request.bodyKind == SnippetRequest::BodyKind::Multipart;
    for (const auto &[name, value] : request.headers) {
        if (formBody && name.compare(u"Content-Type", Qt::CaseInsensitive) == 0
            && value == u"application/x-www-form-urlencoded")
            continue;
        // `Name:` with nothing after it removes a header in HTTPie; `Name;` sends it empty.
        items << shell(
            value.isEmpty() ? QString(httpieKey(name) + u';') : QString(httpieKey(name) + u':' + value));
    }
    QString stdinFile;
    switch (request.bodyKind) {
    case SnippetRequest::BodyKind::None:
        break;
    case SnippetRequest::BodyKind::Text:
        if (!request.textIsUtf8())
            out.warnings.append(
                u"the body is not UTF-8 text: a command line argument cannot carry it as it is"_s);
        flags << u"--raw "_s + shell(QString::fromUtf8(request.text));
        // HTTPie calls a raw body JSON unless told otherwise.
        if (request.header(u"Content-Type"_s).isNull())
            items << shell(u"Content-Type:"_s);
        break;
    case SnippetRequest::BodyKind::Form:
        flags << u"--form"_s;
        for (const auto &[key, value] : request.fields)
            items << shell(httpieKey(key) + u'=' + value);
        break;
    case SnippetRequest::BodyKind::Multipart:
        flags << u"--multipart"_s;
        for (const SnippetPart &part : request.parts) {
            if (!part.isFile()) {
                if (!part.contentType.isEmpty())
                    out.note(u"#"_s,
                        u"HTTPie sends the part “%1” without its Content-Type (%2)."_s.arg(
                            part.name, part.contentType));
                items << shell(httpieKey(part.name) + u'=' + part.value);
                continue;
            }
            if (part.fileName != QFileInfo(part.filePath).fileName())
                out.note(u"#"_s,
                    u"HTTPie announces the file of “%1” under its own name, not “%2”."_s.arg(
                        part.name, part.fileName));
            QString item = httpieKey(part.name) + u'@' + part.filePath;
            if (!part.contentType.isEmpty())
                item += u";type="_s + part.contentType;
            items << shell(item);
        }
        break;
    case SnippetRequest::BodyKind::File:
        stdinFile = request.filePath;
        break;
    }
    QStringList command {u"http"_s + (flags.isEmpty() ? QString() : u' ' + flags.join(u' ')) + u' '
        + request.method + u' ' + shell(request.url)};
    command += items;
    if (!stdinFile.isEmpty())
        command << u"< "_s + shell(stdinFile);
    addCommand(out, command);
}

void wget(const SnippetRequest &request, Output &out)
{
    authNotes(request, u"Wget"_s, {.digest = true, .ntlm = true}, u"#"_s, out);
    QStringList command {u"wget --quiet --output-document=-"_s};
    if (request.method != u"GET" || request.bodyKind != SnippetRequest::BodyKind::None)
        command << u"--method="_s + shell(request.method);
    switch (request.auth) {
    case SnippetRequest::AuthKind::Basic:
        // Without --auth-no-challenge Wget waits for a 401 before it sends Basic credentials.
        command << u"--auth-no-challenge"_s;
        [[fallthrough]];
    case SnippetRequest::AuthKind::Digest:
        command << u"--user="_s + shell(request.user) << u"--password="_s + shell(request.password);
        break;
    case SnippetRequest::AuthKind::Ntlm:
        command << u"--user="_s + shell(ntlmUser(request)) << u"--password="_s + shell(request.password);
        break;
    default:
        break;
    }
    for (const auto &[name, value] : request.headers)
        command << u"--header="_s + shell(name + u": "_s + value);
    switch (request.bodyKind) {
    case SnippetRequest::BodyKind::None:
        break;
    case SnippetRequest::BodyKind::Text:
    case SnippetRequest::BodyKind::Form:
        if (!request.textIsUtf8())
            out.warnings.append(
                u"the body is not UTF-8 text: a command line argument cannot carry it as it is"_s);
        command << u"--body-data="_s + shell(QString::fromUtf8(request.text));
        break;
    case SnippetRequest::BodyKind::Multipart:
        out.note(u"#"_s,
            u"Wget cannot send a multipart/form-data body: the parts are not sent (curl can send them)."_s);
        break;
    case SnippetRequest::BodyKind::File:
        command << u"--body-file="_s + shell(request.filePath);
        break;
    }
    command << shell(request.url);
    addCommand(out, command);
}

void powerShell(const SnippetRequest &request, Output &out)
{
    using SnippetText::powerShell;
    authNotes(request, u"Invoke-WebRequest"_s, {.digest = true, .ntlm = true}, u"#"_s, out);
    static const QStringList methods {u"GET"_s, u"HEAD"_s, u"POST"_s, u"PUT"_s, u"DELETE"_s, u"TRACE"_s,
        u"OPTIONS"_s, u"MERGE"_s, u"PATCH"_s};
    QStringList entries;
    entries << u"Uri = "_s + powerShell(request.url);
    if (methods.contains(request.method))
        entries << u"Method = "_s + powerShell(request.method);
    else
        entries << u"CustomMethod = "_s + powerShell(request.method);

    QStringList headers;
    QString contentType;
    for (const auto &[name, value] : request.headers) {
        // Invoke-WebRequest takes the body's type as -ContentType, not as a header.
        if (name.compare(u"Content-Type", Qt::CaseInsensitive) == 0
            && request.bodyKind != SnippetRequest::BodyKind::None)
            contentType = value;
        else
            headers << powerShell(name) + u" = "_s + powerShell(value);
    }
    if (request.auth == SnippetRequest::AuthKind::Basic)
        headers << u"'Authorization' = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("_s
                + powerShell(credentials(request)) + u"))"_s;
    if (!headers.isEmpty()) {
        entries << u"Headers = @{"_s;
        for (const QString &header : std::as_const(headers))
            entries << u"    "_s + header;
        entries << u"}"_s;
    }
    if (!contentType.isEmpty())
        entries << u"ContentType = "_s + powerShell(contentType);

    switch (request.bodyKind) {
    case SnippetRequest::BodyKind::None:
        break;
    case SnippetRequest::BodyKind::Text: {
        if (!request.textIsUtf8())
            out.warnings.append(
                u"the body is not UTF-8 text: it is written as text with replacement characters"_s);
        const QString text = QString::fromUtf8(request.text);
        const bool ascii
            = std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
        // A string body is encoded as ISO-8859-1 by PowerShell before 7.4: bytes say UTF-8 everywhere.
        entries << (ascii ? QString(u"Body = "_s + powerShell(text))
                          : QString(u"Body = [Text.Encoding]::UTF8.GetBytes("_s + powerShell(text) + u')'));
        break;
    }
    case SnippetRequest::BodyKind::Form:
        if (hasDuplicateKeys(request.fields)) {
            entries << u"Body = "_s + powerShell(QString::fromLatin1(request.text));
        } else {
            entries << u"Body = [ordered]@{"_s;
            for (const auto &[key, value] : request.fields)
                entries << u"    "_s + powerShell(key) + u" = "_s + powerShell(value);
            entries << u"}"_s;
        }
        break;
    case SnippetRequest::BodyKind::Multipart:
        entries << u"Form = [ordered]@{"_s;
        for (const SnippetPart &part : request.parts) {
            if (part.isFile()) {
                if (part.fileName != QFileInfo(part.filePath).fileName() || !part.contentType.isEmpty())
                    out.note(u"#"_s,
                        u"-Form sends the file of “%1” under its own name and as application/octet-stream."_s
                            .arg(part.name));
                entries << u"    "_s + powerShell(part.name) + u" = Get-Item -LiteralPath "_s
                        + powerShell(part.filePath);
            } else {
                if (!part.contentType.isEmpty())
                    out.note(u"#"_s,
                        u"-Form sends the part “%1” without its Content-Type (%2)."_s.arg(
                            part.name, part.contentType));
                entries << u"    "_s + powerShell(part.name) + u" = "_s + powerShell(part.value);
            }
        }
        entries << u"}"_s;
        break;
    case SnippetRequest::BodyKind::File:
        entries << u"InFile = "_s + powerShell(request.filePath);
        break;
    }
    if (request.auth == SnippetRequest::AuthKind::Digest || request.auth == SnippetRequest::AuthKind::Ntlm) {
        const QString user
            = request.auth == SnippetRequest::AuthKind::Ntlm ? ntlmUser(request) : request.user;
        entries << u"Credential = [pscredential]::new("_s + powerShell(user) + u", (ConvertTo-SecureString "_s
                + powerShell(request.password) + u" -AsPlainText -Force))"_s;
        if (request.url.startsWith(u"http:", Qt::CaseInsensitive))
            entries << u"AllowUnencryptedAuthentication = $true"_s;
    }
    if (request.bodyKind == SnippetRequest::BodyKind::Multipart || !methods.contains(request.method))
        out.add(u"# PowerShell 7 or later"_s);
    out.add(u"$request = @{"_s);
    for (const QString &entry : std::as_const(entries))
        out.add(u"    "_s + entry);
    out.add(u"}"_s);
    out.add(u"$response = Invoke-WebRequest @request"_s);
    out.add(u"$response.StatusCode"_s);
    out.add(u"$response.Content"_s);
}

} // namespace Sonde::SnippetGenerators
