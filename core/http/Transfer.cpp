#include "http/Transfer.h"

#include "auth/AuthApply.h"
#include "auth/DigestAuth.h"
#include "auth/SigV4.h"
#include "http/ContentDecoder.h"
#include "http/ProxyRoute.h"
#include "http/CookieJar.h"
#include "http/RequestBuilder.h"
#include "http/WireHeaders.h"

#include <QAuthenticator>
#include <QDir>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <QHostAddress>
#include <QHostInfo>
#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkReply>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QTemporaryFile>

namespace Sonde {

namespace {

QString sizeInWords(qint64 bytes)
{
    if (bytes < 1024)
        return QStringLiteral("%1 bytes").arg(bytes);
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString tlsProtocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_2: return QStringLiteral("TLS 1.2");
    case QSsl::TlsV1_3: return QStringLiteral("TLS 1.3");
    case QSsl::DtlsV1_2: return QStringLiteral("DTLS 1.2");
    default: return QStringLiteral("TLS");
    }
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(a.scheme() == u"https" ? 443 : 80) == b.port(b.scheme() == u"https" ? 443 : 80);
}

} // namespace

Transfer::Transfer(QNetworkAccessManager *network, const Request &request, const Options &options, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_options(options)
{
    m_exchange.id = QUuid::createUuid();
    m_exchange.request = request;
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(TransportError::Kind::Timeout,
             QStringLiteral("No complete response within %1 ms (the request's timeout); %2 received.")
                 .arg(m_exchange.request.settings.timeoutMs)
                 .arg(sizeInWords(m_wireSize)));
    });
    QMetaObject::invokeMethod(this, &Transfer::start, Qt::QueuedConnection);
}

Transfer::~Transfer()
{
    if (m_hashCancelled)
        m_hashCancelled->store(true);
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
    if (m_options.proxyRoute && !m_proxyTag.isEmpty())
        m_options.proxyRoute->remove(m_proxyTag);
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

double Transfer::elapsedMs() const
{
    return m_clock.nsecsElapsed() / 1e6;
}

void Transfer::cancel()
{
    if (m_finished)
        return;
    fail(TransportError::Kind::Cancelled,
         QStringLiteral("Cancelled after %1 ms; %2 received.")
             .arg(qRound(elapsedMs()))
             .arg(sizeInWords(m_wireSize)));
}

void Transfer::start()
{
    if (m_finished) // cancelled before it started
        return;
    m_clock.start();
    m_exchange.startedAt = QDateTime::currentDateTimeUtc();
    const Request &request = m_exchange.request;

    PreparedRequest prepared = RequestBuilder::prepare(request);
    if (prepared.error.isError()) {
        fail(prepared.error.kind, prepared.error.message);
        return;
    }
    m_body = std::move(prepared.body);
    if (request.settings.timeoutMs > 0)
        m_timeout.start(request.settings.timeoutMs);
    if (request.auth.type == AuthConfig::Type::AwsSigV4 && m_body.present && m_body.isStreamed()) {
        hashBodyThenStart(prepared.url, prepared.method);
        return;
    }
    if (request.auth.type == AuthConfig::Type::AwsSigV4)
        m_payloadHash = SigV4::hexSha256(m_body.bytes);
    if (request.auth.type == AuthConfig::Type::Ntlm)
        connect(m_network, &QNetworkAccessManager::authenticationRequired, this,
                &Transfer::onAuthenticationRequired);
    startHop(prepared.url, prepared.method, m_body.present);
}

void Transfer::hashBodyThenStart(const QUrl &url, const QByteArray &method)
{
    // SigV4 signs the hash of the whole body: files are read in a worker, never on this thread, and
    // never held in memory.
    struct Result
    {
        QByteArray hash;
        QString error;
    };
    m_hashCancelled = std::make_shared<std::atomic_bool>(false);
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcher<Result>::finished, this, [this, watcher, url, method] {
        const Result result = watcher->result();
        watcher->deleteLater();
        if (m_finished)
            return;
        if (!result.error.isEmpty()) {
            fail(TransportError::Kind::Other, result.error);
            return;
        }
        m_payloadHash = result.hash;
        startHop(url, method, true);
    });
    watcher->setFuture(QtConcurrent::run([body = m_body, cancelled = m_hashCancelled]() -> Result {
        std::unique_ptr<QIODevice> device = body.open();
        QCryptographicHash hash(QCryptographicHash::Sha256);
        QByteArray chunk(256 * 1024, Qt::Uninitialized);
        qint64 total = 0;
        while (!cancelled->load()) {
            const qint64 read = device->read(chunk.data(), chunk.size());
            if (read < 0)
                return {{}, QStringLiteral("Could not read the body to sign it: %1")
                                .arg(device->errorString())};
            if (read == 0)
                break;
            hash.addData(QByteArrayView(chunk.constData(), read));
            total += read;
        }
        if (!cancelled->load() && total != body.size)
            return {{}, QStringLiteral("The body's files changed while they were read to sign it.")};
        return {hash.result().toHex(), {}};
    }));
}

