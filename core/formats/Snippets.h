#pragma once

#include "model/Request.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Sonde {

/// A language and library a request can be written for.
struct SnippetTarget
{
    /// The name on the command line and in settings: "curl", "python-requests", …
    QString id;
    /// The name shown to the user: "Python (requests)".
    QString label;
    /// The language, for highlighting: "shell", "python", "javascript", "go", "java", "csharp", "php",
    /// "powershell", "cpp".
    QString language;
    /// The usual file name extension of such a program, without the dot.
    QString extension;
};

/// Code snippets: a request written as a program of another tool or language that sends it.
///
/// Every target but curl (which is CurlExport's command) starts from one SnippetRequest, so that the
/// URL, headers and body are worked out once; each writes them idiomatically, with the language's own
/// string literals (see SnippetText). Auth that needs no exchange (Basic, Bearer, API key, an OAuth
/// 2.0 token) is written as the target's native option or as its header. Auth that answers a server's
/// challenge or signs the request (Digest, NTLM, AWS SigV4) uses the target's native support where it
/// has one; elsewhere the snippet says in a comment that it sends no credentials. Variables stay as
/// written (`{{name}}`) unless the request was resolved first.
namespace Snippets {

/// Every target, in the order they are offered.
QList<SnippetTarget> targets();
/// The target `id` (case-insensitive), or nullptr.
const SnippetTarget *target(const QString &id);

/// The snippet for `request` in target `targetId` (empty for an unknown target), ending with a line
/// break. `warnings` receives what the snippet cannot say (also written in it as comments where the
/// reader needs them).
QString generate(const QString &targetId, const Request &request, QStringList *warnings = nullptr);

} // namespace Snippets
} // namespace Sonde
