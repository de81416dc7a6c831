#pragma once

#include "formats/SnippetRequest.h"

#include <QString>
#include <QStringList>

/// The generators behind Snippets::generate, one per target (but curl), and what they share.
namespace Sonde::SnippetGenerators {

/// What a generator writes and what it could not say.
struct Output
{
    QStringList lines;
    QStringList warnings;

    void add(const QString &line) { lines.append(line); }
    /// A comment line for the reader that is also a warning.
    void note(const QString &commentPrefix, const QString &text)
    {
        lines.append(commentPrefix + u' ' + text);
        warnings.append(text);
    }
};

/// Which challenge-based auth schemes a target can answer by itself.
struct NativeAuth
{
    bool digest = false;
    bool ntlm = false;
    bool sigV4 = false;
};

/// Comment lines (with `commentPrefix`) for what the request's auth needs that the target cannot do:
/// a Digest/NTLM challenge or a SigV4 signature without native support, an OAuth 2.0 token flow.
void authNotes(const SnippetRequest &request, const QString &targetName, NativeAuth native,
    const QString &commentPrefix, Output &out);

/// The `user:password` pair of Basic/Digest credentials; NTLM's as `DOMAIN\user:password`.
QString credentials(const SnippetRequest &request);
/// The user of NTLM credentials with the domain: `DOMAIN\user`, or the user alone.
QString ntlmUser(const SnippetRequest &request);
/// True for the Content-Type and other headers that go with a body rather than the request (.NET).
bool isContentHeader(const QString &name);

void httpie(const SnippetRequest &request, Output &out);
void wget(const SnippetRequest &request, Output &out);
void powerShell(const SnippetRequest &request, Output &out);
void pythonRequests(const SnippetRequest &request, Output &out);
void javaScriptFetch(const SnippetRequest &request, Output &out);
void nodeAxios(const SnippetRequest &request, Output &out);
void phpCurl(const SnippetRequest &request, Output &out);
void go(const SnippetRequest &request, Output &out);
void java(const SnippetRequest &request, Output &out);
void csharp(const SnippetRequest &request, Output &out);
void qt(const SnippetRequest &request, Output &out);

} // namespace Sonde::SnippetGenerators
