#include "WelcomeRequests.h"

#include "model/QueryParams.h"

namespace Sonde {

namespace {

Request makeRequest(const QString &name, const QString &method, const QString &url)
{
    Request request;
    request.name = name;
    request.method = method;
    request.url = url;
    request.params = QueryParams::parse(url);
    return request;
}

} // namespace

QList<Request> welcomeRequests(const QUrl &echoBaseUrl)
{
    QString base = echoBaseUrl.toString();
    while (base.endsWith(u'/'))
        base.chop(1);

    Request get = makeRequest(QStringLiteral("GET with query"), QStringLiteral("GET"),
        base + QStringLiteral("/get?city=Lisbon&units=metric"));
    get.headers = {{QStringLiteral("Accept"), QStringLiteral("application/json"), true}};

    Request post
        = makeRequest(QStringLiteral("POST JSON"), QStringLiteral("POST"), base + QStringLiteral("/post"));
    post.body.kind = Body::Kind::Raw;
    post.body.contentType = QStringLiteral("application/json");
    post.body.data
        = QByteArrayLiteral("{\n    \"name\": \"Sonde\",\n    \"tags\": [\"fast\", \"native\"]\n}\n");

    return {
        get,
        post,
        makeRequest(QStringLiteral("404"), QStringLiteral("GET"), base + QStringLiteral("/status/404")),
        makeRequest(QStringLiteral("XML"), QStringLiteral("GET"), base + QStringLiteral("/xml")),
    };
}

} // namespace Sonde
