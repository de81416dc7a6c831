#pragma once

#include "workspace/WorkspaceController.h"

#include <QAbstractItemModel>
#include <QSortFilterProxyModel>

#include <memory>
#include <vector>

namespace Sonde {

/// The workspace as a tree for the sidebar: collections, folders (folders first) and requests.
///
/// A snapshot of the controller's workspace, rebuilt (coalesced, on the next event loop turn) when the
/// controller says the tree changed, so views never see half-edited data. Renaming through setData and
/// moving by drag and drop are forwarded to the controller; a failure is reported with
/// operationFailed. Drags carry ItemRef keys under MimeType.
class WorkspaceTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ColumnCount };
    enum Role { KindRole = Qt::UserRole + 1, MethodRole, KeyRole, FilterRole };
    enum class Kind { Collection, Folder, Request };
    static constexpr auto MimeType = "application/x-sonde-workspace-items";

    explicit WorkspaceTreeModel(WorkspaceController *controller, QObject *parent = nullptr);
    ~WorkspaceTreeModel() override;

    ItemRef refAt(const QModelIndex &index) const;
    QModelIndex indexOf(const ItemRef &ref) const;
    /// Rebuilds the snapshot now (normally done on the next event loop turn after a change).
    void rebuild();

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    Qt::DropActions supportedDragActions() const override { return Qt::MoveAction; }
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }

Q_SIGNALS:
    void operationFailed(const QString &error);

private:
    struct Node;
    Node *nodeAt(const QModelIndex &index) const;
    void scheduleRebuild();

    WorkspaceController *m_controller;
    std::unique_ptr<Node> m_root;
    QHash<QString, Node *> m_byKey;
    bool m_rebuildScheduled = false;
};

/// The filter box's model: rows whose name or method contains the text, with their parents.
class WorkspaceFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit WorkspaceFilterModel(QObject *parent = nullptr);
};

} // namespace Sonde
