#pragma once

#include "auth/AuthConfig.h"
#include "model/KeyValue.h"
#include "model/Variable.h"

#include <QByteArray>
#include <QString>

namespace Sonde {

/// One part of a multipart/form-data body: a text value, or a file streamed from disk.
struct MultipartPart
{
    QString name {};
    /// The text sent for a text part (UTF-8); unused when filePath is set.
    QString value {};
    /// A file to send as the part's content; empty for a text part.
    QString filePath {};
    /// The part's Content-Type; for a file part, empty means guessed from the file.
    QString contentType {};
    /// The file name announced in Content-Disposition; empty means the file's own name.
    QString fileName {};
    bool enabled = true;

    bool isFile() const { return !filePath.isEmpty(); }
    friend bool operator==(const MultipartPart &, const MultipartPart &) = default;
};

/// What a request carries as its body.
///
/// The first three members stay first: `Body {Kind::Raw, type, bytes}` is how raw bodies are written.
struct Body
{
    enum class Kind { None, Raw, FormUrlEncoded, Multipart, Binary, GraphQL };

    Kind kind = Kind::None;
    /// Media type of a raw or binary body, e.g. "application/json"; sent as Content-Type unless a header
    /// says otherwise. Form, multipart and GraphQL bodies have their own type.
    QString contentType;
    /// The raw body as bytes (text bodies are UTF-8).
    QByteArray data;
    /// FormUrlEncoded: the fields, in order.
    KeyValueList fields {};
    /// Multipart: the parts, in order.
    QList<MultipartPart> parts {};
    /// Binary: the file sent as the body, streamed from disk.
    QString filePath {};
    /// GraphQL: the document, the variables as JSON text (may be empty) and the operation to run.
    QString graphqlQuery {};
    QString graphqlVariables {};
    QString graphqlOperationName {};
    /// GraphQL: send as GET with `query`, `variables`, `operationName` query parameters instead of a JSON POST.
    bool graphqlUseGet = false;

    bool isEmpty() const { return kind == Kind::None; }
    friend bool operator==(const Body &, const Body &) = default;
};

enum class HttpVersionPolicy { Automatic, Http1Only, Http2PriorKnowledge };

/// Which proxy a request goes through.
struct ProxySettings
{
    enum class Mode { Default, None, System, Custom };

    /// Default uses the application's proxy setting (HttpEngine::setDefaultProxy; none unless set);
    /// None connects directly; System asks the operating system (environment variables on Linux).
    Mode mode = Mode::Default;
    /// Custom: `http://host:port` or `socks5://host:port`; may hold {{variables}}.
    QString url {};
    /// Custom: the user name for the proxy, empty for none.
    QString user {};
    /// Custom: the password, written as a `{{variable}}` reference (ideally a secret one) so that no
    /// password is stored in the workspace; resolved when sent.
    QString password {};

    friend bool operator==(const ProxySettings &, const ProxySettings &) = default;
};

/// Per-request transport settings.
struct RequestSettings
{
    /// Whole-exchange time limit in milliseconds; 0 means none.
    int timeoutMs = 30000;
    ProxySettings proxy {};
    bool followRedirects = true;
    int maxRedirects = 10;
    /// Accept certificates that fail verification (self-signed, expired, wrong host). Off by default.
    bool ignoreTlsErrors = false;
    HttpVersionPolicy httpVersion = HttpVersionPolicy::Automatic;
    /// Use the workspace's cookie jar: send its cookies and store the ones responses set. Off isolates
    /// the request from the jar in both directions (as Postman's "Disable cookie jar").
    bool sendCookies = true;

    friend bool operator==(const RequestSettings &, const RequestSettings &) = default;
};

/// After the response arrives, stores a value from it into a variable, so the next request can use it
/// (e.g. `token` ← `$.access_token`).
struct ResponseCapture
{
    enum class Source { JsonPath, Header, Status };

    QString variable;
    Source source = Source::JsonPath;
    /// A JSONPath for Source::JsonPath, a header name for Source::Header; unused for Source::Status.
    QString expression;
    bool enabled = true;

    friend bool operator==(const ResponseCapture &, const ResponseCapture &) = default;
};

/// A request as the user edits it: a plain value, no event loop needed.
///
/// `url` is the text of the URL field, query included; `params` is the query table, which also holds
/// disabled rows that do not appear in the URL. QueryParams keeps the two in step.
struct Request
{
    QString name;
    QString method = QStringLiteral("GET");
    QString url;
    KeyValueList params;
    /// Values for the `:name` segments of the URL's path (see PathParams), one row per name.
    KeyValueList pathParams {};
    KeyValueList headers;
    Body body;
    /// How the request authenticates; Inherit (the default) takes its folders' (see effectiveAuth).
    AuthConfig auth {};
    RequestSettings settings;
    /// Request-scope variables: the narrowest scope.
    VariableList variables;
    QList<ResponseCapture> captures;
    QString description;
    /// Position among its siblings in a folder (smaller first); ties sort by name.
    int sortKey = 0;
    /// The request's file name in its folder on disk, empty until it is saved.
    QString fileName;

    friend bool operator==(const Request &, const Request &) = default;
};

/// The methods offered in the method box; any other token is a valid custom method.
QStringList standardMethods();

/// True when `method` is a valid HTTP method token (RFC 9110 `token`).
bool isValidMethod(const QString &method);

/// Why the enabled headers of a request cannot be sent (a name that is not a token, a value with a
/// line break or another control character), in words; empty when they can.
QString headerProblem(const KeyValueList &headers);

} // namespace Sonde
