#pragma once

#include "auth/AuthConfig.h"
#include "model/Request.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Sonde {

/// One part of a multipart body as a snippet sends it.
struct SnippetPart
{
    QString name;
    /// A text part's value; unused for a file part.
    QString value;
    /// A file part's path as written in the request; empty for a text part.
    QString filePath;
    /// The file name announced for a file part: the one set, else the file's own.
    QString fileName;
    /// The part's Content-Type; empty when none is set (a file part's type is then the library's guess).
    QString contentType;

    bool isFile() const { return !filePath.isEmpty(); }
};

/// What a request sends, worked out once for every code snippet generator: the method, the final URL,
/// the headers and the body by kind, and how it authenticates.
///
/// The URL has its path parameters substituted, an API key the auth puts in the query and, for a
/// GraphQL GET, the query members appended; its fragment (never sent) is left out. `headers` holds the
/// enabled headers (a repeated name joined with ", " as it is sent), the static auth header (Bearer,
/// API key, OAuth 2.0 token) and the Content-Type the body kind calls for, unless the user set one.
/// A multipart body's Content-Type is left to the target's library, which adds its own boundary.
/// Basic, Digest, NTLM and AWS SigV4 credentials are kept apart (`auth`), since most targets have a
/// native way of sending them. `{{variables}}` are kept as written: resolve the request first to have
/// their values.
struct SnippetRequest
{
    enum class BodyKind { None, Text, Form, Multipart, File };
    enum class AuthKind { None, Basic, Digest, Ntlm, AwsSigV4 };

    QString method;
    QString url;
    QList<std::pair<QString, QString>> headers;

    BodyKind bodyKind = BodyKind::None;
    /// Text: the bytes of a raw, JSON or GraphQL body.
    QByteArray text;
    /// Form: the enabled fields, in order (`text` holds them encoded).
    QList<std::pair<QString, QString>> fields;
    /// Multipart: the enabled parts, in order.
    QList<SnippetPart> parts;
    /// File: the path of the file sent as the body.
    QString filePath;

    AuthKind auth = AuthKind::None;
    /// Basic and Digest: user and password; NTLM: user, password and domain.
    QString user;
    QString password;
    QString domain;
    AwsSigV4 aws;
    /// The request's auth obtains its token with an OAuth 2.0 flow: the snippet sends the token as it is.
    bool oauth2 = false;

    /// The value of the header `name` (case-insensitive), or a null string.
    QString header(const QString &name) const;
    /// True when the text body is valid UTF-8 (and so can be written as a string literal).
    bool textIsUtf8() const;

    /// The request as it will be sent. `problem`, when given, receives why the GraphQL variables could
    /// not be used (the body is then sent without them).
    static SnippetRequest fromRequest(const Request &request, QString *problem = nullptr);
};

} // namespace Sonde
