#include "http/CookieJar.h"

#include "storage/AtomicFile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkCookie>
#include <QScopedValueRollback>
#include <QStandardPaths>
#include <QTimeZone>
#include <algorithm>
#include <tuple>

namespace Sonde {

namespace {

constexpr int FormatVersion = 1;

QString sameSiteName(QNetworkCookie::SameSite policy)
{
    switch (policy) {
    case QNetworkCookie::SameSite::Strict:
        return QStringLiteral("Strict");
    case QNetworkCookie::SameSite::Lax:
        return QStringLiteral("Lax");
    case QNetworkCookie::SameSite::None:
        return QStringLiteral("None");
    case QNetworkCookie::SameSite::Default:
        break;
    }
    return {};
}

bool isExpired(const QNetworkCookie &cookie, const QDateTime &now)
{
    return !cookie.isSessionCookie() && cookie.expirationDate() <= now;
}

QString bareDomain(const QString &domain)
{
    return domain.startsWith(u'.') ? domain.mid(1) : domain;
}

} // namespace

CookieJar::CookieJar(QObject *parent)
    : QNetworkCookieJar(parent)
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(DefaultSaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, [this] {
        QString error;
        if (!save(&error))
            Q_EMIT saveFailed(error);
    });
}

CookieJar::~CookieJar()
{
    if (m_saveTimer.isActive())
        save(nullptr); // nobody is left to tell about a failure
}

void CookieJar::touch()
{
    if (m_batchDepth > 0) {
        m_batchChanged = true;
        return;
    }
    if (!m_filePath.isEmpty())
        m_saveTimer.start();
    Q_EMIT changed();
}

template<typename Function> bool CookieJar::batch(Function function)
{
    bool result = false;
    {
        const QScopedValueRollback depth(m_batchDepth, m_batchDepth + 1);
        result = function();
    }
    if (m_batchDepth == 0 && std::exchange(m_batchChanged, false))
        touch();
    return result;
}

bool CookieJar::setCookiesFromUrl(const QList<QNetworkCookie> &cookieList, const QUrl &url)
{
    return batch([&] { return QNetworkCookieJar::setCookiesFromUrl(cookieList, url); });
}

bool CookieJar::insertCookie(const QNetworkCookie &cookie)
{
    // The base class first deletes a cookie with the same name, domain and path: an insert with an
    // expiry in the past (how servers delete cookies) changes the jar yet returns false.
    return batch([&] {
        const bool inserted = QNetworkCookieJar::insertCookie(cookie);
        if (inserted)
            touch();
        return inserted;
    });
}

bool CookieJar::updateCookie(const QNetworkCookie &cookie)
{
    return batch([&] { return QNetworkCookieJar::updateCookie(cookie); });
}

bool CookieJar::deleteCookie(const QNetworkCookie &cookie)
{
    const bool deleted = QNetworkCookieJar::deleteCookie(cookie);
    if (deleted)
        touch();
    return deleted;
}

int CookieJar::deleteDomain(const QString &domain)
{
    const QString bare = bareDomain(domain);
    QList<QNetworkCookie> kept;
    int removed = 0;
    for (const QNetworkCookie &cookie : allCookies()) {
        if (bareDomain(cookie.domain()).compare(bare, Qt::CaseInsensitive) == 0)
            ++removed;
        else
            kept.append(cookie);
    }
    if (removed > 0) {
        setAllCookies(kept);
        touch();
    }
    return removed;
}

void CookieJar::clear()
{
    if (allCookies().isEmpty())
        return;
    setAllCookies({});
    touch();
}

QString CookieJar::pathForWorkspace(const QString &workspaceRoot)
{
    const QFileInfo info(workspaceRoot);
    const QString canonical
        = info.canonicalFilePath().isEmpty() ? info.absoluteFilePath() : info.canonicalFilePath();
    const QByteArray hash
        = QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha256).toHex().left(32);
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("cookies/%1.json").arg(QString::fromLatin1(hash)));
}

bool CookieJar::load(QString *error)
{
    setAllCookies({});
    if (m_filePath.isEmpty())
        return true;
    QFile file(m_filePath);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Could not read the cookie jar %1: %2").arg(m_filePath, file.errorString());
        return false;
    }
    QList<QNetworkCookie> cookies;
    QString problem;
    if (!fromJson(file.readAll(), QDateTime::currentDateTimeUtc(), &cookies, &problem)) {
        if (error)
            *error = tr("The cookie jar %1 is not valid: %2").arg(m_filePath, problem);
        return false;
    }
    setAllCookies(cookies);
    m_saveTimer.stop();
    Q_EMIT changed();
    return true;
}

