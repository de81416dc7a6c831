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
        Q_EMIT failed(
            QStringLiteral("No answer came back from the browser in time; the sign-in was abandoned."));
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
    QByteArray data = socket->property("data").toByteArray() + socket->readAll();
    if (data.size() > MaxHeadBytes) {
        socket->abort();
        return;
    }
    socket->setProperty("data", data);
    const qsizetype headEnd = data.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return;
    const QByteArray head = data.left(headEnd);
    const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
    if (requestLine.size() != 3 || (requestLine.at(0) != "GET" && requestLine.at(0) != "POST")) {
        answer(socket, 405, QStringLiteral("Not supported"),
            QStringLiteral("Sonde only expects a GET or a POST here."));
        return;
    }
    qsizetype length = 0;
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare("Content-Length", Qt::CaseInsensitive) == 0)
            length = line.mid(colon + 1).trimmed().toLongLong();
    }
    const QByteArray body = data.mid(headEnd + 4);
    if (body.size() < length)
        return;
    socket->setProperty("data", QByteArray());
    handle(socket, requestLine.at(0),
        QUrl(QStringLiteral("http://127.0.0.1") + QString::fromLatin1(requestLine.at(1))), body.left(length));
}

void LoopbackReceiver::handle(
    QTcpSocket *socket, const QByteArray &method, const QUrl &target, const QByteArray &body)
{
    if (m_done || target.path() != m_path) {
        answer(socket, 404, QStringLiteral("Not found"), QStringLiteral("Nothing here."));
        return;
    }
    // The provider form-encodes the parameters (RFC 6749 appendix B): '+' is a space.
    QString encoded = method == "POST" ? QString::fromLatin1(body) : target.query(QUrl::FullyEncoded);
    encoded.replace(u'+', QStringLiteral("%20"));
    const QUrlQuery query(encoded);
    const auto value = [&query](const char *name) {
        return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    };
    const bool token = m_acceptTokens && query.hasQueryItem(QStringLiteral("access_token"));
    if (m_acceptTokens && method == "GET" && query.isEmpty()) {
        // The token is in the fragment, which only the browser sees: a page posts it back.
        answerRelayPage(socket);
        return;
    }
    QString problem;
    if (value("state") != m_state) {
        problem = QStringLiteral("The redirect's state does not match the one sent: the answer belongs to "
                                 "another sign-in and was rejected.");
    } else if (!m_issuer.isEmpty() && query.hasQueryItem(QStringLiteral("iss")) && value("iss") != m_issuer) {
        problem = QStringLiteral("The redirect names the issuer “%1”, not “%2”: it was rejected.")
                      .arg(value("iss"), m_issuer);
    } else if (query.hasQueryItem(QStringLiteral("error"))) {
        problem = OAuthError {value("error"), value("error_description"), value("error_uri")}.message();
    } else if (!token && value("code").isEmpty()) {
        problem = m_acceptTokens ? QStringLiteral("The redirect carries no access token.")
                                 : QStringLiteral("The redirect carries no authorization code.");
    }
    finish();
    if (!problem.isEmpty()) {
        answer(socket, 400, QStringLiteral("Sign-in failed"), problem);
        Q_EMIT failed(problem);
        return;
    }
    answer(socket, 200, QStringLiteral("Signed in"),
        QStringLiteral("Sonde received the answer. You can close this tab."));
    if (token)
        Q_EMIT tokenReceived(encoded);
    else
        Q_EMIT codeReceived(value("code"), encoded);
}

void LoopbackReceiver::answerRelayPage(QTcpSocket *socket)
{
    const QByteArray body
        = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Signing in</title></head>"
          "<body><p id=\"m\">Passing the answer to Sonde…</p><script>\n"
          "var f = location.hash.substring(1);\n"
          "if (!f) { document.getElementById('m').textContent = 'This address carries no answer.'; }\n"
          "else fetch(location.pathname, {method: 'POST', headers: {'Content-Type': "
          "'application/x-www-form-urlencoded'}, body: f})\n"
          "  .then(function (r) { return r.text(); })\n"
          "  .then(function (t) { document.open(); document.write(t); document.close(); });\n"
          "</script></body></html>\n";
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\n"
                  "Connection: close\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    socket->flush();
    socket->disconnectFromHost();
}

void LoopbackReceiver::answer(QTcpSocket *socket, int status, const QString &title, const QString &text)
{
    const QByteArray body
        = QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title>"
                         "</head><body><h1>%1</h1><p>%2</p></body></html>\n")
              .arg(htmlEscaped(title), htmlEscaped(text))
              .toUtf8();
    const QByteArray reason = status == 200 ? "OK"
        : status == 404                     ? "Not Found"
        : status == 405                     ? "Method Not Allowed"
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