bool Transfer::toRequestOrigin() const
{
    return m_exchange.redirects.isEmpty() || sameOrigin(m_exchange.redirects.constFirst().sent.url, m_url);
}

void Transfer::addAuth(HeaderList &headers) const
{
    // A user's own Authorization header wins over the auth settings; nothing goes to another origin.
    if (!toRequestOrigin() || !headerValue(headers, "Authorization").isNull())
        return;
    if (!m_challengeAnswer.isEmpty())
        headers.append({"Authorization", m_challengeAnswer});
    else if (m_exchange.request.auth.type == AuthConfig::Type::AwsSigV4)
        signAws(headers);
}

void Transfer::signAws(HeaderList &headers) const
{
    const AwsSigV4 &aws = m_exchange.request.auth.aws;
    const bool s3 = aws.service.compare(u"s3", Qt::CaseInsensitive) == 0;
    const QByteArray payloadHash = m_sendBody ? m_payloadHash : SigV4::hexSha256({});
    const auto replace = [&headers](const QByteArray &name, const QByteArray &value) {
        headers.removeIf(
            [&name](const auto &header) { return header.first.compare(name, Qt::CaseInsensitive) == 0; });
        headers.append({name, value});
    };
    const QDateTime now = QDateTime::currentDateTimeUtc();
    replace("X-Amz-Date", SigV4::amzDate(now));
    if (!aws.sessionToken.isEmpty())
        replace("X-Amz-Security-Token", aws.sessionToken.toUtf8());
    if (s3)
        replace("X-Amz-Content-Sha256", payloadHash);

    // Signed: Host, Content-Type and the x-amz-* headers — the ones no proxy or network stack rewrites.
    SigV4::Input input;
    input.method = m_method;
    input.path = s3 ? m_url.path(QUrl::FullyDecoded).toUtf8() : m_url.path(QUrl::FullyEncoded).toLatin1();
    input.normalizePath = !s3;
    input.query = m_url.query(QUrl::FullyEncoded).toLatin1();
    input.payloadHash = payloadHash;
    input.headers.append({"Host", WireHeaders::hostValue(m_url)});
    for (const auto &header : std::as_const(headers)) {
        const QByteArray lower = header.first.toLower();
        if (lower == "content-type" || lower.startsWith("x-amz-"))
            input.headers.append(header);
    }
    headers.append({"Authorization", SigV4::sign(input, aws, now).authorization});
}

bool Transfer::answerChallenge()
{
    const AuthConfig &auth = m_exchange.request.auth;
    if (!m_exchange.response || m_exchange.response->statusCode != 401 || !toRequestOrigin())
        return false;
    const HeaderList &responseHeaders = m_exchange.response->headers;
    if (auth.type == AuthConfig::Type::Ntlm && m_ntlmAnswered) {
        fail(TransportError::Kind::Authentication,
             QStringLiteral("The server rejected the NTLM credentials of “%1” (401 Unauthorized).")
                 .arg(auth.ntlm.username));
        return true;
    }
    if (auth.type != AuthConfig::Type::Digest)
        return false;
    // The user's own Authorization header was refused: that is an answer like any other.
    if (m_challengeAnswer.isEmpty() && !headerValue(m_exchange.sent.headers, "Authorization").isNull())
        return false;
    if (!m_challengeAnswer.isEmpty()) {
        // Answered once already: the credentials are wrong. Never ask again in a loop.
        fail(TransportError::Kind::Authentication,
             QStringLiteral("The server rejected the Digest credentials of “%1” (401 Unauthorized).")
                 .arg(auth.digest.username));
        return true;
    }
    const QList<DigestAuth::Challenge> challenges = DigestAuth::parseChallenges(responseHeaders);
    const std::optional<DigestAuth::Challenge> chosen = DigestAuth::choose(challenges);
    if (!chosen) {
        QStringList offered;
        for (const DigestAuth::Challenge &challenge : challenges) {
            QString name = QString::fromLatin1(challenge.scheme);
            const bool digest = challenge.scheme.compare("Digest", Qt::CaseInsensitive) == 0;
            if (digest && !challenge.param("algorithm").isEmpty())
                name += QStringLiteral(" (%1)").arg(QString::fromLatin1(challenge.param("algorithm")));
            if (!offered.contains(name))
                offered.append(name);
        }
        fail(TransportError::Kind::Authentication,
             offered.isEmpty()
                 ? QStringLiteral("The server answered 401 Unauthorized without a challenge to answer.")
                 : QStringLiteral("The server asks for %1, not a Digest challenge Sonde can answer (MD5 or "
                                  "SHA-256, qop auth).")
                       .arg(offered.join(QStringLiteral(", "))));
        return true;
    }
    m_challengeAnswer = DigestAuth::authorization(*chosen, auth.digest.username, auth.digest.password,
                                                  m_method, WireHeaders::requestTarget(m_url),
                                                  DigestAuth::newClientNonce());
    // The same hop again, now with the answer; the 401 is not kept.
    releaseReply();
    m_exchange.response.reset();
    m_exchange.sizes = Sizes();
    m_exchange.tls = TlsInfo();
    sendHop();
    return true;
}