bool CookieJar::save(QString *error)
{
    m_saveTimer.stop();
    if (m_filePath.isEmpty())
        return true;
    const QByteArray bytes = toJson(allCookies(), m_keepSessionCookies, QDateTime::currentDateTimeUtc());
    QString problem;
    if (AtomicFile::write(m_filePath, bytes, &problem) == AtomicFile::WriteResult::Failed) {
        if (error)
            *error = tr("Could not save the cookie jar: %1").arg(problem);
        return false;
    }
    return true;
}

QByteArray CookieJar::toJson(
    const QList<QNetworkCookie> &cookies, bool keepSessionCookies, const QDateTime &now)
{
    QList<QNetworkCookie> kept;
    for (const QNetworkCookie &cookie : cookies) {
        if (isExpired(cookie, now) || (cookie.isSessionCookie() && !keepSessionCookies))
            continue;
        kept.append(cookie);
    }
    // A stable order: saving the same cookies twice gives the same bytes.
    std::sort(kept.begin(), kept.end(), [](const QNetworkCookie &a, const QNetworkCookie &b) {
        return std::tuple(bareDomain(a.domain()), a.domain(), a.path(), a.name())
            < std::tuple(bareDomain(b.domain()), b.domain(), b.path(), b.name());
    });
    QJsonArray array;
    for (const QNetworkCookie &cookie : std::as_const(kept)) {
        QJsonObject object;
        object.insert(QStringLiteral("name"), QString::fromUtf8(cookie.name()));
        object.insert(QStringLiteral("value"), QString::fromUtf8(cookie.value()));
        object.insert(QStringLiteral("domain"), cookie.domain());
        object.insert(QStringLiteral("path"), cookie.path());
        if (!cookie.isSessionCookie())
            object.insert(QStringLiteral("expires"), cookie.expirationDate().toUTC().toString(Qt::ISODate));
        object.insert(QStringLiteral("secure"), cookie.isSecure());
        object.insert(QStringLiteral("httpOnly"), cookie.isHttpOnly());
        const QString sameSite = sameSiteName(cookie.sameSitePolicy());
        if (!sameSite.isEmpty())
            object.insert(QStringLiteral("sameSite"), sameSite);
        array.append(object);
    }
    QJsonObject root;
    root.insert(QStringLiteral("version"), FormatVersion);
    root.insert(QStringLiteral("cookies"), array);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool CookieJar::fromJson(
    const QByteArray &json, const QDateTime &now, QList<QNetworkCookie> *cookies, QString *error)
{
    const auto failed = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failed(tr("%1 at offset %2").arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject() || !document.object().value(QStringLiteral("cookies")).isArray())
        return failed(tr("expected an object with a “cookies” array"));
    const int version = document.object().value(QStringLiteral("version")).toInt(FormatVersion);
    if (version > FormatVersion)
        return failed(tr("written by a newer Sonde (format version %1)").arg(version));

    const QJsonArray array = document.object().value(QStringLiteral("cookies")).toArray();
    cookies->clear();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject object = array.at(i).toObject();
        const QString name = object.value(QStringLiteral("name")).toString();
        const QString domain = object.value(QStringLiteral("domain")).toString();
        if (name.isEmpty() || domain.isEmpty())
            return failed(tr("cookie %1 has no name or no domain").arg(i + 1));
        QNetworkCookie cookie(name.toUtf8(), object.value(QStringLiteral("value")).toString().toUtf8());
        cookie.setDomain(domain);
        cookie.setPath(object.value(QStringLiteral("path")).toString(QStringLiteral("/")));
        const QJsonValue expires = object.value(QStringLiteral("expires"));
        if (!expires.isUndefined() && !expires.isNull()) {
            QDateTime date = QDateTime::fromString(expires.toString(), Qt::ISODate);
            if (!date.isValid())
                return failed(tr("cookie “%1” has an invalid expiry “%2” (expected ISO 8601)")
                                  .arg(name, expires.toString()));
            cookie.setExpirationDate(date.toTimeZone(QTimeZone::utc()));
        }
        cookie.setSecure(object.value(QStringLiteral("secure")).toBool());
        cookie.setHttpOnly(object.value(QStringLiteral("httpOnly")).toBool());
        const QString sameSite = object.value(QStringLiteral("sameSite")).toString();
        if (sameSite == u"Strict")
            cookie.setSameSitePolicy(QNetworkCookie::SameSite::Strict);
        else if (sameSite == u"Lax")
            cookie.setSameSitePolicy(QNetworkCookie::SameSite::Lax);
        else if (sameSite == u"None")
            cookie.setSameSitePolicy(QNetworkCookie::SameSite::None);
        if (!isExpired(cookie, now))
            cookies->append(cookie);
    }
    return true;
}

} // namespace Sonde
