#pragma once

#include "model/Exchange.h"

#include <QAbstractTableModel>
#include <QNetworkCookie>
#include <QUrl>

namespace Sonde {

/// The cookies a response sets (its Set-Cookie headers), one row each, with their attributes.
///
/// Parsed with QNetworkCookie::parseCookies; a cookie without Domain or Path gets the defaults of the
/// URL it came from (RFC 6265 §5.3), as a browser would store it.
class CookiesTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        ValueColumn,
        DomainColumn,
        PathColumn,
        ExpiresColumn,
        SecureColumn,
        HttpOnlyColumn,
        SameSiteColumn,
        ColumnCount
    };

    explicit CookiesTableModel(QObject *parent = nullptr);

    /// The cookies set by `headers`, received from `url`.
    void setResponse(const HeaderList &headers, const QUrl &url);
    const QList<QNetworkCookie> &cookies() const { return m_cookies; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<QNetworkCookie> m_cookies;
};

} // namespace Sonde
