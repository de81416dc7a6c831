#pragma once
// The test side of the real OpenID provider: starting `node provider.mjs` and a scripted browser that
// signs in through its devInteractions pages with plain HTTP requests and a cookie jar.

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

namespace SondeTest {

/// `node provider.mjs 0` in the directory where the fixture installed oidc-provider; stopped (stdin
/// closed, then killed) on destruction.
class OidcTestProvider
{
public:
    OidcTestProvider() = default;
    OidcTestProvider(const OidcTestProvider &) = delete;
    OidcTestProvider &operator=(const OidcTestProvider &) = delete;

    ~OidcTestProvider()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    /// Why the provider cannot run here (no node, provider not installed), or empty.
    static QString unavailable(const QString &directory)
    {
        if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty()
            || QStandardPaths::findExecutable(QStringLiteral("npm")).isEmpty())
            return QStringLiteral("node and npm are needed to run the OpenID provider");
        if (!QFile::exists(directory + QStringLiteral("/node_modules/oidc-provider/package.json")))
            return QStringLiteral("oidc-provider is not installed in %1 (run the oidc_npm_ci test)").arg(directory);
        return {};
    }

    /// Starts it and waits for its ISSUER line; false with `*error` when it does not come.
    bool start(const QString &directory, QString *error)
    {
        m_process.setWorkingDirectory(directory);
        m_process.start(QStringLiteral("node"), {QStringLiteral("provider.mjs"), QStringLiteral("0")});
        if (!m_process.waitForStarted(10000)) {
            *error = m_process.errorString();
            return false;
        }
        QByteArray output;
        while (!output.contains('\n') && m_process.waitForReadyRead(20000))
            output += m_process.readAllStandardOutput();
        const QByteArray line = output.left(output.indexOf('\n')).trimmed();
        if (!line.startsWith("ISSUER ")) {
            *error = QStringLiteral("no ISSUER line: “%1”, stderr “%2”")
                         .arg(QString::fromUtf8(output), QString::fromUtf8(m_process.readAllStandardError()));
            return false;
        }
        m_issuer = QString::fromUtf8(line.mid(7));
        return true;
    }

    QString issuer() const { return m_issuer; }

private:
    QProcess m_process;
    QString m_issuer;
};

/// A browser without a screen: follows redirects itself, keeps cookies, and submits the provider's
/// forms — the login form with any name and password, the consent form, the device confirmation form.
class ScriptedBrowser
{
public:
    ScriptedBrowser()
    {
        m_network.setCookieJar(new QNetworkCookieJar(&m_network));
        m_network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    }

    /// Press Cancel on the login page instead of signing in.
    void setCancelAtLogin(bool cancel) { m_cancel = cancel; }

    /// Starts at `url` and goes on until a page has no form to submit, or until a redirect to
    /// `stopPrefix` (the app's redirect URI) has been delivered. Returns a description of the path for
    /// failure messages; `*finalStatus` is the last HTTP status.
    QString visit(QUrl url, const QString &stopPrefix, int *finalStatus)
    {
        QString trace;
        QByteArray method = "GET";
        QByteArray body;
        for (int step = 0; step < 30; ++step) {
            const Page page = fetch(method, url, body);
            trace += QStringLiteral("%1 %2 → %3\n").arg(QString::fromLatin1(method), url.toString()).arg(page.status);
            *finalStatus = page.status;
            method = "GET";
            body.clear();
            if (page.status >= 300 && page.status < 400) {
                const QUrl next = url.resolved(QUrl::fromEncoded(page.location));
                url = next;
                continue;
            }
            if (!stopPrefix.isEmpty() && url.toString().startsWith(stopPrefix))
                return trace;
            if (page.status != 200)
                return trace + QString::fromUtf8(page.body.left(500));
            const QString html = QString::fromUtf8(page.body);
            if (m_cancel && html.contains(QStringLiteral("name=\"login\""))) {
                static const QRegularExpression cancelLink(QStringLiteral("<a href=\"([^\"]+)\">\\[ Cancel \\]</a>"));
                const auto match = cancelLink.match(html);
                if (!match.hasMatch())
                    return trace + QStringLiteral("no cancel link");
                url = url.resolved(QUrl(match.captured(1)));
                continue;
            }
            static const QRegularExpression form(QStringLiteral("<form([^>]*)>(.*?)</form>"),
                QRegularExpression::DotMatchesEverythingOption);
            const auto formMatch = form.match(html);
            if (!formMatch.hasMatch())
                return trace;
            static const QRegularExpression action(QStringLiteral("action=\"([^\"]*)\""));
            url = url.resolved(QUrl(action.match(formMatch.captured(1)).captured(1)));
            QUrlQuery fields;
            static const QRegularExpression input(QStringLiteral("<input([^>]*)>"));
            static const QRegularExpression name(QStringLiteral("name=\"([^\"]*)\""));
            static const QRegularExpression value(QStringLiteral("value=\"([^\"]*)\""));
            for (auto it = input.globalMatch(formMatch.captured(2)); it.hasNext();) {
                const QString attributes = it.next().captured(1);
                const QString field = name.match(attributes).captured(1);
                QString text = value.match(attributes).captured(1);
                if (field == u"login")
                    text = QStringLiteral("alice");
                else if (field == u"password")
                    text = QStringLiteral("any password");
                fields.addQueryItem(field, text);
            }
            method = "POST";
            body = fields.toString(QUrl::FullyEncoded).toUtf8();
        }
        return trace + QStringLiteral("too many steps");
    }

private:
    struct Page
    {
        int status = 0;
        QByteArray location;
        QByteArray body;
    };

    Page fetch(const QByteArray &method, const QUrl &url, const QByteArray &body)
    {
        QNetworkRequest request(url);
        request.setTransferTimeout(20000);
        if (method == "POST")
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        std::unique_ptr<QNetworkReply> reply(method == "POST" ? m_network.post(request, body) : m_network.get(request));
        QEventLoop loop;
        QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        Page page;
        page.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        page.location = reply->rawHeader("Location");
        page.body = reply->readAll();
        return page;
    }

    QNetworkAccessManager m_network;
    bool m_cancel = false;
};

} // namespace SondeTest
