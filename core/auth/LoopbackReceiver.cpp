#include "auth/LoopbackReceiver.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

namespace Sonde {

namespace {

constexpr qsizetype MaxHeadBytes = 64 * 1024;

QString htmlEscaped(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

LoopbackReceiver::LoopbackReceiver(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_done)
            return;
        finish();
        Q_EMIT failed(QStringLiteral("No answer came back from the browser in time; the sign-in was abandoned."));
    });
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackReceiver::accept);
}

LoopbackReceiver::~LoopbackReceiver() = default;

bool LoopbackReceiver::listen(quint16 port, const QString &path, QString *problem)
{
    m_path = path.startsWith(u'/') ? path : u'/' + path;
    m_done = false;
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        *problem = QStringLiteral("Cannot listen on 127.0.0.1:%1 for the redirect: %2")
                       .arg(port)
                       .arg(m_server->errorString());
        return false;
    }
    if (m_timeoutMs > 0)
        m_timer.start(m_timeoutMs);
    return true;
}

QString LoopbackReceiver::redirectUri() const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->serverPort()).arg(m_path);
}

bool LoopbackReceiver::isListening() const
{
    return m_server->isListening();
}

void LoopbackReceiver::cancel()
{
    if (m_done)
        return;
    finish();
    Q_EMIT failed(QStringLiteral("The sign-in was cancelled."));
}

void LoopbackReceiver::finish()
{
    m_done = true;
    m_timer.stop();
    m_server->close();
}

void LoopbackReceiver::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
    }
}

void LoopbackReceiver::read(QTcpSocket *socket)
{
    QByteArray head = socket->property("head").toByteArray() + socket->readAll();
    if (head.size() > MaxHeadBytes) {
        socket->abort();
        return;
    }
    socket->setProperty("head", head);
    if (!head.contains("\r\n\r\n"))
        return;
    const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
    if (requestLine.size() != 3 || requestLine.at(0) != "GET") {
        answer(socket, 405, QStringLiteral("Not supported"), QStringLiteral("Sonde only expects a GET here."));
        return;
    }
    const QUrl target(QStringLiteral("http://127.0.0.1") + QString::fromLatin1(requestLine.at(1)));
    if (m_done || target.path() != m_path) {
        answer(socket, 404, QStringLiteral("Not found"), QStringLiteral("Nothing here."));
        return;
    }
    // The provider form-encodes the parameters (RFC 6749 appendix B): '+' is a space.
    const QUrlQuery query(target.query(QUrl::FullyEncoded).replace(u'+', QStringLiteral("%20")));
    const auto value = [&query](const char *name) {
        return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    };
    QString problem;
    if (value("state") != m_state) {
        problem = QStringLiteral("The redirect's state does not match the one sent: the answer belongs to "
                                 "another sign-in and was rejected.");
    } else if (!m_issuer.isEmpty() && query.hasQueryItem(QStringLiteral("iss")) && value("iss") != m_issuer) {
        problem = QStringLiteral("The redirect names the issuer “%1”, not “%2”: it was rejected.")
                      .arg(value("iss"), m_issuer);
    } else if (query.hasQueryItem(QStringLiteral("error"))) {
        problem = OAuthError {value("error"), value("error_description"), value("error_uri")}.message();
    } else if (value("code").isEmpty()) {
        problem = QStringLiteral("The redirect carries no authorization code.");
    }
    finish();
    if (!problem.isEmpty()) {
        answer(socket, 400, QStringLiteral("Sign-in failed"), problem);
        Q_EMIT failed(problem);
        return;
    }
    answer(socket, 200, QStringLiteral("Signed in"),
           QStringLiteral("Sonde received the answer. You can close this tab."));
    Q_EMIT codeReceived(value("code"), target.query(QUrl::FullyEncoded));
}

void LoopbackReceiver::answer(QTcpSocket *socket, int status, const QString &title, const QString &text)
{
    const QByteArray body = QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title>"
                                           "</head><body><h1>%1</h1><p>%2</p></body></html>\n")
                                .arg(htmlEscaped(title), htmlEscaped(text))
                                .toUtf8();
    const QByteArray reason = status == 200 ? "OK" : status == 404 ? "Not Found" : status == 405 ? "Method Not Allowed"
                                                                                                : "Bad Request";
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
                  + "\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close"
                    "\r\nContent-Length: "
                  + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    // Hand the page to the system now: the receiver (and with it this socket) may be deleted as soon as
    // the flow hears of the result.
    socket->flush();
    socket->disconnectFromHost();
}

} // namespace Sonde
