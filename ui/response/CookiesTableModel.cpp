#include "response/CookiesTableModel.h"

namespace Sonde {

using namespace Qt::Literals::StringLiterals;

namespace {

QString sameSiteText(QNetworkCookie::SameSite policy)
{
    switch (policy) {
    case QNetworkCookie::SameSite::Default:
        return {};
    case QNetworkCookie::SameSite::None:
        return u"None"_s;
    case QNetworkCookie::SameSite::Lax:
        return u"Lax"_s;
    case QNetworkCookie::SameSite::Strict:
        return u"Strict"_s;
    }
    return {};
}

} // namespace

CookiesTableModel::CookiesTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void CookiesTableModel::setResponse(const HeaderList &headers, const QUrl &url)
{
    beginResetModel();
    m_cookies.clear();
    for (const auto &[name, value] : headers) {
        if (name.compare("Set-Cookie", Qt::CaseInsensitive) != 0)
            continue;
        for (QNetworkCookie cookie : QNetworkCookie::parseCookies(value)) {
            if (url.isValid())
                cookie.normalize(url);
            m_cookies.append(cookie);
        }
    }
    endResetModel();
}

int CookiesTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_cookies.size());
}

int CookiesTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CookiesTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QNetworkCookie &cookie = m_cookies.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == Qt::EditRole) {
        switch (Column(index.column())) {
        case NameColumn:
            return QString::fromUtf8(cookie.name());
        case ValueColumn:
            return QString::fromUtf8(cookie.value());
        case DomainColumn:
            return cookie.domain();
        case PathColumn:
            return cookie.path();
        case ExpiresColumn:
            return cookie.isSessionCookie() ? tr("Session")
                                            : cookie.expirationDate().toUTC().toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s);
        case SecureColumn:
            return cookie.isSecure() ? tr("Yes") : QString();
        case HttpOnlyColumn:
            return cookie.isHttpOnly() ? tr("Yes") : QString();
        case SameSiteColumn:
            return sameSiteText(cookie.sameSitePolicy());
        case ColumnCount:
            break;
        }
    }
    return {};
}

QVariant CookiesTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case ValueColumn:
        return tr("Value");
    case DomainColumn:
        return tr("Domain");
    case PathColumn:
        return tr("Path");
    case ExpiresColumn:
        return tr("Expires");
    case SecureColumn:
        return tr("Secure");
    case HttpOnlyColumn:
        return tr("HttpOnly");
    case SameSiteColumn:
        return tr("SameSite");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Sonde
