// Snippets for compiled languages: Go (net/http), Java (java.net.http), C# (HttpClient) and Qt C++.
#include "formats/SnippetGenerators.h"
#include "formats/SnippetText.h"

#include <QSet>

namespace Sonde::SnippetGenerators {

namespace {

using namespace Qt::StringLiterals;

/// A multipart part's Content-Disposition value, names escaped as browsers do (WHATWG).
QString disposition(const SnippetPart &part)
{
    const auto quoted = [](QString text) -> QString {
        text.replace(u"\r"_s, u"%0D"_s).replace(u"\n"_s, u"%0A"_s).replace(u"\""_s, u"%22"_s);
        return u'"' + text + u'"';
    };
    QString value = u"form-data; name="_s + quoted(part.name);
    if (part.isFile())
        value += u"; filename="_s + quoted(part.fileName);
    return value;
}

/// Lines indented by `depth` tabs (Go's gofmt style).
struct GoLines
{
    Output &out;
    void add(int depth, const QString &line) { out.add(QString(depth, u'\t') + line); }
    void check(int depth)
    {
        add(depth, u"if err != nil {"_s);
        add(depth + 1, u"panic(err)"_s);
        add(depth, u"}"_s);
    }
};

} // namespace

void go(const SnippetRequest &request, Output &out)
{
    using SnippetText::go;
    const auto str = [](const QString &text) -> QString {
        return go(text.toUtf8());
    };
    Output body;
    GoLines lines {body};
    QSet<QString> imports {u"fmt"_s, u"io"_s, u"net/http"_s};
    authNotes(request, u"net/http"_s, {}, u"\t//"_s, body);
    QString bodyArgument = u"nil"_s;
    bool declaresErr = false;
    switch (request.bodyKind) {
    case SnippetRequest::BodyKind::None:
        break;
    case SnippetRequest::BodyKind::Text:
        imports << u"strings"_s;
        lines.add(1, u"body := strings.NewReader("_s + go(request.text) + u')');
        bodyArgument = u"body"_s;
        break;
    case SnippetRequest::BodyKind::Form:
        imports << u"net/url"_s << u"strings"_s;
        lines.add(1, u"form := url.Values{}"_s);
        for (const auto &[key, value] : request.fields)
            lines.add(1, u"form.Add("_s + str(key) + u", "_s + str(value) + u')');
        lines.add(1, u"body := strings.NewReader(form.Encode())"_s);
        bodyArgument = u"body"_s;
        break;
    case SnippetRequest::BodyKind::Multipart:
        imports << u"bytes"_s << u"mime/multipart"_s;
        lines.add(1, u"body := &bytes.Buffer{}"_s);
        lines.add(1, u"writer := multipart.NewWriter(body)"_s);
        for (const SnippetPart &part : request.parts) {
            if (!part.isFile() && part.contentType.isEmpty()) {
                lines.add(1,
                    u"if err := writer.WriteField("_s + str(part.name) + u", "_s + str(part.value)
                        + u"); err != nil {"_s);
                lines.add(2, u"panic(err)"_s);
                lines.add(1, u"}"_s);
                continue;
            }
            lines.add(1, u"{"_s);
            if (part.contentType.isEmpty()) {
                lines.add(2,
                    u"part, err := writer.CreateFormFile("_s + str(part.name) + u", "_s + str(part.fileName)
                        + u')');
            } else {
                imports << u"net/textproto"_s;
                lines.add(2, u"header := make(textproto.MIMEHeader)"_s);
                lines.add(2, u"header.Set(\"Content-Disposition\", "_s + str(disposition(part)) + u')');
                lines.add(2, u"header.Set(\"Content-Type\", "_s + str(part.contentType) + u')');
                lines.add(2, u"part, err := writer.CreatePart(header)"_s);
            }
            lines.check(2);
            if (part.isFile()) {
                imports << u"os"_s;
                lines.add(2, u"file, err := os.Open("_s + str(part.filePath) + u')');
                lines.check(2);
                lines.add(2, u"defer file.Close()"_s);
                lines.add(2, u"if _, err := io.Copy(part, file); err != nil {"_s);
            } else {
                lines.add(
                    2, u"if _, err := io.WriteString(part, "_s + str(part.value) + u"); err != nil {"_s);
            }
            lines.add(3, u"panic(err)"_s);
            lines.add(2, u"}"_s);
            lines.add(1, u"}"_s);
        }
        lines.add(1, u"if err := writer.Close(); err != nil {"_s);
        lines.add(2, u"panic(err)"_s);
        lines.add(1, u"}"_s);
        bodyArgument = u"body"_s;
        break;
    case SnippetRequest::BodyKind::File:
        imports << u"os"_s;
        lines.add(1, u"body, err := os.Open("_s + str(request.filePath) + u')');
        lines.check(1);
        lines.add(1, u"defer body.Close()"_s);
        bodyArgument = u"body"_s;
        declaresErr = true;
        break;
    }
    if (bodyArgument != u"nil")
        lines.add(0, QString());
    lines.add(1,
        u"req, err "_s + (declaresErr ? u"="_s : u":="_s) + u" http.NewRequest("_s + str(request.method)
            + u", "_s + str(request.url) + u", "_s + bodyArgument + u')');
    lines.check(1);
    for (const auto &[name, value] : request.headers)
        lines.add(1, u"req.Header.Set("_s + str(name) + u", "_s + str(value) + u')');
    if (request.bodyKind == SnippetRequest::BodyKind::Multipart)
        lines.add(1, u"req.Header.Set(\"Content-Type\", writer.FormDataContentType())"_s);
    if (request.auth == SnippetRequest::AuthKind::Basic)
        lines.add(1, u"req.SetBasicAuth("_s + str(request.user) + u", "_s + str(request.password) + u')');
    lines.add(0, QString());
    lines.add(1, u"res, err := http.DefaultClient.Do(req)"_s);
    lines.check(1);
    lines.add(1, u"defer res.Body.Close()"_s);
    lines.add(0, QString());
    lines.add(1, u"data, err := io.ReadAll(res.Body)"_s);
    lines.check(1);
    lines.add(1, u"fmt.Println(res.StatusCode)"_s);
    lines.add(1, u"fmt.Println(string(data))"_s);

    out.add(u"package main"_s);
    out.add(QString());
    out.add(u"import ("_s);
    QStringList sorted = imports.values();
    sorted.sort();
    for (const QString &name : std::as_const(sorted))
        out.add(u"\t\""_s + name + u'"');
    out.add(u")"_s);
    out.add(QString());
    out.add(u"func main() {"_s);
    out.lines += body.lines;
    out.warnings += body.warnings;
    out.add(u"}"_s);
}

void java(const SnippetRequest &request, Output &out)
{
    using SnippetText::java;
    static const QStringList restricted {
        u"Connection"_s, u"Content-Length"_s, u"Expect"_s, u"Host"_s, u"Upgrade"_s};
    QSet<QString> imports {u"java.net.URI"_s, u"java.net.http.HttpClient"_s, u"java.net.http.HttpRequest"_s,
        u"java.net.http.HttpResponse"_s};
    Output body;
    const QString in2 = u"        "_s;
    const QString utf8 = u".getBytes(StandardCharsets.UTF_8)"_s;
    authNotes(request, u"HttpClient"_s, {}, in2 + u"//"_s, body);
    QString publisher = u"HttpRequest.BodyPublishers.noBody()"_s;
    switch (request.bodyKind) {
    case SnippetRequest::BodyKind::None:
        break;
    case SnippetRequest::BodyKind::Text:
    case SnippetRequest::BodyKind::Form:
        if (!request.textIsUtf8())
            body.warnings.append(
                u"the body is not UTF-8 text: it is written as text with replacement characters"_s);
        publisher = u"HttpRequest.BodyPublishers.ofString("_s + java(QString::fromUtf8(request.text)) + u')';
        break;
    case SnippetRequest::BodyKind::Multipart:
        // java.net.http has no multipart writer: the body is written part by part.
        imports << u"java.io.ByteArrayOutputStream"_s << u"java.nio.charset.StandardCharsets"_s
                << u"java.util.UUID"_s;
        body.add(in2
            + u"String boundary = \"----JavaFormBoundary\" + UUID.randomUUID().toString().replace(\"-\", \"\");"_s);
        body.add(in2 + u"ByteArrayOutputStream form = new ByteArrayOutputStream();"_s);
        for (const SnippetPart &part : request.parts) {
            QString head = u"Content-Disposition: "_s + disposition(part);
            if (!part.contentType.isEmpty())
                head += u"\r\nContent-Type: "_s + part.contentType;
            body.add(in2 + u"form.write((\"--\" + boundary + "_s + java(u"\r\n"_s + head + u"\r\n\r\n"_s)
                + u')' + utf8 + u");"_s);
            if (part.isFile()) {
                imports << u"java.nio.file.Files"_s << u"java.nio.file.Path"_s;
                body.add(in2 + u"form.write(Files.readAllBytes(Path.of("_s + java(part.filePath) + u")));"_s);
            } else {
                body.add(in2 + u"form.write("_s + java(part.value) + utf8 + u");"_s);
            }
            body.add(in2 + u"form.write(\"\\r\\n\""_s + utf8 + u");"_s);
        }
        body.add(in2 + u"form.write((\"--\" + boundary + \"--\\r\\n\")"_s + utf8 + u");"_s);
        body.add(QString());
        publisher = u"HttpRequest.BodyPublishers.ofByteArray(form.toByteArray())"_s;
        break;
    case SnippetRequest::BodyKind::File:
        imports << u"java.nio.file.Path"_s;
        publisher = u"HttpRequest.BodyPublishers.ofFile(Path.of("_s + java(request.filePath) + u"))"_s;
        break;
    }
    body.add(in2 + u"HttpClient client = HttpClient.newHttpClient();"_s);
    body.add(in2 + u"HttpRequest request = HttpRequest.newBuilder()"_s);
    const QString in4 = in2 + u"        "_s;
    body.add(in4 + u".uri(URI.create("_s + java(request.url) + u"))"_s);
    for (const auto &[name, value] : request.headers) {
        if (restricted.contains(name, Qt::CaseInsensitive)) {
            body.note(in4 + u"//"_s, u"HttpClient sets the %1 header itself: it is left out."_s.arg(name));
            continue;
        }
        body.add(in4 + u".header("_s + java(name) + u", "_s + java(value) + u')');
    }
    if (request.bodyKind == SnippetRequest::BodyKind::Multipart)
        body.add(in4 + u".header(\"Content-Type\", \"multipart/form-data; boundary=\" + boundary)"_s);
    if (request.auth == SnippetRequest::AuthKind::Basic) {
        imports << u"java.nio.charset.StandardCharsets"_s << u"java.util.Base64"_s;
        body.add(in4 + u".header(\"Authorization\", \"Basic \" + Base64.getEncoder().encodeToString("_s
            + java(credentials(request)) + utf8 + u"))"_s);
    }
    if (request.method == u"GET" && request.bodyKind == SnippetRequest::BodyKind::None)
        body.add(in4 + u".GET()"_s);
    else
        body.add(in4 + u".method("_s + java(request.method) + u", "_s + publisher + u')');
    body.add(in4 + u".build();"_s);
    body.add(in2
        + u"HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());"_s);
    body.add(in2 + u"System.out.println(response.statusCode());"_s);
    body.add(in2 + u"System.out.println(response.body());"_s);

    QStringList sorted = imports.values();
    sorted.sort();
    for (const QString &name : std::as_const(sorted))
        out.add(u"import "_s + name + u';');
    out.add(QString());
    out.add(u"public class Main {"_s);
    out.add(u"    public static void main(String[] args) throws Exception {"_s);
    out.lines += body.lines;
    out.warnings += body.warnings;
    out.add(u"    }"_s);
    out.add(u"}"_s);
}

void csharp(const SnippetRequest &request, Output &out)
{
    using SnippetText::csharp;
    Output body;
    QSet<QString> usings;
    authNotes(request, u"HttpClient"_s, {.digest = true, .ntlm = true}, u"//"_s, body);
    const bool challenge
        = request.auth == SnippetRequest::AuthKind::Digest || request.auth == SnippetRequest::AuthKind::Ntlm;
    if (challenge) {
        usings << u"System.Net"_s;
        // The handler answers the server's Digest or NTLM challenge with these credentials.
        QString credential
            = u"new NetworkCredential("_s + csharp(request.user) + u", "_s + csharp(request.password);
        if (request.auth == SnippetRequest::AuthKind::Ntlm && !request.domain.isEmpty())
            credential += u", "_s + csharp(request.domain);
        body.add(u"var handler = new HttpClientHandler { Credentials = "_s + credential + u") };"_s);
        body.add(u"using var client = new HttpClient(handler);"_s);
    } else {
        body.add(u"using var client = new HttpClient();"_s);
    }
    body.add(u"using var request = new HttpRequestMessage(new HttpMethod("_s + csharp(request.method)
        + u"), "_s + csharp(request.url) + u");"_s);
    if (request.auth == SnippetRequest::AuthKind::Basic) {
        usings << u"System.Net.Http.Headers"_s << u"System.Text"_s;
        body.add(
            u"request.Headers.Authorization = new AuthenticationHeaderValue(\"Basic\", Convert.ToBase64String(Encoding.UTF8.GetBytes("_s
            + csharp(credentials(request)) + u")));"_s);
    }
    const bool hasContent = request.bodyKind != SnippetRequest::BodyKind::None;
    QString contentType;
    QList<std::pair<QString, QString>> contentHeaders;
    for (const auto &[name, value] : request.headers) {
        if (hasContent && name.compare(u"Content-Type", Qt::CaseInsensitive) == 0)
            contentType = value;
        else if (hasContent && isContentHeader(name))
            contentHeaders.append({name, value});
        else
            body.add(u"request.Headers.TryAddWithoutValidation("_s + csharp(name) + u", "_s + csharp(value)
                + u");"_s);
    }
    switch (request.bodyKind) {
    case SnippetRequest::BodyKind::None:
        break;
    case SnippetRequest::BodyKind::Text:
        if (!request.textIsUtf8())
            body.warnings.append(
                u"the body is not UTF-8 text: it is written as text with replacement characters"_s);
        body.add(
            u"request.Content = new StringContent("_s + csharp(QString::fromUtf8(request.text)) + u");"_s);
        break;
    case SnippetRequest::BodyKind::Form:
        body.add(u"request.Content = new FormUrlEncodedContent(new[]"_s);
        body.add(u"{"_s);
        for (const auto &[key, value] : request.fields)
            body.add(
                u"    new KeyValuePair<string, string>("_s + csharp(key) + u", "_s + csharp(value) + u"),"_s);
        body.add(u"});"_s);
        break;
    case SnippetRequest::BodyKind::Multipart: {
        usings << u"System.Net.Http.Headers"_s;
        body.add(u"var form = new MultipartFormDataContent();"_s);
        int files = 0;
        for (const SnippetPart &part : request.parts) {
            if (part.isFile()) {
                const QString name = u"file"_s + (files++ == 0 ? QString() : QString::number(files));
                body.add(u"var "_s + name + u" = new StreamContent(File.OpenRead("_s + csharp(part.filePath)
                    + u"));"_s);
                if (!part.contentType.isEmpty())
                    body.add(name + u".Headers.ContentType = MediaTypeHeaderValue.Parse("_s
                        + csharp(part.contentType) + u");"_s);
                body.add(u"form.Add("_s + name + u", "_s + csharp(part.name) + u", "_s + csharp(part.fileName)
                    + u");"_s);
            } else if (part.contentType.isEmpty()) {
                body.add(u"form.Add(new StringContent("_s + csharp(part.value) + u"), "_s + csharp(part.name)
                    + u");"_s);
            } else {
                body.add(u"form.Add(new StringContent("_s + csharp(part.value)
                    + u", MediaTypeHeaderValue.Parse("_s + csharp(part.contentType) + u")), "_s
                    + csharp(part.name) + u");"_s);
            }
        }
        body.add(u"request.Content = form;"_s);
        break;
    }
    case SnippetRequest::BodyKind::File:
        body.add(
            u"request.Content = new StreamContent(File.OpenRead("_s + csharp(request.filePath) + u"));"_s);
        break;
    }
    if (hasContent && request.bodyKind != SnippetRequest::BodyKind::Multipart
        && request.bodyKind != SnippetRequest::BodyKind::Form) {
        if (contentType.isEmpty()) {
            body.add(u"request.Content.Headers.ContentType = null;"_s);
        } else {
            usings << u"System.Net.Http.Headers"_s;
            body.add(u"request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("_s
                + csharp(contentType) + u");"_s);
        }
    }
    for (const auto &[name, value] : std::as_const(contentHeaders))
        body.add(u"request.Content.Headers.TryAddWithoutValidation("_s + csharp(name) + u", "_s
            + csharp(value) + u");"_s);
    body.add(QString());
    body.add(u"using var response = await client.SendAsync(request);"_s);
    body.add(u"Console.WriteLine((int)response.StatusCode);"_s);
    body.add(u"Console.WriteLine(await response.Content.ReadAsStringAsync());"_s);

    QStringList sorted = usings.values();
    sorted.sort();
    for (const QString &name : std::as_const(sorted))
        out.add(u"using "_s + name + u';');
    if (!sorted.isEmpty())
        out.add(QString());
    out.lines += body.lines;
    out.warnings += body.warnings;
}

void qt(const SnippetRequest &request, Output &out)
{
    using SnippetText::cpp;
    const auto string = [](const QString &text) -> QString {
        return u"QStringLiteral("_s + cpp(text.toUtf8()) + u')';
    };
    const auto bytes = [](const QString &text) -> QString {
        return cpp(text.toUtf8());
    };
    QSet<QString> includes {u"QCoreApplication"_s, u"QNetworkAccessManager"_s, u"QNetworkReply"_s,
        u"QNetworkRequest"_s, u"QTextStream"_s, u"QUrl"_s};
    Output body;
    const QString in = u"    "_s;
    authNotes(request, u"QNetworkAccessManager"_s, {.digest = true, .ntlm = true}, in + u"//"_s, body);
    body.add(in + u"QCoreApplication app(argc, argv);"_s);
    body.add(in + u"QNetworkAccessManager manager;"_s);
    if (request.auth == SnippetRequest::AuthKind::Digest || request.auth == SnippetRequest::AuthKind::Ntlm) {
        includes << u"QAuthenticator"_s;
        body.add(in + u"// Answers the server's challenge."_s);
        body.add(in + u"QObject::connect(&manager, &QNetworkAccessManager::authenticationRequired, &app,"_s);
        body.add(in + u"    [](QNetworkReply *, QAuthenticator *authenticator) {"_s);
        const QString user
            = request.auth == SnippetRequest::AuthKind::Ntlm ? ntlmUser(request) : request.user;
        body.add(in + u"        authenticator->setUser("_s + string(user) + u");"_s);
        body.add(in + u"        authenticator->setPassword("_s + string(request.password) + u");"_s);
        body.add(in + u"    });"_s);
    }
    body.add(QString());
    body.add(in + u"QNetworkRequest request(QUrl("_s + string(request.url) + u"));"_s);
    for (const auto &[name, value] : request.headers)
        body.add(in + u"request.setRawHeader("_s + bytes(name) + u", "_s + bytes(value) + u");"_s);
    if (request.auth == SnippetRequest::AuthKind::Basic)
        body.add(in + u"request.setRawHeader(\"Authorization\", \"Basic \" + QByteArrayLiteral("_s
            + bytes(credentials(request)) + u").toBase64());"_s);

    QString payload; // the argument after the request, empty for none
    QString owned; // an object the reply takes over
    switch (request.bodyKind) {
    case SnippetRequest::BodyKind::None:
        break;
    case SnippetRequest::BodyKind::Text:
    case SnippetRequest::BodyKind::Form:
        body.add(in + u"const QByteArray body = QByteArrayLiteral("_s + cpp(request.text) + u");"_s);
        payload = u"body"_s;
        break;
    case SnippetRequest::BodyKind::Multipart:
        includes << u"QHttpMultiPart"_s;
        body.add(in + u"auto *form = new QHttpMultiPart(QHttpMultiPart::FormDataType);"_s);
        for (const SnippetPart &part : request.parts) {
            body.add(in + u"{"_s);
            body.add(in + in + u"QHttpPart part;"_s);
            body.add(in + in
                + u"part.setHeader(QNetworkRequest::ContentDispositionHeader, QByteArrayLiteral("_s
                + bytes(disposition(part)) + u"));"_s);
            if (!part.contentType.isEmpty())
                body.add(in + in + u"part.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("_s
                    + bytes(part.contentType) + u"));"_s);
            if (part.isFile()) {
                includes << u"QFile"_s;
                body.add(in + in + u"auto *file = new QFile("_s + string(part.filePath) + u", form);"_s);
                body.add(in + in + u"if (!file->open(QIODevice::ReadOnly))"_s);
                body.add(in + in + in + u"return 1;"_s);
                body.add(in + in + u"part.setBodyDevice(file);"_s);
            } else {
                body.add(in + in + u"part.setBody(QByteArrayLiteral("_s + bytes(part.value) + u"));"_s);
            }
            body.add(in + in + u"form->append(part);"_s);
            body.add(in + u"}"_s);
        }
        payload = owned = u"form"_s;
        break;
    case SnippetRequest::BodyKind::File:
        includes << u"QFile"_s;
        body.add(in + u"auto *file = new QFile("_s + string(request.filePath) + u");"_s);
        body.add(in + u"if (!file->open(QIODevice::ReadOnly))"_s);
        body.add(in + in + u"return 1;"_s);
        payload = owned = u"file"_s;
        break;
    }
    body.add(QString());
    QString call;
    if (request.method == u"GET" && payload.isEmpty())
        call = u"manager.get(request)"_s;
    else if (request.method == u"HEAD" && payload.isEmpty())
        call = u"manager.head(request)"_s;
    else if (request.method == u"DELETE" && payload.isEmpty())
        call = u"manager.deleteResource(request)"_s;
    else if (request.method == u"POST" && !payload.isEmpty())
        call = u"manager.post(request, "_s + payload + u')';
    else if (request.method == u"PUT" && !payload.isEmpty())
        call = u"manager.put(request, "_s + payload + u')';
    else
        call = u"manager.sendCustomRequest(request, "_s + cpp(request.method.toUtf8())
            + (payload.isEmpty() ? QString() : u", "_s + payload) + u')';
    body.add(in + u"QNetworkReply *reply = "_s + call + u';');
    if (!owned.isEmpty())
        body.add(in + owned + u"->setParent(reply);"_s);
    body.add(in + u"QObject::connect(reply, &QNetworkReply::finished, &app, [reply] {"_s);
    body.add(in + in + u"QTextStream out(stdout);"_s);
    body.add(
        in + in + u"out << reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() << '\\n';"_s);
    body.add(in + in + u"out << reply->readAll() << '\\n';"_s);
    body.add(in + in + u"reply->deleteLater();"_s);
    body.add(in + in + u"QCoreApplication::quit();"_s);
    body.add(in + u"});"_s);
    body.add(in + u"return app.exec();"_s);

    QStringList sorted = includes.values();
    sorted.sort();
    for (const QString &name : std::as_const(sorted))
        out.add(u"#include <"_s + name + u'>');
    out.add(QString());
    out.add(u"int main(int argc, char *argv[])"_s);
    out.add(u"{"_s);
    out.lines += body.lines;
    out.warnings += body.warnings;
    out.add(u"}"_s);
}

} // namespace Sonde::SnippetGenerators