void Transfer::onAuthenticationRequired(QNetworkReply *reply, QAuthenticator *authenticator)
{
    // The manager asks every listener; only this transfer's reply is ours to answer, and only once: a
    // second question means the credentials were refused (answerChallenge() says so).
    if (!m_reply || reply != m_reply.get() || m_ntlmAnswered || !toRequestOrigin())
        return;
    const NtlmCredentials &ntlm = m_exchange.request.auth.ntlm;
    m_ntlmAnswered = true;
    authenticator->setUser(ntlm.domain.isEmpty() ? ntlm.username : ntlm.domain + u'\\' + ntlm.username);
    authenticator->setPassword(ntlm.password);
}

void Transfer::startHop(const QUrl &url, const QByteArray &method, bool sendBody)
{
    m_url = url;
    m_method = method;
    m_sendBody = sendBody;

    const ProxyChoice proxy = chooseProxy(m_exchange.request.settings.proxy, url);
    if (!proxy.problem.isEmpty()) {
        fail(TransportError::Kind::Proxy, proxy.problem);
        return;
    }
    m_proxy = proxy.proxy;
    if (m_proxy.type() != QNetworkProxy::NoProxy) {
        // The proxy resolves the host name (HTTP proxies always, SOCKS5 with remote lookup, as Qt asks).
        m_exchange.timings.dns = -1;
        sendHop();
        return;
    }

    // DNS is timed with our own lookup just before the send; QNAM's own lookup then hits the cache.
    QHostAddress literal;
    if (literal.setAddress(url.host())) {
        m_exchange.timings.dns = -1;
        sendHop();
        return;
    }
    const double lookupStart = elapsedMs();
    m_lookupId = QHostInfo::lookupHost(url.host(), this, [this, lookupStart](const QHostInfo &info) {
        m_lookupId = -1;
        if (m_finished)
            return;
        m_exchange.timings.dns = elapsedMs() - lookupStart;
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            fail(TransportError::Kind::HostNotFound, QStringLiteral("Could not resolve the host name “%1”: %2")
                                                         .arg(m_url.host(), info.errorString()));
            return;
        }
        sendHop();
    });
}

