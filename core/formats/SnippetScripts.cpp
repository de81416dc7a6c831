// Snippets for scripting languages: Python (requests), JavaScript (fetch), Node.js (axios) and PHP (cURL).
#include "formats/SnippetGenerators.h"
#include "formats/SnippetText.h"

namespace Sonde::SnippetGenerators {

namespace {

using namespace Qt::StringLiterals;

bool isAscii(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
}

/// A JavaScript expression for `Basic <base64(user:password in UTF-8)>`; btoa() takes Latin-1 only.
QString javaScriptBasic(const SnippetRequest &request)
{
    const QString pair = SnippetText::javaScript(credentials(request));
    return isAscii(credentials(request))
        ? QString(u"\"Basic \" + btoa("_s + pair + u')')
        : QString(u"\"Basic \" + btoa(String.fromCharCode(...new TextEncoder().encode("_s + pair + u")))"_s);
}

/// `const form = new FormData();` and its parts, files read with Node's openAsBlob.
void javaScriptForm(const SnippetRequest &request, Output &out)
{
    using SnippetText::javaScript;
    out.add(u"const form = new FormData();"_s);
    for (const SnippetPart &part : request.parts) {
        if (!part.isFile()) {
            if (!part.contentType.isEmpty())
                out.note(u"//"_s,
                    u"FormData sends the part “%1” without its Content-Type (%2)."_s.arg(
                        part.name, part.contentType));
            out.add(u"form.append("_s + javaScript(part.name) + u", "_s + javaScript(part.value) + u");"_s);
            continue;
        }
        QString blob = u"await openAsBlob("_s + javaScript(part.filePath);
        if (!part.contentType.isEmpty())
            blob += u", { type: "_s + javaScript(part.contentType) + u" }"_s;
        blob += u')';
        out.add(u"form.append("_s + javaScript(part.name) + u", "_s + blob + u", "_s
            + javaScript(part.fileName) + u");"_s);
    }
    out.add(QString());
}

bool usesNodeFiles(const SnippetRequest &request)
{
    if (request.bodyKind == SnippetRequest::BodyKind::File)
        return true;
    return request.bodyKind == SnippetRequest::BodyKind::Multipart
        && std::any_of(
            request.parts.cbegin(), request.parts.cend(), [](const SnippetPart &p) { return p.isFile(); });
}

QString javaScriptPairs(const QList<std::pair<QString, QString>> &pairs, const QString &indent)
{
    QStringList rows;
    for (const auto &[key, value] : pairs)
        rows << indent + u"  ["_s + SnippetText::javaScript(key) + u", "_s + SnippetText::javaScript(value)
                + u"],"_s;
    return u"new URLSearchParams([\n"_s + rows.join(u'\n') + u'\n' + indent + u"])"_s;
}

/// The body member of a fetch or axios options object, `key: …,`; a file body is read by `fileFunction`.
void javaScriptBody(
    const SnippetRequest &request, const QString &key, const QString &fileFunction, Output &out)
{
    using SnippetText::javaScript;
    const QString member = u"  "_s + key + u": "_s;
    switch (request.bodyKind) {
    case SnippetRequest::BodyKind::None:
        break;
    case SnippetRequest::BodyKind::Text:
        if (!request.textIsUtf8())
            out.warnings.append(
                u"the body is not UTF-8 text: it is written as text with replacement characters"_s);
        out.add(member + javaScript(QString::fromUtf8(request.text)) + u","_s);
        break;
    case SnippetRequest::BodyKind::Form:
        out.add(member + javaScriptPairs(request.fields, u"  "_s) + u","_s);
        break;
    case SnippetRequest::BodyKind::Multipart:
        out.add(member + u"form,"_s);
        break;
    case SnippetRequest::BodyKind::File:
        out.add(member + fileFunction + u'(' + javaScript(request.filePath) + u"),"_s);
        break;
    }
}

} // namespace

void pythonRequests(const SnippetRequest &request, Output &out)
{
    using SnippetText::python;
    Output notes;
    authNotes(request, u"requests"_s, {.digest = true}, u"#"_s, notes);
    if (request.auth == SnippetRequest::AuthKind::Ntlm)
        notes.lines.append(u"# (the requests_ntlm package adds it: auth=HttpNtlmAuth(user, password))"_s);
    out.warnings += notes.warnings;
    out.lines += notes.lines;
    out.add(u"import requests"_s);
    if (request.auth == SnippetRequest::AuthKind::Digest)
        out.add(u"from requests.auth import HTTPDigestAuth"_s);
    out.add(QString());
    out.add(u"url = "_s + python(request.url));
    QStringList arguments {python(request.method), u"url"_s};
    if (!request.headers.isEmpty()) {
        out.add(u"headers = {"_s);
        for (const auto &[name, value] : request.headers)
            out.add(u"    "_s + python(name) + u": "_s + python(value) + u","_s);
        out.add(u"}"_s);
        arguments << u"headers=headers"_s;
    }
    bool withFile = false;
    switch (request.bodyKind) {
    case SnippetRequest::BodyKind::None:
        break;
    case SnippetRequest::BodyKind::Text:
        if (request.textIsUtf8()) {
            out.add(u"payload = "_s + python(QString::fromUtf8(request.text)));
            arguments << u"data=payload.encode(\"utf-8\")"_s;
        } else {
            out.add(u"payload = "_s + SnippetText::pythonBytes(request.text));
            arguments << u"data=payload"_s;
        }
        break;
    case SnippetRequest::BodyKind::Form:
        // A list of pairs keeps the order and repeated names.
        out.add(u"payload = ["_s);
        for (const auto &[key, value] : request.fields)
            out.add(u"    ("_s + python(key) + u", "_s + python(value) + u"),"_s);
        out.add(u"]"_s);
        arguments << u"data=payload"_s;
        break;
    case SnippetRequest::BodyKind::Multipart:
        out.add(u"files = ["_s);
        for (const SnippetPart &part : request.parts) {
            QString value = part.isFile()
                ? QString(python(part.fileName) + u", open("_s + python(part.filePath) + u", \"rb\")"_s)
                : QString(u"None, "_s + python(part.value));
            if (!part.contentType.isEmpty())
                value += u", "_s + python(part.contentType);
            out.add(u"    ("_s + python(part.name) + u", ("_s + value + u")),"_s);
        }
        out.add(u"]"_s);
        arguments << u"files=files"_s;
        break;
    case SnippetRequest::BodyKind::File:
        withFile = true;
        arguments << u"data=body"_s;
        break;
    }
    if (request.auth == SnippetRequest::AuthKind::Basic || request.auth == SnippetRequest::AuthKind::Digest) {
        // requests encodes str credentials as Latin-1; bytes are sent as they are.
        const auto credential = [](const QString &text) -> QString {
            return isAscii(text) ? python(text) : python(text) + u".encode(\"utf-8\")"_s;
        };
        const QString pair = credential(request.user) + u", "_s + credential(request.password);
        arguments << (request.auth == SnippetRequest::AuthKind::Basic
                ? u"auth=("_s + pair + u')'
                : u"auth=HTTPDigestAuth("_s + pair + u')');
    }
    out.add(QString());
    const QString indent = withFile ? u"    "_s : QString();
    if (withFile)
        out.add(u"with open("_s + python(request.filePath) + u", \"rb\") as body:"_s);
    out.add(indent + u"response = requests.request("_s);
    for (const QString &argument : std::as_const(arguments))
        out.add(indent + u"    "_s + argument + u',');
    out.add(indent + u")"_s);
    out.add(QString());
    out.add(u"print(response.status_code)"_s);
    out.add(u"print(response.text)"_s);
}

void javaScriptFetch(const SnippetRequest &request, Output &out)
{
    using SnippetText::javaScript;
    authNotes(request, u"fetch"_s, {}, u"//"_s, out);
    if (usesNodeFiles(request)) {
        out.add(
            u"// Files are read with Node.js (20 or later); in a browser, use a File from an <input type=\"file\">."_s);
        out.add(u"import { openAsBlob } from \"node:fs\";"_s);
        out.add(QString());
    }
    if (request.bodyKind == SnippetRequest::BodyKind::Multipart)
        javaScriptForm(request, out);
    out.add(u"const response = await fetch("_s + javaScript(request.url) + u", {"_s);
    out.add(u"  method: "_s + javaScript(request.method) + u","_s);
    if (!request.headers.isEmpty() || request.auth == SnippetRequest::AuthKind::Basic) {
        out.add(u"  headers: {"_s);
        for (const auto &[name, value] : request.headers)
            out.add(u"    "_s + javaScript(name) + u": "_s + javaScript(value) + u","_s);
        if (request.auth == SnippetRequest::AuthKind::Basic)
            out.add(u"    \"Authorization\": "_s + javaScriptBasic(request) + u","_s);
        out.add(u"  },"_s);
    }
    javaScriptBody(request, u"body"_s, u"await openAsBlob"_s, out);
    out.add(u"});"_s);
    out.add(QString());
    out.add(u"console.log(response.status);"_s);
    out.add(u"console.log(await response.text());"_s);
}

void nodeAxios(const SnippetRequest &request, Output &out)
{
    using SnippetText::javaScript;
    authNotes(request, u"axios"_s, {}, u"//"_s, out);
    out.add(u"import axios from \"axios\";"_s);
    const bool multipartFiles
        = request.bodyKind == SnippetRequest::BodyKind::Multipart && usesNodeFiles(request);
    if (multipartFiles)
        out.add(u"import { openAsBlob } from \"node:fs\";"_s);
    if (request.bodyKind == SnippetRequest::BodyKind::File)
        out.add(u"import { createReadStream } from \"node:fs\";"_s);
    out.add(QString());
    if (request.bodyKind == SnippetRequest::BodyKind::Multipart)
        javaScriptForm(request, out);
    out.add(u"const response = await axios.request({"_s);
    out.add(u"  method: "_s + javaScript(request.method) + u","_s);
    out.add(u"  url: "_s + javaScript(request.url) + u","_s);
    if (!request.headers.isEmpty()) {
        out.add(u"  headers: {"_s);
        for (const auto &[name, value] : request.headers)
            out.add(u"    "_s + javaScript(name) + u": "_s + javaScript(value) + u","_s);
        out.add(u"  },"_s);
    }
    javaScriptBody(request, u"data"_s, u"createReadStream"_s, out);
    if (request.auth == SnippetRequest::AuthKind::Basic)
        out.add(u"  auth: { username: "_s + javaScript(request.user) + u", password: "_s
            + javaScript(request.password) + u" },"_s);
    // The body as it came, whatever its type.
    out.add(u"  responseType: \"text\","_s);
    out.add(u"});"_s);
    out.add(QString());
    out.add(u"console.log(response.status);"_s);
    out.add(u"console.log(response.data);"_s);
}

void phpCurl(const SnippetRequest &request, Output &out)
{
    const auto php = [](const QString &text) -> QString {
        return SnippetText::php(text.toUtf8());
    };
    out.add(u"<?php"_s);
    out.add(QString());
    authNotes(request, u"PHP's cURL"_s, {.digest = true, .ntlm = true}, u"//"_s, out);
    QStringList options;
    options << u"CURLOPT_URL => "_s + php(request.url);
    if (request.method == u"HEAD")
        options << u"CURLOPT_NOBODY => true"_s;
    else
        options << u"CURLOPT_CUSTOMREQUEST => "_s + php(request.method);
    if (!request.headers.isEmpty()) {
        options << u"CURLOPT_HTTPHEADER => ["_s;
        for (const auto &[name, value] : request.headers)
            options << u"    "_s
                    + php(value.isEmpty() ? QString(name + u';') : QString(name + u": "_s + value)) + u',';
        options << u"]"_s;
    }
    switch (request.bodyKind) {
    case SnippetRequest::BodyKind::None:
        break;
    case SnippetRequest::BodyKind::Text:
        options << u"CURLOPT_POSTFIELDS => "_s + SnippetText::php(request.text);
        break;
    case SnippetRequest::BodyKind::Form:
        options << u"CURLOPT_POSTFIELDS => "_s + php(QString::fromLatin1(request.text));
        break;
    case SnippetRequest::BodyKind::Multipart:
        // An array makes cURL send multipart/form-data.
        options << u"CURLOPT_POSTFIELDS => ["_s;
        for (const SnippetPart &part : request.parts) {
            if (part.isFile()) {
                options << u"    "_s + php(part.name) + u" => new CURLFile("_s + php(part.filePath) + u", "_s
                        + php(part.contentType) + u", "_s + php(part.fileName) + u"),"_s;
            } else {
                if (!part.contentType.isEmpty())
                    out.note(u"//"_s,
                        u"cURL sends the part “%1” without its Content-Type (%2)."_s.arg(
                            part.name, part.contentType));
                options << u"    "_s + php(part.name) + u" => "_s + php(part.value) + u","_s;
            }
        }
        options << u"]"_s;
        break;
    case SnippetRequest::BodyKind::File:
        options << u"CURLOPT_POSTFIELDS => file_get_contents("_s + php(request.filePath) + u')';
        break;
    }
    switch (request.auth) {
    case SnippetRequest::AuthKind::Basic:
        options << u"CURLOPT_HTTPAUTH => CURLAUTH_BASIC"_s;
        options << u"CURLOPT_USERPWD => "_s + php(credentials(request));
        break;
    case SnippetRequest::AuthKind::Digest:
        options << u"CURLOPT_HTTPAUTH => CURLAUTH_DIGEST"_s;
        options << u"CURLOPT_USERPWD => "_s + php(credentials(request));
        break;
    case SnippetRequest::AuthKind::Ntlm:
        options << u"CURLOPT_HTTPAUTH => CURLAUTH_NTLM"_s;
        options << u"CURLOPT_USERPWD => "_s + php(credentials(request));
        break;
    default:
        break;
    }
    options << u"CURLOPT_RETURNTRANSFER => true"_s;
    out.add(u"$curl = curl_init();"_s);
    out.add(u"curl_setopt_array($curl, ["_s);
    for (const QString &option : std::as_const(options)) {
        const bool opens = option.endsWith(u'[');
        const bool inside = option.startsWith(u"    "_s);
        out.add(u"    "_s + option + (opens || inside ? QString() : u","_s));
    }
    out.add(u"]);"_s);
    out.add(u"$response = curl_exec($curl);"_s);
    out.add(u"if ($response === false) {"_s);
    out.add(u"    echo 'Error: ' . curl_error($curl) . \"\\n\";"_s);
    out.add(u"} else {"_s);
    out.add(u"    echo curl_getinfo($curl, CURLINFO_RESPONSE_CODE) . \"\\n\";"_s);
    out.add(u"    echo $response . \"\\n\";"_s);
    out.add(u"}"_s);
    out.add(u"curl_close($curl);"_s);
}

} // namespace Sonde::SnippetGenerators
