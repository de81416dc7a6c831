#pragma once

#include "formats/ImportResult.h"
#include "formats/OpenApiRefs.h"

#include <QJsonObject>
#include <QSet>

namespace Sonde {

/// Turns the security schemes of an OpenAPI document (`components.securitySchemes`, Swagger 2's
/// `securityDefinitions`) into auth settings: HTTP basic, bearer and digest, API keys in a header or
/// the query, OAuth 2.0 with the URLs and scopes of its first flow, OpenID Connect as OAuth 2.0
/// (authorization code) whose discovery document is named in a variable. Credentials become
/// `{{variables}}` of the collection (empty, secret ones secret) for the user to fill.
///
/// The document's `security` applies to the collection; an operation's own `security` to its request
/// (an empty list: no auth). Of several alternatives the first is taken; a requirement that needs
/// several schemes at once gets its first, with a warning: a request has one auth scheme.
class OpenApiSecurity
{
public:
    OpenApiSecurity(OpenApiRefs &refs, ImportResult &result);

    /// Reads the schemes and the document's `security` into the collection's auth.
    void read(const QJsonObject &root, bool swagger2);
    /// The auth of an operation whose `security` is `security`: Inherit when it is the collection's.
    AuthConfig requestAuth(const SpecNode &security);

private:
    AuthConfig fromRequirements(const SpecNode &security);
    AuthConfig fromScheme(const QString &name, const QStringList &scopes, const QString &where);
    QString variable(const QString &name, bool secret, const QString &value = {});

    OpenApiRefs &m_refs;
    ImportResult &m_result;
    SpecNode m_schemes;
    bool m_swagger2 = false;
    QSet<QString> m_warned;
};

} // namespace Sonde