void Transfer::sendHop()
{
    const Request &request = m_exchange.request;
    QUrl networkUrl = m_url;
    if (m_options.proxyRoute) {
        // The proxy goes with the request through the fragment, never sent (see ProxyRoute).
        m_proxyTag = m_options.proxyRoute->add(m_proxy);
        networkUrl.setFragment(m_proxyTag);
    }
    QNetworkRequest networkRequest(networkUrl);
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    // The default load control (PreferNetwork) with no cache on the manager always goes to the network;
    // AlwaysNetwork would add Cache-Control and Pragma headers the user did not ask for.
    networkRequest.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    networkRequest.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    networkRequest.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    // Manual reuse also keeps QNAM from answering any challenge (it sends the request without credentials),
    // so it is left out when the request's proxy has credentials to give, and for NTLM, whose handshake
    // QNAM runs with the credentials onAuthenticationRequired() gives.
    const bool proxyCredentials = m_proxy.type() == QNetworkProxy::HttpProxy && !m_proxy.user().isEmpty();
    if (!proxyCredentials && request.auth.type != AuthConfig::Type::Ntlm)
        networkRequest.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    const HttpVersionPolicy version = request.settings.httpVersion;
    networkRequest.setAttribute(QNetworkRequest::Http2AllowedAttribute, version != HttpVersionPolicy::Http1Only);
    networkRequest.setAttribute(QNetworkRequest::Http2DirectAttribute,
                                version == HttpVersionPolicy::Http2PriorKnowledge);
    if (!m_options.caCertificates.isEmpty() && m_url.scheme() == u"https") {
        QSslConfiguration tls = networkRequest.sslConfiguration();
        tls.addCaCertificates(m_options.caCertificates);
        networkRequest.setSslConfiguration(tls);
    }
    m_exchange.tls.clientCertificate.clear();
    m_exchange.tls.clientCertificatePattern.clear();
    if (const LoadedClientCertificate *client = clientCertificateFor(m_options.clientCertificates, m_url)) {
        if (!client->result.ok()) {
            fail(TransportError::Kind::Tls,
                QStringLiteral("The client certificate for “%1” could not be used: %2")
                    .arg(client->entry.host, client->result.error));
            return;
        }
        const ClientIdentity &identity = *client->result.identity;
        QSslConfiguration tls = networkRequest.sslConfiguration();
        tls.setLocalCertificateChain(QList<QSslCertificate> {identity.certificate} + identity.chain);
        tls.setPrivateKey(identity.key);
        networkRequest.setSslConfiguration(tls);
        m_exchange.tls.clientCertificate = identity.subject();
        m_exchange.tls.clientCertificatePattern = client->entry.host;
    }

    const bool crossOriginHop = !m_exchange.redirects.isEmpty()
        && !sameOrigin(m_exchange.redirects.constFirst().sent.url, m_url);
    HeaderList headers = RequestBuilder::headers(request, m_body, m_sendBody, crossOriginHop);
    addJarCookies(headers);
    addAuth(headers);
    m_userAcceptEncoding = !headerValue(headers, "Accept-Encoding").isNull();
    for (const auto &header : std::as_const(headers))
        networkRequest.setRawHeader(header.first, header.second);

    SentRequest &sent = m_exchange.sent;
    sent = SentRequest();
    sent.method = m_method;
    sent.url = m_url;
    sent.target = WireHeaders::requestTarget(m_url);
    sent.httpVersion = "HTTP/1.1";
    sent.headers = WireHeaders::forHttp1(headers, m_url, m_sendBody ? m_body.size : -1);
    if (m_proxy.type() == QNetworkProxy::HttpProxy && m_url.scheme() == u"http") {
        // Through an HTTP proxy, a plain-HTTP request names its whole URL, and after the proxy's (Basic)
        // challenge carries its credentials; HTTPS goes through a CONNECT tunnel unchanged.
        sent.target = m_url.toEncoded(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
            + WireHeaders::requestTarget(m_url);
        if (!m_proxy.user().isEmpty())
            sent.headers.append({"Proxy-Authorization",
                                 "Basic " + (m_proxy.user() + u':' + m_proxy.password()).toUtf8().toBase64()});
    }
    sent.headers = WireHeaders::withNamesAsSent(sent.headers);
    if (m_sendBody) {
        // A streamed body is recorded by its size: its files may be larger than memory.
        sent.body = m_body.bytes;
        sent.bodySize = m_body.size;
    }

    m_hopStart = elapsedMs();
    m_connectStart = m_encrypted = m_requestSent = m_firstByte = -1;
    m_headSeen = false;
    m_wireSize = m_decodedSize = 0;
    m_memoryBody.clear();
    m_spool.reset();
    m_decoder.reset();

    QNetworkReply *reply = nullptr;
    if (m_method == "HEAD")
        reply = m_network->head(networkRequest);
    else if (m_method == "GET" && !m_sendBody)
        reply = m_network->get(networkRequest);
    else if (m_sendBody && !m_body.isStreamed())
        reply = m_network->sendCustomRequest(networkRequest, m_method, m_body.bytes);
    else if (m_sendBody)
        reply = sendStreamed(networkRequest);
    else
        reply = m_network->sendCustomRequest(networkRequest, m_method, static_cast<QIODevice *>(nullptr));
    m_reply.reset(reply);
    if (m_options.readBufferSize > 0)
        reply->setReadBufferSize(m_options.readBufferSize);

    connect(reply, &QNetworkReply::socketStartedConnecting, this, [this] { m_connectStart = elapsedMs(); });
    connect(reply, &QNetworkReply::encrypted, this, [this] {
        m_encrypted = elapsedMs();
        const QSslConfiguration tls = m_reply->sslConfiguration();
        TlsInfo &info = m_exchange.tls;
        info.used = true;
        info.protocol = tlsProtocolName(tls.sessionProtocol());
        info.cipher = tls.sessionCipher().name();
        const QSslCertificate peer = tls.peerCertificate();
        info.peerSubject = peer.subjectDisplayName();
        info.peerIssuer = peer.issuerDisplayName();
        info.peerExpiry = peer.expiryDate();
    });
    connect(reply, &QNetworkReply::requestSent, this, [this] { m_requestSent = elapsedMs(); });
    connect(reply, &QNetworkReply::metaDataChanged, this, &Transfer::onMetaData);
    connect(reply, &QNetworkReply::readyRead, this, &Transfer::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &Transfer::onReplyFinished);
    connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 bytesSent, qint64 total) {
        // QNAM reports (0, 0) once the reply is done; that says nothing about the body.
        if (total > 0)
            Q_EMIT uploadProgress(bytesSent, total);
    });
    connect(reply, &QNetworkReply::downloadProgress, this, [this](qint64, qint64 total) {
        Q_EMIT downloadProgress(m_wireSize, total);
    });
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        if (m_exchange.request.settings.ignoreTlsErrors) {
            m_reply->ignoreSslErrors();
            return;
        }
        for (const QSslError &error : errors) {
            QString text = error.errorString();
            if (!error.certificate().isNull())
                text += QStringLiteral(" (certificate for “%1”, issued by “%2”)")
                            .arg(error.certificate().subjectDisplayName(),
                                 error.certificate().issuerDisplayName());
            m_tlsErrors.append(text);
        }
    });
}

