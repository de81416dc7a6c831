#include "workspace/WorkspaceTreeModel.h"

#include <QApplication>
#include <QIODevice>
#include <QMimeData>
#include <QStyle>
#include <QTimer>

namespace Sonde {

struct WorkspaceTreeModel::Node
{
    Kind kind = Kind::Collection;
    QString name;
    QString method;
    QString url;
    ItemRef ref;
    Node *parent = nullptr;
    int row = 0;
    int folderCount = 0; // children that are folders (they come first)
    std::vector<std::unique_ptr<Node>> children;

    Node *add(std::unique_ptr<Node> child)
    {
        child->parent = this;
        child->row = int(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
};

WorkspaceTreeModel::WorkspaceTreeModel(WorkspaceController *controller, QObject *parent)
    : QAbstractItemModel(parent)
    , m_controller(controller)
    , m_root(std::make_unique<Node>())
{
    connect(controller, &WorkspaceController::treeChanged, this, &WorkspaceTreeModel::scheduleRebuild);
    rebuild();
}

WorkspaceTreeModel::~WorkspaceTreeModel() = default;

void WorkspaceTreeModel::scheduleRebuild()
{
    if (std::exchange(m_rebuildScheduled, true))
        return;
    QTimer::singleShot(0, this, [this] {
        if (m_rebuildScheduled)
            rebuild();
    });
}

void WorkspaceTreeModel::rebuild()
{
    m_rebuildScheduled = false;
    auto root = std::make_unique<Node>();
    QHash<QString, Node *> byKey;
    const auto addFolder = [&byKey](auto &self, Node *parent, const Folder &folder, const QStringList &directories) -> void {
        auto node = std::make_unique<Node>();
        node->kind = directories.size() == 1 ? Kind::Collection : Kind::Folder;
        node->name = folder.name;
        node->ref = {directories, {}};
        Node *added = parent->add(std::move(node));
        byKey.insert(added->ref.key(), added);
        for (const Folder &child : folder.folders)
            self(self, added, child, directories + QStringList {child.directoryName});
        added->folderCount = int(added->children.size());
        for (const Request &request : folder.requests) {
            auto leaf = std::make_unique<Node>();
            leaf->kind = Kind::Request;
            leaf->name = request.name;
            leaf->method = request.method;
            leaf->url = request.url;
            leaf->ref = {directories, request.fileName};
            Node *addedLeaf = added->add(std::move(leaf));
            byKey.insert(addedLeaf->ref.key(), addedLeaf);
        }
    };
    for (const Folder &collection : m_controller->workspace().collections)
        addFolder(addFolder, root.get(), collection, {collection.directoryName});
    root->folderCount = int(root->children.size());

    beginResetModel();
    m_root = std::move(root);
    m_byKey = std::move(byKey);
    endResetModel();
}

WorkspaceTreeModel::Node *WorkspaceTreeModel::nodeAt(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

ItemRef WorkspaceTreeModel::refAt(const QModelIndex &index) const
{
    return index.isValid() ? nodeAt(index)->ref : ItemRef();
}

QModelIndex WorkspaceTreeModel::indexOf(const ItemRef &ref) const
{
    Node *node = m_byKey.value(ref.key());
    return node ? createIndex(node->row, NameColumn, node) : QModelIndex();
}

QModelIndex WorkspaceTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, nodeAt(parent)->children.at(size_t(row)).get());
}

QModelIndex WorkspaceTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Node *parent = nodeAt(child)->parent;
    if (!parent || parent == m_root.get())
        return {};
    return createIndex(parent->row, NameColumn, parent);
}

int WorkspaceTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeAt(parent)->children.size());
}

int WorkspaceTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant WorkspaceTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeAt(index);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return node->name;
    case Qt::ToolTipRole:
        return node->kind == Kind::Request ? QString(node->method + u' ' + node->url) : node->name;
    case Qt::DecorationRole:
        if (node->kind == Kind::Request)
            return {};
        return QApplication::style()->standardIcon(node->kind == Kind::Collection ? QStyle::SP_DriveHDIcon
                                                                                  : QStyle::SP_DirIcon);
    case KindRole:
        return int(node->kind);
    case MethodRole:
        return node->method;
    case KeyRole:
        return node->ref.key();
    case FilterRole:
        return QString(node->method + u' ' + node->name);
    default:
        return {};
    }
}

bool WorkspaceTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole)
        return false;
    Node *node = nodeAt(index);
    const QString name = value.toString().trimmed();
    if (name == node->name)
        return false;
    const ItemResult result = m_controller->rename(node->ref, name);
    if (!result.ok()) {
        Q_EMIT operationFailed(result.error);
        return false;
    }
    node->name = name; // until the rebuild, which follows on the next turn of the event loop
    node->ref = result.item;
    Q_EMIT dataChanged(index, index);
    return true;
}

Qt::ItemFlags WorkspaceTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable | Qt::ItemIsDragEnabled;
    if (nodeAt(index)->kind != Kind::Request)
        flags |= Qt::ItemIsDropEnabled;
    return flags;
}

QStringList WorkspaceTreeModel::mimeTypes() const
{
    return {QLatin1String(MimeType)};
}

QMimeData *WorkspaceTreeModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList keys;
    for (const QModelIndex &index : indexes) {
        if (index.isValid() && index.column() == NameColumn)
            keys.append(nodeAt(index)->ref.key());
    }
    if (keys.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(QLatin1String(MimeType), keys.join(u'\n').toUtf8());
    return data;
}

bool WorkspaceTreeModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                         const QModelIndex &parent) const
{
    if (action != Qt::MoveAction || !data || !data->hasFormat(QLatin1String(MimeType)))
        return false;
    const Node *target = nodeAt(parent);
    const QStringList keys = QString::fromUtf8(data->data(QLatin1String(MimeType))).split(u'\n');
    for (const QString &key : keys) {
        const ItemRef ref = ItemRef::fromKey(key);
        if (ref.isRequest() && target == m_root.get())
            return false; // requests belong in a collection or folder
        if (!ref.isRequest() && target->ref.directories.mid(0, ref.directories.size()) == ref.directories
            && target != m_root.get())
            return false; // not into itself
    }
    return true;
}

bool WorkspaceTreeModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                      const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const Node *target = nodeAt(parent);
    const QStringList directories = target->ref.directories;
    const int folderCount = target->folderCount;
    const QStringList keys = QString::fromUtf8(data->data(QLatin1String(MimeType))).split(u'\n');
    int folderRow = row < 0 ? -1 : std::min(row, folderCount);
    int requestRow = row < 0 ? -1 : std::max(0, row - folderCount);
    for (const QString &key : keys) {
        const ItemRef ref = ItemRef::fromKey(key);
        int &position = ref.isRequest() ? requestRow : folderRow;
        const ItemResult result = m_controller->move(ref, directories, position);
        if (!result.ok()) {
            Q_EMIT operationFailed(result.error);
            return false;
        }
        if (position >= 0)
            ++position;
    }
    // The rows are moved by the rebuild: the view must not remove the dragged rows itself.
    return false;
}

WorkspaceFilterModel::WorkspaceFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setFilterRole(WorkspaceTreeModel::FilterRole);
}

} // namespace Sonde
