#include "workspace/WorkspaceSidebar.h"

#include "storage/AtomicFile.h"
#include "workspace/MethodBadgeDelegate.h"
#include "workspace/WorkspaceTreeModel.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QTreeView>
#include <QVBoxLayout>

namespace Sonde {

WorkspaceSidebar::WorkspaceSidebar(WorkspaceController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_model(new WorkspaceTreeModel(controller, this))
    , m_proxy(new WorkspaceFilterModel(this))
    , m_filter(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_view(new QTreeView(this))
{
    m_proxy->setSourceModel(m_model);
    m_filter->setPlaceholderText(tr("Filter requests"));
    m_filter->setClearButtonEnabled(true);
    m_message->setWordWrap(true);
    m_message->setAutoFillBackground(true);
    m_message->setBackgroundRole(QPalette::ToolTipBase);
    m_message->setForegroundRole(QPalette::ToolTipText);
    m_message->setMargin(4);
    m_message->hide();

    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new MethodBadgeDelegate(m_view));
    m_view->header()->hide();
    m_view->setUniformRowHeights(true);
    m_view->setDragDropMode(QAbstractItemView::InternalMove);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_filter);
    layout->addWidget(m_message);
    layout->addWidget(m_view);

    createActions();
    connect(m_filter, &QLineEdit::textChanged, this, &WorkspaceSidebar::onFilterChanged);
    connect(m_view, &QWidget::customContextMenuRequested, this, &WorkspaceSidebar::showContextMenu);
    connect(m_view, &QAbstractItemView::activated, this, &WorkspaceSidebar::onActivated);
    connect(m_view, &QAbstractItemView::clicked, this, &WorkspaceSidebar::onActivated);
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, &WorkspaceSidebar::onModelAboutToReset);
    connect(m_model, &QAbstractItemModel::modelReset, this, &WorkspaceSidebar::onModelReset);
    connect(m_model, &WorkspaceTreeModel::operationFailed, this, &WorkspaceSidebar::showMessage);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &WorkspaceSidebar::updateActions);
    connect(
        controller, &WorkspaceController::itemMoved, this, [this](const ItemRef &from, const ItemRef &to) {
            m_current = m_current.rebased(from, to);
            for (QString &key : m_expanded)
                key = ItemRef::fromKey(key).rebased(from, to).key();
        });
    updateActions();
}

void WorkspaceSidebar::createActions()
{
    m_newCollection = new QAction(tr("New Collection"), this);
    m_newFolder = new QAction(tr("New Folder"), this);
    m_newRequest = new QAction(tr("New Request"), this);
    // F2 belongs to the window (Request ▸ Rename), which hands it here when the tree has the focus:
    // one key, one action. The menu still shows it.
    m_rename = new QAction(
        tr("Rename") + u'\t' + QKeySequence(Qt::Key_F2).toString(QKeySequence::NativeText), this);
    m_duplicate = new QAction(tr("Duplicate"), this);
    m_duplicate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_delete = new QAction(tr("Delete…"), this);
    m_delete->setShortcut(QKeySequence::Delete);
    m_settings = new QAction(tr("Settings…"), this);
    m_settings->setToolTip(tr("Variables, default headers and description of the folder"));

    m_exportMenu = new QMenu(tr("E&xport"), this);
    m_exportMenu->setToolTipsVisible(true);
    m_exportPostman = m_exportMenu->addAction(
        tr("&Postman Collection v2.1…"), this, [this] { chooseFileAndExport(ExportFormat::Postman); });
    m_exportPostman->setToolTip(tr("The collection or folder, with its folders, variables and auth, for "
                                   "Postman, Insomnia, Bruno and other clients"));
    m_exportHar
        = m_exportMenu->addAction(tr("&HAR 1.2…"), this, [this] { chooseFileAndExport(ExportFormat::Har); });
    m_exportHar->setToolTip(tr("The requests, as never sent, for browsers' developer tools and HAR viewers"));
    m_exportCurl = m_exportMenu->addAction(
        tr("&curl Commands…"), this, [this] { chooseFileAndExport(ExportFormat::Curl); });
    m_exportCurl->setToolTip(tr("One curl command per request, in a shell script"));

    for (QAction *action : {m_duplicate, m_delete}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_view->addAction(action);
    }
    connect(m_newCollection, &QAction::triggered, this, &WorkspaceSidebar::newCollection);
    connect(m_newFolder, &QAction::triggered, this, &WorkspaceSidebar::newFolder);
    connect(m_newRequest, &QAction::triggered, this, &WorkspaceSidebar::newRequest);
    connect(m_rename, &QAction::triggered, this, &WorkspaceSidebar::renameCurrent);
    connect(m_duplicate, &QAction::triggered, this, &WorkspaceSidebar::duplicateCurrent);
    connect(m_settings, &QAction::triggered, this, [this] {
        const ItemRef current = currentItem();
        if (current.isValid() && !current.isRequest())
            Q_EMIT folderSettingsRequested(current.directories);
    });
    connect(m_delete, &QAction::triggered, this, [this] {
        const QModelIndex index = m_view->currentIndex();
        if (!index.isValid())
            return;
        const bool isRequest = currentItem().isRequest();
        const QString question = isRequest
            ? tr("Delete the request “%1”?").arg(index.data().toString())
            : tr("Delete “%1” and everything in it?").arg(index.data().toString());
        if (QMessageBox::question(this, tr("Delete"),
                question + u'\n' + tr("Its files are removed from the workspace folder."),
                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes)
            deleteCurrent();
    });
}

QString WorkspaceSidebar::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void WorkspaceSidebar::showMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

ItemRef WorkspaceSidebar::currentItem() const
{
    return m_model->refAt(m_proxy->mapToSource(m_view->currentIndex()));
}

void WorkspaceSidebar::setCurrentItem(const ItemRef &ref)
{
    m_current = ref;
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexOf(ref));
    if (index.isValid()) {
        m_view->scrollTo(index);
        m_view->setCurrentIndex(index);
    }
}