void Transfer::addJarCookies(HeaderList &headers) const
{
    if (!m_options.cookieJar || !m_exchange.request.settings.sendCookies)
        return;
    // The jar's cookies go after a Cookie header the user wrote, in the same header (RFC 6265 §5.4: one
    // Cookie field); a cookie the user named there is not sent twice.
    auto existing = std::find_if(headers.begin(), headers.end(), [](const auto &header) {
        return header.first.compare("Cookie", Qt::CaseInsensitive) == 0;
    });
    QList<QByteArray> userNames;
    if (existing != headers.end()) {
        for (const QByteArray &pair : existing->second.split(';'))
            userNames.append(pair.left(pair.indexOf('=')).trimmed());
    }
    QByteArray value;
    for (const QNetworkCookie &cookie : m_options.cookieJar->cookiesForUrl(m_url)) {
        if (userNames.contains(cookie.name()))
            continue;
        if (!value.isEmpty())
            value += "; ";
        value += cookie.toRawForm(QNetworkCookie::NameAndValueOnly);
    }
    if (value.isEmpty())
        return;
    if (existing != headers.end())
        existing->second += "; " + value;
    else
        headers.append({"Cookie", value});
}

void Transfer::storeResponseCookies(const HeaderList &responseHeaders)
{
    // Every hop's cookies are stored before the next hop is sent: a Set-Cookie on a 302 goes with the
    // redirected request, as in browsers.
    if (!m_options.cookieJar || !m_exchange.request.settings.sendCookies)
        return;
    QList<QNetworkCookie> cookies;
    for (const auto &header : responseHeaders) {
        if (header.first.compare("Set-Cookie", Qt::CaseInsensitive) == 0)
            cookies += QNetworkCookie::parseCookies(header.second);
    }
    if (!cookies.isEmpty())
        m_options.cookieJar->setCookiesFromUrl(cookies, m_url);
}

QNetworkReply *Transfer::sendStreamed(QNetworkRequest &networkRequest)
{
    // A known length keeps QNAM from reading the whole device into memory first.
    networkRequest.setHeader(QNetworkRequest::ContentLengthHeader, m_body.size);
    std::unique_ptr<QIODevice> device = m_body.open();
    QNetworkReply *reply = m_network->sendCustomRequest(networkRequest, m_method, device.get());
    // The reply reads the device until it finishes: it owns it (as with QHttpMultiPart).
    device.release()->setParent(reply);
    return reply;
}

void Transfer::onMetaData()
{
    if (m_headSeen)
        return;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return;
    m_headSeen = true;
    if (m_firstByte < 0)
        m_firstByte = elapsedMs();

    ResponseHead head;
    head.statusCode = status.toInt();
    head.reasonPhrase = m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    const bool http2 = m_reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool();
    head.httpVersion = http2 ? "HTTP/2" : "HTTP/1.1";
    for (const auto &pair : m_reply->rawHeaderPairs())
        head.headers.append(pair);
    if (http2) {
        SentRequest &sent = m_exchange.sent;
        sent.httpVersion = "HTTP/2";
        sent.headers = WireHeaders::forHttp2(sent.headers, sent.method, sent.url);
    }
    storeResponseCookies(head.headers);
    m_exchange.response = head;

    const QByteArray encoding = headerValue(head.headers, "Content-Encoding").trimmed();
    m_exchange.sizes.contentEncoding.clear();
    if (!encoding.isEmpty() && encoding.compare("identity", Qt::CaseInsensitive) != 0) {
        m_exchange.sizes.contentEncoding = encoding;
        m_decoder = ContentDecoder::create(encoding);
    }
}

void Transfer::onReadyRead()
{
    if (!m_reply)
        return;
    if (!m_headSeen)
        onMetaData();
    while (m_reply && m_reply->bytesAvailable() > 0) {
        const QByteArray chunk = m_reply->read(256 * 1024);
        if (chunk.isEmpty())
            break;
        if (!consume(chunk))
            return;
    }
}

bool Transfer::consume(const QByteArray &chunk)
{
    m_wireSize += chunk.size();
    // A redirect's own body is read and dropped: only the final response is kept.
    if (m_exchange.request.settings.followRedirects && m_exchange.response
        && isRedirect(m_exchange.response->statusCode)
        && !headerValue(m_exchange.response->headers, "Location").isEmpty())
        return true;
    if (!m_decoder)
        return appendDecoded(chunk);
    const QByteArray decoded = m_decoder->decode(chunk);
    if (m_decoder->hasError()) {
        fail(TransportError::Kind::Protocol, m_decoder->errorString());
        return false;
    }
    return appendDecoded(decoded);
}

