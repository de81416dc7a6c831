#pragma once

#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QTimer>

namespace Sonde {

/// The cookies of one workspace: fed by responses, sent with requests, edited in the cookie manager,
/// and kept in a JSON file (see docs/cli.md, "Cookie jar file").
///
/// Changes are saved after a short delay, not on every response, and at the latest when the jar is
/// destroyed; each save is atomic. Like a browser, the file keeps only persistent cookies that have not
/// expired: session cookies (no expiry) live as long as the jar, unless setKeepSessionCookies(true)
/// (the command line, where each run is a new process, keeps them as curl's cookie jar does).
class CookieJar final : public QNetworkCookieJar
{
    Q_OBJECT
public:
    static constexpr int DefaultSaveDelayMs = 1000;

    explicit CookieJar(QObject *parent = nullptr);

    /// Where the application keeps the jar of the workspace in `workspaceRoot`: a file named after a hash
    /// of the folder's canonical path under the application data folder, never inside the workspace
    /// (which users commit to git).
    static QString pathForWorkspace(const QString &workspaceRoot);
    /// Saves pending changes.
    ~CookieJar() override;

    /// The file load() reads and saves write; none (the default) keeps the cookies in memory only.
    void setFilePath(const QString &path) { m_filePath = path; }
    QString filePath() const { return m_filePath; }

    void setKeepSessionCookies(bool keep) { m_keepSessionCookies = keep; }
    bool keepSessionCookies() const { return m_keepSessionCookies; }
    void setSaveDelay(int milliseconds) { m_saveTimer.setInterval(milliseconds); }

    /// Replaces the cookies with the file's. A missing file is an empty jar, not an error. On error the
    /// jar is left empty and the message says what is wrong with which file.
    bool load(QString *error);
    /// Writes the file now (nothing to do without a file path) and cancels a pending delayed save.
    bool save(QString *error);
    /// Whether a delayed save is pending.
    bool hasUnsavedChanges() const { return m_saveTimer.isActive(); }

    /// Every cookie, expired ones included until the next save, in no particular order.
    QList<QNetworkCookie> cookies() const { return allCookies(); }

    bool setCookiesFromUrl(const QList<QNetworkCookie> &cookieList, const QUrl &url) override;
    bool insertCookie(const QNetworkCookie &cookie) override;
    bool updateCookie(const QNetworkCookie &cookie) override;
    bool deleteCookie(const QNetworkCookie &cookie) override;
    /// Removes the cookies whose domain is `domain`, with or without a leading dot; returns how many.
    int deleteDomain(const QString &domain);
    void clear();

    /// The file's bytes for `cookies` as of `now`: sorted, without expired (and, unless
    /// `keepSessionCookies`, session) cookies.
    static QByteArray toJson(
        const QList<QNetworkCookie> &cookies, bool keepSessionCookies, const QDateTime &now);
    /// Parses the file's bytes; expired cookies are left out. On error returns false and says why.
    static bool fromJson(
        const QByteArray &json, const QDateTime &now, QList<QNetworkCookie> *cookies, QString *error);

Q_SIGNALS:
    /// The cookies changed: a response set or removed some, or the manager edited them.
    void changed();
    /// A delayed save failed; `message` says why, in the user's words.
    void saveFailed(const QString &message);

private:
    /// Marks the cookies changed: emits changed() and (re)starts the delayed save, once per outermost batch.
    void touch();
    template<typename Function> bool batch(Function function);

    QString m_filePath;
    QTimer m_saveTimer;
    bool m_keepSessionCookies = false;
    int m_batchDepth = 0;
    bool m_batchChanged = false;
};

} // namespace Sonde
