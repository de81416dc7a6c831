#include "cookies/CookieJarModel.h"

#include "http/CookieJar.h"

#include <QPalette>
#include <QScopedValueRollback>
#include <QTimeZone>
#include <algorithm>
#include <tuple>

namespace Sonde {

namespace {

QString bareDomain(const QString &domain)
{
    return domain.startsWith(u'.') ? domain.mid(1) : domain;
}

bool isExpired(const QNetworkCookie &cookie)
{
    return !cookie.isSessionCookie() && cookie.expirationDate() <= QDateTime::currentDateTimeUtc();
}

} // namespace

CookieJarModel::CookieJarModel(CookieJar *jar, QObject *parent)
    : QAbstractTableModel(parent)
    , m_jar(jar)
{
    connect(jar, &CookieJar::changed, this, [this] {
        if (!m_applying)
            reload();
    });
    reload();
}

void CookieJarModel::reload()
{
    beginResetModel();
    m_cookies = m_jar ? m_jar->cookies() : QList<QNetworkCookie>();
    std::sort(m_cookies.begin(), m_cookies.end(), [](const QNetworkCookie &a, const QNetworkCookie &b) {
        return std::tuple(bareDomain(a.domain()).toLower(), a.path(), a.name())
            < std::tuple(bareDomain(b.domain()).toLower(), b.path(), b.name());
    });
    endResetModel();
}

QStringList CookieJarModel::domains() const
{
    QStringList domains;
    for (const QNetworkCookie &cookie : m_cookies) {
        const QString domain = bareDomain(cookie.domain()).toLower();
        if (!domains.contains(domain))
            domains.append(domain);
    }
    std::sort(domains.begin(), domains.end());
    return domains;
}

int CookieJarModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_cookies.size());
}

int CookieJarModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CookieJarModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_cookies.size())
        return {};
    const QNetworkCookie &cookie = m_cookies.at(index.row());
    const int column = index.column();
    if (role == Qt::CheckStateRole) {
        if (column == SecureColumn)
            return cookie.isSecure() ? Qt::Checked : Qt::Unchecked;
        if (column == HttpOnlyColumn)
            return cookie.isHttpOnly() ? Qt::Checked : Qt::Unchecked;
        return {};
    }
    if (role == Qt::ForegroundRole && isExpired(cookie))
        return QPalette().brush(QPalette::Disabled, QPalette::Text);
    if (role == Qt::ToolTipRole && isExpired(cookie))
        return tr("Expired: no longer sent, and dropped at the next save");
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (column) {
    case NameColumn:
        return QString::fromUtf8(cookie.name());
    case ValueColumn:
        return QString::fromUtf8(cookie.value());
    case DomainColumn:
        return cookie.domain();
    case PathColumn:
        return cookie.path();
    case ExpiresColumn:
        if (cookie.isSessionCookie())
            return role == Qt::EditRole ? QString() : tr("Session");
        return cookie.expirationDate().toUTC().toString(Qt::ISODate);
    default:
        return {};
    }
}

QVariant CookieJarModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ValueColumn:
        return tr("Value");
    case DomainColumn:
        return tr("Domain");
    case PathColumn:
        return tr("Path");
    case ExpiresColumn:
        return tr("Expires (UTC)");
    case SecureColumn:
        return tr("Secure");
    case HttpOnlyColumn:
        return tr("HttpOnly");
    default:
        return {};
    }
}

Qt::ItemFlags CookieJarModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.column() == SecureColumn || index.column() == HttpOnlyColumn)
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