QStringList WorkspaceSidebar::folderForNewItem() const
{
    return currentItem().directories; // a folder itself, or the folder of a request
}

void WorkspaceSidebar::updateActions()
{
    const ItemRef current = currentItem();
    m_newFolder->setEnabled(current.isValid());
    m_newRequest->setEnabled(current.isValid());
    m_rename->setEnabled(current.isValid());
    m_duplicate->setEnabled(current.isValid());
    m_delete->setEnabled(current.isValid());
    m_settings->setEnabled(current.isValid() && !current.isRequest());
    m_exportMenu->setEnabled(current.isValid());
    m_exportPostman->setEnabled(current.isValid() && !current.isRequest());
    m_exportHar->setEnabled(current.isValid());
    m_exportCurl->setEnabled(current.isValid());
}

void WorkspaceSidebar::afterOperation(const ItemResult &result, bool edit)
{
    showMessage(result.error);
    if (!result.ok())
        return;
    m_current = result.item;
    if (edit)
        m_pendingEdit = result.item;
    if (!result.item.parentDirectories().isEmpty())
        m_expanded.append(ItemRef {result.item.parentDirectories(), {}}.key());
}

void WorkspaceSidebar::newCollection()
{
    afterOperation(m_controller->newCollection(tr("New collection")), true);
}

void WorkspaceSidebar::newFolder()
{
    if (currentItem().isValid())
        afterOperation(m_controller->newFolder(folderForNewItem(), tr("New folder")), true);
}

void WorkspaceSidebar::newRequest()
{
    if (!currentItem().isValid())
        return;
    Request request;
    request.name = tr("New request");
    afterOperation(m_controller->newRequest(folderForNewItem(), request), true);
}

void WorkspaceSidebar::renameCurrent()
{
    if (m_view->currentIndex().isValid())
        m_view->edit(m_view->currentIndex());
}

void WorkspaceSidebar::duplicateCurrent()
{
    if (currentItem().isValid())
        afterOperation(m_controller->duplicate(currentItem()), false);
}

void WorkspaceSidebar::deleteCurrent()
{
    const ItemRef current = currentItem();
    if (!current.isValid())
        return;
    const QString error = m_controller->remove(current);
    showMessage(error);
    if (error.isEmpty())
        m_current = current.isCollection() ? ItemRef() : ItemRef {current.parentDirectories(), {}};
}

void WorkspaceSidebar::chooseFileAndExport(ExportFormat format)
{
    const ItemRef current = currentItem();
    if (!current.isValid())
        return;
    const Request *request = current.isRequest() ? m_controller->request(current) : nullptr;
    const Folder *folder = current.isRequest() ? nullptr : m_controller->folder(current.directories);
    const QString name = request ? request->name : folder ? folder->name : QString();
    QString filter;
    switch (format) {
    case ExportFormat::Postman:
        filter = tr("Postman collections (*.json);;All files (*)");
        break;
    case ExportFormat::Har:
        filter = tr("HAR files (*.har);;All files (*)");
        break;
    case ExportFormat::Curl:
        filter = tr("Shell scripts (*.sh);;All files (*)");
        break;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export “%1”").arg(name),
        QDir::home().filePath(CollectionExport::suggestedFileName(name, format)), filter);
    if (!path.isEmpty())
        exportCurrent(format, path);
}

