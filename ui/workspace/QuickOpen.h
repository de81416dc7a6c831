#pragma once

#include "workspace/WorkspaceController.h"

#include <QAbstractListModel>
#include <QDialog>

class QLineEdit;
class QListView;

namespace Sonde {

/// One saved request offered by Quick Open.
struct QuickOpenEntry
{
    ItemRef ref;
    QString name;
    QString method;
    /// Where it lives, "Collection / Folder".
    QString location;
};

/// Every saved request of `workspace`, in tree order.
QList<QuickOpenEntry> quickOpenEntries(const Workspace &workspace);

/// How well `query` matches `text` as a subsequence, case-insensitively: -1 when it does not, higher
/// for matches at word starts and in runs. An empty query matches everything with 0.
int fuzzyScore(QStringView query, QStringView text);

/// The entries that match a query, best first (ties keep tree order). The name counts most; the
/// location and the method also match ("users get" finds GET requests in Users).
class QuickOpenModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { MethodRole = Qt::UserRole + 1, LocationRole };

    explicit QuickOpenModel(QObject *parent = nullptr);

    void setEntries(const QList<QuickOpenEntry> &entries);
    void setQuery(const QString &query);
    QuickOpenEntry entry(int row) const { return m_entries.at(m_shown.at(row)); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    int score(const QuickOpenEntry &entry, const QStringList &words) const;

    QList<QuickOpenEntry> m_entries;
    QList<int> m_shown;
};

/// Ctrl+K / Ctrl+P: type a few letters of a request's name (or its folder, or method) and press Enter
/// to open it. Arrow keys move through the list without leaving the search field.
class QuickOpenDialog final : public QDialog
{
    Q_OBJECT
public:
    QuickOpenDialog(const Workspace &workspace, QWidget *parent = nullptr);

    QLineEdit *searchField() const { return m_search; }
    QListView *listView() const { return m_list; }
    QuickOpenModel *model() const { return m_model; }

Q_SIGNALS:
    void requestChosen(const Sonde::ItemRef &ref);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void choose(const QModelIndex &index);

    QLineEdit *m_search;
    QListView *m_list;
    QuickOpenModel *m_model;
};

} // namespace Sonde
