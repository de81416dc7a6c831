#pragma once

#include <QAbstractTableModel>
#include <QNetworkCookie>
#include <QPointer>

namespace Sonde {

class CookieJar;

/// The cookies of a CookieJar, one row each, sorted by domain, path and name; edits go to the jar.
///
/// Editing a cell replaces the cookie in the jar (a new name, domain or path makes it another cookie, so
/// the old one is deleted); the row stays where it is until the jar changes from elsewhere. The expiry
/// is edited as ISO 8601 in UTC, and an empty expiry makes a session cookie.
class CookieJarModel final : public QAbstractTableModel
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
        ColumnCount
    };

    explicit CookieJarModel(CookieJar *jar, QObject *parent = nullptr);

    const QList<QNetworkCookie> &cookies() const { return m_cookies; }
    /// The domains of the cookies without a leading dot, sorted, each once.
    QStringList domains() const;

    /// Adds a cookie for `domain` with a fresh name, valid for a year; returns its row, or -1.
    int addCookie(const QString &domain);
    /// Deletes the cookies of every domain equal to `domain`, with or without a leading dot.
    void deleteDomain(const QString &domain);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

private:
    void reload();
    bool replace(int row, const QNetworkCookie &cookie);

    QPointer<CookieJar> m_jar;
    QList<QNetworkCookie> m_cookies;
    bool m_applying = false;
};

} // namespace Sonde