bool Transfer::appendDecoded(const QByteArray &data)
{
    if (data.isEmpty())
        return true;
    m_decodedSize += data.size();
    if (!m_spool && m_memoryBody.size() + data.size() <= m_options.memoryThreshold) {
        m_memoryBody += data;
        return true;
    }
    if (!m_spool) {
        const QString folder = m_options.temporaryDirectory.isEmpty() ? QDir::tempPath()
                                                                       : m_options.temporaryDirectory;
        m_spool = std::make_unique<QTemporaryFile>(folder + QStringLiteral("/sonde-body-XXXXXX"));
        // BodyData takes the file over and removes it when the last handle goes.
        m_spool->setAutoRemove(false);
        if (!m_spool->open()) {
            fail(TransportError::Kind::Other,
                 QStringLiteral("Could not create a temporary file in %1 for the response body: %2")
                     .arg(folder, m_spool->errorString()));
            return false;
        }
        if (m_spool->write(m_memoryBody) != m_memoryBody.size()) {
            fail(TransportError::Kind::Other, QStringLiteral("Could not write the response body to %1: %2")
                                                  .arg(m_spool->fileName(), m_spool->errorString()));
            return false;
        }
        m_memoryBody.clear();
        m_memoryBody.squeeze();
    }
    if (m_spool->write(data) != data.size()) {
        fail(TransportError::Kind::Other, QStringLiteral("Could not write the response body to %1: %2")
                                              .arg(m_spool->fileName(), m_spool->errorString()));
        return false;
    }
    return true;
}

void Transfer::onReplyFinished()
{
    if (!m_reply || m_finished)
        return;
    onReadyRead();
    if (m_finished)
        return;
    const QNetworkReply::NetworkError error = m_reply->error();
    const QString errorString = m_reply->errorString();
    if (!m_headSeen)
        onMetaData();

    // Errors that mean "no complete HTTP response". HTTP statuses (4xx, 5xx) are answers, not errors.
    const bool httpStatusError = m_headSeen
        && ((error >= QNetworkReply::ContentAccessDenied && error <= QNetworkReply::UnknownContentError)
            || (error >= QNetworkReply::ProtocolInvalidOperationError && error <= QNetworkReply::UnknownServerError)
            || (error == QNetworkReply::ProxyAuthenticationRequiredError && m_proxy.type() == QNetworkProxy::NoProxy));
    if (error != QNetworkReply::NoError && !httpStatusError) {
        using Kind = TransportError::Kind;
        const QString where = m_url.host() + u':' + QString::number(m_url.port(m_url.scheme() == u"https" ? 443 : 80));
        switch (error) {
        case QNetworkReply::ConnectionRefusedError:
            // Through an HTTP proxy the only connection Sonde makes is to the proxy.
            if (m_proxy.type() == QNetworkProxy::HttpProxy) {
                fail(Kind::Proxy, QStringLiteral("Connection refused by the proxy %1: nothing is listening there.")
                                      .arg(proxyDisplayName(m_proxy)));
                return;
            }
            fail(Kind::ConnectionRefused,
                 QStringLiteral("Connection refused by %1: nothing is listening there.").arg(where));
            return;
        case QNetworkReply::HostNotFoundError:
            fail(Kind::HostNotFound, QStringLiteral("Could not resolve the host name “%1”.").arg(m_url.host()));
            return;
        case QNetworkReply::SslHandshakeFailedError:
            fail(Kind::Tls,
                m_tlsErrors.isEmpty()
                    ? handshakeProblem(where, errorString)
                    : QStringLiteral(
                        "The certificate of %1 is not trusted. Turn on “Ignore TLS errors” in the "
                        "request's settings to connect anyway.")
                          .arg(where),
                m_tlsErrors);
            return;
        case QNetworkReply::RemoteHostClosedError:
        case QNetworkReply::NetworkSessionFailedError:
        case QNetworkReply::UnknownNetworkError:
        case QNetworkReply::ProtocolFailure:
        case QNetworkReply::TemporaryNetworkFailureError: {
            if (!m_headSeen && m_proxy.type() != QNetworkProxy::NoProxy) {
                // SOCKS5 reports a proxy that is not there as a closed connection.
                fail(Kind::Proxy, QStringLiteral("Could not connect through the proxy %1: %2")
                                      .arg(proxyDisplayName(m_proxy), errorString));
                return;
            }
            const qint64 expected = m_exchange.response
                ? headerValue(m_exchange.response->headers, "Content-Length").toLongLong()
                : 0;
            if (!m_headSeen && m_url.scheme() == u"https" && m_encrypted >= 0) {
                // With TLS 1.3 the client's side of the handshake ends before the server has checked the
                // client certificate: a refusal arrives as a connection closed without a response.
                if (!m_exchange.tls.clientCertificate.isEmpty()) {
                    fail(Kind::Tls,
                        QStringLiteral("%1 closed the connection right after the TLS handshake, without a "
                                       "response: it most likely rejected the client certificate “%2” "
                                       "(set for “%3”).")
                            .arg(where, m_exchange.tls.clientCertificate,
                                m_exchange.tls.clientCertificatePattern));
                } else {
                    fail(Kind::ConnectionClosed,
                        QStringLiteral(
                            "%1 closed the connection right after the TLS handshake, without a response. "
                            "If it requires a client certificate, set one for this host (Settings ▸ "
                            "Certificates, or --cert with sonde-cli).")
                            .arg(where));
                }
                return;
            }
            if (!m_headSeen)
                fail(Kind::ConnectionClosed,
                     QStringLiteral("%1 closed the connection before sending a response (%2).").arg(where, errorString));
            else if (expected > 0)
                fail(Kind::ConnectionClosed, QStringLiteral("The connection was closed after %1 of %2 of the body.")
                                                 .arg(sizeInWords(m_wireSize), sizeInWords(expected)));
            else
                fail(Kind::ConnectionClosed,
                     QStringLiteral("The connection was closed in the middle of the body, after %1 (%2).")
                         .arg(sizeInWords(m_wireSize), errorString));
            return;
        }
        case QNetworkReply::TimeoutError:
            fail(Kind::Timeout, QStringLiteral("The connection to %1 timed out.").arg(where));
            return;
        case QNetworkReply::ProxyConnectionRefusedError:
            fail(Kind::Proxy, QStringLiteral("Connection refused by the proxy %1: nothing is listening there.")
                                  .arg(proxyDisplayName(m_proxy)));
            return;
        case QNetworkReply::ProxyAuthenticationRequiredError:
            fail(Kind::Proxy, proxyAuthenticationProblem());
            return;
        case QNetworkReply::ProxyConnectionClosedError:
        case QNetworkReply::ProxyNotFoundError:
        case QNetworkReply::ProxyTimeoutError:
        case QNetworkReply::UnknownProxyError:
            fail(Kind::Proxy, QStringLiteral("The proxy %1 failed: %2").arg(proxyDisplayName(m_proxy), errorString));
            return;
        case QNetworkReply::InsecureRedirectError:
        case QNetworkReply::ProtocolUnknownError:
        case QNetworkReply::ProtocolInvalidOperationError:
            fail(Kind::Protocol, errorString);
            return;
        default:
            fail(Kind::Other, errorString);
            return;
        }
    }

    if (m_decoder && !m_decoder->isFinished() && m_wireSize > 0) {
        fail(TransportError::Kind::Protocol,
             QStringLiteral("The %1 body ended before the end of the compressed stream.")
                 .arg(QString::fromLatin1(m_exchange.sizes.contentEncoding)));
        return;
    }
    if (answerChallenge())
        return;
    if (followRedirect())
        return;
    finish();
}

