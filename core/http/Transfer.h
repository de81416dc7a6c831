#pragma once

#include "http/ClientCertificate.h"
#include "http/RequestBuilder.h"
#include "model/Exchange.h"

#include <QElapsedTimer>
#include <QNetworkProxy>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QTimer>
#include <atomic>
#include <memory>

class QAuthenticator;
class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;
class QTemporaryFile;

namespace Sonde {

class ContentDecoder;
class ProxyRoute;
class CookieJar;

/// One request in flight, from DNS lookup to the last byte, redirects included.
///
/// Emits finished() exactly once, with the complete Exchange (also on error and on cancel).
class Transfer final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        qint64 memoryThreshold = 0;
        qint64 readBufferSize = 0;
        QString temporaryDirectory;
        /// Where each hop registers its proxy; without one, requests take the manager's proxy.
        std::shared_ptr<ProxyRoute> proxyRoute;
        /// Sends its cookies and stores the ones responses set, hop by hop, unless the request's
        /// settings turn the jar off.
        QPointer<CookieJar> cookieJar;
        /// Trusted for HTTPS in addition to the system's certificate authorities.
        QList<QSslCertificate> caCertificates;
        /// Presented to HTTPS hosts their patterns match, hop by hop (the first match wins).
        QList<LoadedClientCertificate> clientCertificates;
    };

    Transfer(QNetworkAccessManager *network, const Request &request, const Options &options,
             QObject *parent = nullptr);
    ~Transfer() override;

    /// Stops the transfer; finished() follows with a Cancelled error. Does nothing once finished.
    void cancel();

    bool isFinished() const { return m_finished; }
    const Exchange &exchange() const { return m_exchange; }

Q_SIGNALS:
    /// Body bytes received so far (as on the wire) and the expected total, or -1 when unknown.
    void downloadProgress(qint64 received, qint64 total);
    /// Body bytes sent so far and the body's size (for each hop of a redirected upload anew).
    void uploadProgress(qint64 sent, qint64 total);
    void finished(const Sonde::Exchange &exchange);

private:
    void start();
    void hashBodyThenStart(const QUrl &url, const QByteArray &method);
    void startHop(const QUrl &url, const QByteArray &method, bool sendBody);
    bool toRequestOrigin() const;
    void addAuth(HeaderList &headers) const;
    void signAws(HeaderList &headers) const;
    bool answerChallenge();
    void onAuthenticationRequired(QNetworkReply *reply, QAuthenticator *authenticator);
    void sendHop();
    void addJarCookies(HeaderList &headers) const;
    void storeResponseCookies(const HeaderList &responseHeaders);
    QNetworkReply *sendStreamed(QNetworkRequest &networkRequest);
    void onMetaData();
    void onReadyRead();
    void onReplyFinished();
    bool consume(const QByteArray &chunk);
    bool appendDecoded(const QByteArray &data);
    bool followRedirect();
    void fail(TransportError::Kind kind, const QString &message, const QStringList &details = {});
    void finish();
    void releaseReply();
    QString proxyAuthenticationProblem() const;
    QString handshakeProblem(const QString &where, const QString &errorString) const;
    double elapsedMs() const;

    QNetworkAccessManager *m_network;
    Options m_options;
    Exchange m_exchange;

    // The hop in progress.
    QByteArray m_method;
    PreparedBody m_body;
    bool m_sendBody = false;
    QUrl m_url;
    QNetworkProxy m_proxy {QNetworkProxy::NoProxy};
    QString m_proxyTag;
    std::unique_ptr<QNetworkReply> m_reply;
    std::unique_ptr<ContentDecoder> m_decoder;
    QByteArray m_memoryBody;
    std::unique_ptr<QTemporaryFile> m_spool;
    qint64 m_decodedSize = 0;
    qint64 m_wireSize = 0;
    bool m_headSeen = false;

    QElapsedTimer m_clock;
    double m_hopStart = 0;
    double m_connectStart = -1;
    double m_encrypted = -1;
    double m_requestSent = -1;
    double m_firstByte = -1;
    int m_lookupId = -1;
    QTimer m_timeout;
    QStringList m_tlsErrors;
    bool m_finished = false;
    bool m_userAcceptEncoding = false;

    // Auth that needs more than a header: the SigV4 payload hash (of the whole body, computed once, off
    // this thread for files), the answer to a Digest challenge, and whether NTLM credentials were given.
    QByteArray m_payloadHash;
    QByteArray m_challengeAnswer;
    bool m_ntlmAnswered = false;
    std::shared_ptr<std::atomic_bool> m_hashCancelled;
};

} // namespace Sonde