bool CookieJarModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.row() >= m_cookies.size() || !m_jar)
        return false;
    QNetworkCookie cookie = m_cookies.at(index.row());
    const QString text = value.toString().trimmed();
    const int column = index.column();
    if (role == Qt::CheckStateRole && (column == SecureColumn || column == HttpOnlyColumn)) {
        const bool on = value.value<Qt::CheckState>() == Qt::Checked;
        if (column == SecureColumn)
            cookie.setSecure(on);
        else
            cookie.setHttpOnly(on);
        return replace(index.row(), cookie);
    }
    if (role != Qt::EditRole)
        return false;
    switch (column) {
    case NameColumn:
        // A name with '=' or ';' could not be sent back as one cookie.
        if (text.isEmpty() || text.contains(u'=') || text.contains(u';'))
            return false;
        cookie.setName(text.toUtf8());
        break;
    case ValueColumn:
        cookie.setValue(value.toString().toUtf8());
        break;
    case DomainColumn:
        if (text.isEmpty() || text == u".")
            return false;
        cookie.setDomain(text.toLower());
        break;
    case PathColumn:
        cookie.setPath(text.startsWith(u'/') ? text : QString(u'/' + text));
        break;
    case ExpiresColumn:
        if (text.isEmpty()) {
            cookie.setExpirationDate(QDateTime());
        } else {
            const QDateTime date = QDateTime::fromString(text, Qt::ISODate);
            if (!date.isValid())
                return false;
            // Without an offset the text means UTC, like the column shows it.
            cookie.setExpirationDate(date.timeSpec() == Qt::LocalTime
                    ? QDateTime(date.date(), date.time(), QTimeZone::utc())
                    : date.toUTC());
        }
        break;
    default:
        return false;
    }
    return replace(index.row(), cookie);
}

bool CookieJarModel::replace(int row, const QNetworkCookie &cookie)
{
    const QNetworkCookie old = m_cookies.at(row);
    if (!cookie.hasSameIdentifier(old)) {
        // Another cookie of that name, domain and path would be overwritten: refuse.
        for (const QNetworkCookie &other : std::as_const(m_cookies)) {
            if (other.hasSameIdentifier(cookie))
                return false;
        }
    }
    {
        const QScopedValueRollback guard(m_applying, true);
        m_jar->deleteCookie(old);
        if (!isExpired(cookie) || cookie.isSessionCookie())
            m_jar->insertCookie(cookie);
    }
    if (isExpired(cookie)) {
        // An expiry in the past deletes the cookie, as a server's Set-Cookie would.
        beginRemoveRows({}, row, row);
        m_cookies.removeAt(row);
        endRemoveRows();
        return true;
    }
    m_cookies[row] = cookie;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return true;
}

int CookieJarModel::addCookie(const QString &domain)
{
    if (!m_jar || domain.trimmed().isEmpty())
        return -1;
    QNetworkCookie cookie;
    cookie.setDomain(domain.trimmed().toLower());
    cookie.setPath(QStringLiteral("/"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    cookie.setExpirationDate(
        QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch(), QTimeZone::utc()).addYears(1));
    for (int n = 1;; ++n) {
        cookie.setName("cookie" + QByteArray::number(n));
        const bool taken = std::any_of(m_cookies.cbegin(), m_cookies.cend(),
            [&](const QNetworkCookie &c) { return c.hasSameIdentifier(cookie); });
        if (!taken)
            break;
    }
    {
        const QScopedValueRollback guard(m_applying, true);
        if (!m_jar->insertCookie(cookie))
            return -1;
    }
    const int row = int(m_cookies.size());
    beginInsertRows({}, row, row);
    m_cookies.append(cookie);
    endInsertRows();
    return row;
}

bool CookieJarModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_cookies.size() || !m_jar)
        return false;
    {
        const QScopedValueRollback guard(m_applying, true);
        for (int i = row; i < row + count; ++i)
            m_jar->deleteCookie(m_cookies.at(i));
    }
    beginRemoveRows({}, row, row + count - 1);
    m_cookies.remove(row, count);
    endRemoveRows();
    return true;
}

void CookieJarModel::deleteDomain(const QString &domain)
{
    if (m_jar)
        m_jar->deleteDomain(domain); // changed() reloads
}

} // namespace Sonde