bool Transfer::followRedirect()
{
    const RequestSettings &settings = m_exchange.request.settings;
    if (!settings.followRedirects || !m_exchange.response || !isRedirect(m_exchange.response->statusCode))
        return false;
    const QByteArray location = headerValue(m_exchange.response->headers, "Location");
    if (location.isEmpty())
        return false;
    const QUrl next = m_url.resolved(QUrl::fromEncoded(location.trimmed(), QUrl::TolerantMode));
    if (!next.isValid() || (next.scheme() != u"http" && next.scheme() != u"https")) {
        fail(TransportError::Kind::Protocol,
             QStringLiteral("The server redirected to “%1”, which Sonde cannot follow.").arg(QString::fromUtf8(location)));
        return true;
    }
    if (m_exchange.redirects.size() >= settings.maxRedirects) {
        QList<QUrl> visited;
        for (const RedirectHop &hop : std::as_const(m_exchange.redirects))
            visited.append(hop.sent.url);
        const bool loop = visited.contains(next) || next == m_url;
        fail(TransportError::Kind::TooManyRedirects,
             QStringLiteral("Stopped after %1 redirects (the maximum)%2; the last one pointed to %3.")
                 .arg(settings.maxRedirects)
                 .arg(loop ? QStringLiteral(": the server redirects in a loop") : QString())
                 .arg(next.toDisplayString()));
        return true;
    }

    m_exchange.redirects.append({m_exchange.sent, *m_exchange.response});
    // A Digest answer is for one method and target: the next hop answers its own challenge.
    m_challengeAnswer.clear();
    releaseReply();
    m_exchange.response.reset();
    m_exchange.sizes = Sizes();
    m_exchange.tls = TlsInfo();

    // 303, and 301/302 after POST, become GET without a body (RFC 9110 §15.4, as browsers do).
    const int status = m_exchange.redirects.constLast().response.statusCode;
    QByteArray method = m_method;
    bool sendBody = m_sendBody;
    if ((status == 303 && method != "HEAD") || ((status == 301 || status == 302) && method == "POST")) {
        method = "GET";
        sendBody = false;
    }
    startHop(next, method, sendBody);
    return true;
}

