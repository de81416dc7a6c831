#pragma once

#include "formats/CollectionExport.h"
#include "workspace/WorkspaceController.h"

#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QTreeView;

namespace Sonde {

class WorkspaceFilterModel;
class WorkspaceTreeModel;

/// The left side of the window: a filter box over the workspace tree, with a context menu to make,
/// rename (F2), duplicate (Ctrl+D) and delete (Del) items, and drag and drop to move them.
///
/// Edits go through the WorkspaceController; the tree keeps its expanded folders and current item
/// when it is rebuilt. A failed operation is shown above the tree in words.
///
/// The Export menu (in the context menu, and in the window's File menu) writes the current
/// collection, folder or request as a Postman collection, a HAR log or curl commands.
class WorkspaceSidebar final : public QWidget
{
    Q_OBJECT
public:
    explicit WorkspaceSidebar(WorkspaceController *controller, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    WorkspaceTreeModel *model() const { return m_model; }
    WorkspaceFilterModel *filterModel() const { return m_proxy; }
    /// What the last operation said (why it failed, or what an export wrote); empty when nothing.
    QString message() const;
    /// Export ▸ Postman Collection v2.1…, HAR 1.2…, curl Commands…, for the current item.
    QMenu *exportMenu() const { return m_exportMenu; }

    /// The item under the keyboard focus in the tree.
    ItemRef currentItem() const;
    void setCurrentItem(const ItemRef &ref);

    // What the menu entries do, on the current item (the delete confirmation is the action's).
    void newCollection();
    void newFolder();
    void newRequest();
    void renameCurrent();
    void duplicateCurrent();
    void deleteCurrent();
    /// Asks where to write the current item in `format`, then exportCurrent().
    void chooseFileAndExport(Sonde::ExportFormat format);
    /// Writes the current item in `format` to `path` (atomically) and says so above the tree. Returns
    /// why it could not, in words, or an empty string.
    QString exportCurrent(Sonde::ExportFormat format, const QString &path);

Q_SIGNALS:
    /// The user clicked or activated a request: open it.
    void requestActivated(const Sonde::ItemRef &ref);
    /// The user asked for the settings of the collection or folder `directories`.
    void folderSettingsRequested(const QStringList &directories);

private:
    void createActions();
    void showContextMenu(const QPoint &position);
    void onFilterChanged(const QString &text);
    void onModelAboutToReset();
    void onModelReset();
    void onActivated(const QModelIndex &index);
    void afterOperation(const ItemResult &result, bool edit);
    void showMessage(const QString &message);
    QStringList folderForNewItem() const;
    void updateActions();

    WorkspaceController *m_controller;
    WorkspaceTreeModel *m_model;
    WorkspaceFilterModel *m_proxy;
    QLineEdit *m_filter;
    QLabel *m_message;
    QTreeView *m_view;
    QAction *m_newCollection;
    QAction *m_newFolder;
    QAction *m_newRequest;
    QAction *m_rename;
    QAction *m_duplicate;
    QAction *m_delete;
    QAction *m_settings;
    QMenu *m_exportMenu;
    QAction *m_exportPostman;
    QAction *m_exportHar;
    QAction *m_exportCurl;
    QStringList m_expanded;
    ItemRef m_current;
    ItemRef m_pendingEdit;
};

} // namespace Sonde
