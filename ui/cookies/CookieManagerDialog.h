#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace Sonde {

class CookieJar;
class CookieJarModel;

/// The cookie manager: the workspace's cookies in a table, filtered by domain, edited in place, added
/// and deleted one by one or a whole domain at once. Every change goes straight to the jar (which saves
/// itself); the dialog has nothing to apply.
class CookieManagerDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit CookieManagerDialog(CookieJar *jar, QWidget *parent = nullptr);

    CookieJarModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QComboBox *domainBox() const { return m_domains; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *deleteDomainButton() const { return m_deleteDomain; }
    QLabel *statusLabel() const { return m_status; }

    /// Shows only the cookies of `domain` (without a leading dot); an empty domain shows all.
    void setDomainFilter(const QString &domain);
    QString domainFilter() const;

private:
    void updateDomains();
    void applyFilter();
    void updateButtons();
    void addCookie();
    void deleteSelected();
    void deleteDomain();

    CookieJarModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QComboBox *m_domains;
    QTableView *m_view;
    QPushButton *m_add;
    QPushButton *m_delete;
    QPushButton *m_deleteDomain;
    QLabel *m_status;
};

} // namespace Sonde