void Transfer::fail(TransportError::Kind kind, const QString &message, const QStringList &details)
{
    if (m_finished)
        return;
    m_exchange.error.kind = kind;
    m_exchange.error.message = message;
    m_exchange.error.details = details;
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    finish();
}

void Transfer::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout.stop();
    if (m_hashCancelled)
        m_hashCancelled->store(true);
    const double end = m_clock.isValid() ? elapsedMs() : 0;
    releaseReply();

    Timings &t = m_exchange.timings;
    t.total = end;
    t.connectionReused = m_connectStart < 0 && m_requestSent >= 0;
    if (m_connectStart >= 0) {
        if (m_encrypted >= 0) {
            t.connect = m_encrypted - m_connectStart;
            if (m_requestSent >= 0)
                t.send = m_requestSent - m_encrypted;
        } else if (m_requestSent >= 0) {
            t.connect = m_requestSent - m_connectStart;
        }
    } else if (m_requestSent >= 0) {
        t.send = m_requestSent - m_hopStart;
    }
    if (m_firstByte >= 0) {
        const double sentAt = m_requestSent >= 0 ? m_requestSent : m_hopStart;
        t.wait = m_firstByte - sentAt;
        t.download = end - m_firstByte;
    }

    if (m_spool) {
        const QString path = m_spool->fileName();
        m_spool->close();
        m_spool.reset();
        m_exchange.body = BodyData::fromTemporaryFile(path, m_decodedSize);
    } else {
        m_exchange.body = BodyData::fromBytes(std::exchange(m_memoryBody, QByteArray()));
    }
    m_exchange.sizes.wireBodyBytes = m_wireSize;
    m_exchange.sizes.decodedBodyBytes = m_decodedSize;
    if (m_exchange.response)
        m_exchange.sizes.headerBytes = m_exchange.response->headSize();
    Q_EMIT finished(m_exchange);
}

QString Transfer::proxyAuthenticationProblem() const
{
    const QString status = m_proxy.type() == QNetworkProxy::HttpProxy
        ? QStringLiteral(" (407 Proxy Authentication Required)")
        : QString();
    if (m_proxy.user().isEmpty())
        return QStringLiteral("The proxy %1 asks for a user name and password%2; set them in the request's settings.")
            .arg(proxyDisplayName(m_proxy), status);
    return QStringLiteral("The proxy %1 rejected the user name “%2” and its password%3.")
        .arg(proxyDisplayName(m_proxy), m_proxy.user(), status);
}

QString Transfer::handshakeProblem(const QString &where, const QString &errorString) const
{
    // OpenSSL names the TLS alert the server sent: "certificate required" (TLS 1.3), "bad certificate",
    // "unknown ca"… A bare "handshake failure" is what TLS 1.2 servers send for a missing certificate,
    // but also for no common cipher: it only allows a guess.
    const QString alert = errorString.toLower();
    const bool required = alert.contains(u"certificate required");
    const bool refused = alert.contains(u"bad certificate") || alert.contains(u"unknown ca")
        || alert.contains(u"certificate unknown") || alert.contains(u"certificate expired")
        || alert.contains(u"certificate revoked") || alert.contains(u"unsupported certificate")
        || alert.contains(u"access denied");
    const bool unclear = alert.contains(u"handshake failure");
    const TlsInfo &tls = m_exchange.tls;
    if (!tls.clientCertificate.isEmpty()) {
        if (required || refused)
            return QStringLiteral("%1 rejected the client certificate “%2” (set for “%3”): %4")
                .arg(where, tls.clientCertificate, tls.clientCertificatePattern, errorString);
        return QStringLiteral(
            "The TLS handshake with %1 failed: %2. Sonde offered the client certificate “%3” "
            "(set for “%4”); the server may not accept it.")
            .arg(where, errorString, tls.clientCertificate, tls.clientCertificatePattern);
    }
    if (required || refused)
        return QStringLiteral(
            "The TLS handshake with %1 failed: the server requires a client certificate and none "
            "is set for this host (Settings ▸ Certificates, or --cert with sonde-cli). %2")
            .arg(where, errorString);
    if (unclear)
        return QStringLiteral(
            "The TLS handshake with %1 failed: %2. If the server requires a client certificate, "
            "set one for this host (Settings ▸ Certificates, or --cert with sonde-cli).")
            .arg(where, errorString);
    return QStringLiteral("The TLS handshake with %1 failed: %2").arg(where, errorString);
}

void Transfer::releaseReply()
{
    if (m_options.proxyRoute && !m_proxyTag.isEmpty())
        m_options.proxyRoute->remove(std::exchange(m_proxyTag, QString()));
    if (!m_reply)
        return;
    m_reply->disconnect(this);
    if (m_reply->isRunning())
        m_reply->abort();
    m_reply.release()->deleteLater();
}

} // namespace Sonde