QString WorkspaceSidebar::exportCurrent(ExportFormat format, const QString &path)
{
    const ItemRef current = currentItem();
    ExportOptions options;
    options.creatorVersion = QStringLiteral(SONDE_VERSION);
    ExportResult result;
    QString error;
    if (!current.isValid()) {
        error = tr("nothing is selected in the tree");
    } else if (current.isRequest()) {
        const Request *request = m_controller->request(current);
        if (!request)
            error = tr("the request is no longer in the workspace");
        else if (format == ExportFormat::Postman)
            error
                = tr("a Postman collection holds a collection or a folder: export the folder of the request");
        else
            result = CollectionExport::exportRequests(
                {CollectionExport::exportedRequest(*request, m_controller->folderChain(current.directories))},
                format, options);
    } else {
        const QList<const Folder *> chain = m_controller->folderChain(current.directories);
        if (chain.size() != current.directories.size())
            error = tr("the folder is no longer in the workspace");
        else
            result = CollectionExport::exportFolder(chain, format, options);
    }
    if (error.isEmpty() && AtomicFile::write(path, result.bytes, &error) == AtomicFile::WriteResult::Failed)
        error = error.isEmpty() ? tr("could not write %1").arg(QDir::toNativeSeparators(path)) : error;
    if (!error.isEmpty()) {
        showMessage(tr("Not exported: %1").arg(error));
        m_message->setToolTip({});
        return error;
    }
    QString text = result.requestCount == 1
        ? tr("Exported 1 request to %1").arg(QFileInfo(path).fileName())
        : tr("Exported %1 requests to %2")
              .arg(QString::number(result.requestCount), QFileInfo(path).fileName());
    QString tip = QDir::toNativeSeparators(path);
    if (!result.warnings.isEmpty()) {
        constexpr qsizetype Shown = 3;
        QString left = result.warnings.mid(0, Shown).join(u"; ");
        if (result.warnings.size() > Shown)
            left += u"; " + tr("and %1 more (in the tooltip)").arg(result.warnings.size() - Shown);
        text += u'\n' + tr("Left out, as the format has no place for them: %1").arg(left);
        tip += u"\n\n" + result.warnings.join(u'\n');
    }
    showMessage(text);
    m_message->setToolTip(tip);
    return {};
}

void WorkspaceSidebar::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    m_view->setCurrentIndex(index);
    updateActions();
    QMenu menu(this);
    menu.addAction(m_newRequest);
    menu.addAction(m_newFolder);
    menu.addAction(m_newCollection);
    if (index.isValid()) {
        menu.addSeparator();
        menu.addAction(m_rename);
        menu.addAction(m_duplicate);
        if (!currentItem().isRequest())
            menu.addAction(m_settings);
        menu.addMenu(m_exportMenu);
        menu.addSeparator();
        menu.addAction(m_delete);
    }
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

void WorkspaceSidebar::onFilterChanged(const QString &text)
{
    m_proxy->setFilterFixedString(text);
    if (!text.isEmpty())
        m_view->expandAll();
}

void WorkspaceSidebar::onModelAboutToReset()
{
    if (!m_filter->text().isEmpty())
        return; // everything is expanded while filtering: keep what the user had
    m_expanded.clear();
    const auto collect = [this](auto &self, const QModelIndex &parent) -> void {
        for (int row = 0; row < m_proxy->rowCount(parent); ++row) {
            const QModelIndex index = m_proxy->index(row, 0, parent);
            if (m_view->isExpanded(index)) {
                m_expanded.append(index.data(WorkspaceTreeModel::KeyRole).toString());
                self(self, index);
            }
        }
    };
    collect(collect, {});
    if (const ItemRef current = currentItem(); current.isValid() && !m_current.isValid())
        m_current = current;
}

void WorkspaceSidebar::onModelReset()
{
    if (m_filter->text().isEmpty()) {
        for (const QString &key : std::as_const(m_expanded))
            m_view->expand(m_proxy->mapFromSource(m_model->indexOf(ItemRef::fromKey(key))));
    } else {
        m_view->expandAll();
    }
    setCurrentItem(m_current);
    if (const ItemRef edit = std::exchange(m_pendingEdit, {}); edit.isValid())
        m_view->edit(m_proxy->mapFromSource(m_model->indexOf(edit)));
    updateActions();
}

void WorkspaceSidebar::onActivated(const QModelIndex &index)
{
    m_current = m_model->refAt(m_proxy->mapToSource(index));
    if (m_current.isRequest())
        Q_EMIT requestActivated(m_current);
}

} // namespace Sonde
