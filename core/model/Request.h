#pragma once

#include "model/KeyValue.h"
#include "model/Variable.h"

#include <QByteArray>
#include <QString>

namespace Sonde {

/// What a request carries as its body.
struct Body
{
    enum class Kind { None, Raw };

    Kind kind = Kind::None;
    /// Media type of a raw body, e.g. "application/json"; sent as Content-Type unless a header says otherwise.
    QString contentType;
    /// The raw body as bytes (text bodies are UTF-8).
    QByteArray data;

    bool isEmpty() const { return kind == Kind::None; }
    friend bool operator==(const Body &, const Body &) = default;
};

enum class HttpVersionPolicy { Automatic, Http1Only, Http2PriorKnowledge };

/// Per-request transport settings.
struct RequestSettings
{
    /// Whole-exchange time limit in milliseconds; 0 means none.
    int timeoutMs = 30000;
    bool followRedirects = true;
    int maxRedirects = 10;
    /// Accept certificates that fail verification (self-signed, expired, wrong host). Off by default.
    bool ignoreTlsErrors = false;
    HttpVersionPolicy httpVersion = HttpVersionPolicy::Automatic;

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
    KeyValueList headers;
    Body body;
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

} // namespace Sonde
