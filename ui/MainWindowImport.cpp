// Bringing requests in (File ▸ Import…, files dropped on the window) and taking them out (Request ▸
// Copy as cURL, Generate Code…).
#include "MainWindow.h"
#include "RequestTab.h"
#include "formats/CurlExport.h"
#include "formats/FileImport.h"
#include "formats/ImportSaver.h"
#include "request/RequestEditor.h"
#include "snippets/SnippetDialog.h"
#include "template/RequestLocator.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>

namespace Sonde {

namespace {

constexpr int ImportMessageMs = 10000;

/// The local files among what is dragged; empty when it holds anything else (text, remote URLs).
QStringList droppedFiles(const QMimeData *data)
{
    QStringList files;
    if (!data || !data->hasUrls())
        return files;
    for (const QUrl &url : data->urls()) {
        if (!url.isLocalFile() || !QFileInfo(url.toLocalFile()).isFile())
            return {};
        files.append(url.toLocalFile());
    }
    return files;
}

} // namespace

void MainWindow::createImportActions(QMenu *file, QMenu *request)
{
    QAction *import = new QAction(tr("&Import…"), this);
    m_importAction = import;
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    import->setToolTip(tr("Bring in an OpenAPI or Swagger document, a Postman or Insomnia export, a HAR "
                          "capture or curl commands as a new collection (or drop the file on the window)"));
    connect(import, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import"), QString(),
            tr("Importable files (*.json *.yaml *.yml *.har *.sh *.txt *.curl);;"
               "OpenAPI and Swagger (*.yaml *.yml *.json);;Postman and Insomnia (*.json *.yaml *.yml);;"
               "HAR captures (*.har *.json);;curl commands (*.sh *.txt *.curl);;All files (*)"));
        if (!path.isEmpty())
            importFile(path);
    });
    // After Open Workspace…
    file->insertAction(file->actions().value(file->actions().indexOf(m_openWorkspaceAction) + 1), import);

    QAction *copy = request->addAction(tr("Copy as c&URL"), this, &MainWindow::copyAsCurl);
    copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copy->setShortcutContext(Qt::WindowShortcut);

    QAction *generate = request->addAction(tr("&Generate Code…"), this, [this] { showSnippets(); });
    generate->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    generate->setShortcutContext(Qt::WindowShortcut);
    generate->setToolTip(
        tr("The request as code for curl, Python, JavaScript, Go, Java, C#, PHP, PowerShell or Qt"));
}

QString MainWindow::importFile(const QString &path)
{
    if (!m_workspace || !m_workspace->isOpen()) {
        statusBar()->showMessage(tr("Open a workspace to import into."), ImportMessageMs);
        return {};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ask(tr("Import"), tr("%1 cannot be read: %2").arg(QDir::toNativeSeparators(path), file.errorString()),
            QMessageBox::Ok);
        return {};
    }
    const QByteArray bytes = file.readAll();
    const QString format = FileImport::detect(bytes, path);
    if (format.isEmpty()) {
        ask(tr("Import"),
            tr("%1 is none of what Sonde imports (OpenAPI or Swagger, Postman, Insomnia, HAR, curl "
               "commands): "
               "nothing was imported.")
                .arg(QFileInfo(path).fileName()),
            QMessageBox::Ok);
        return {};
    }
    ImportResult result = FileImport::parse(
        format, bytes, {QFileInfo(path).absolutePath(), QFileInfo(path).completeBaseName(), false});
    if (!result.ok()) {
        if (!result.hasPartial()) {
            ask(tr("Import"),
                tr("%1 cannot be imported: %2. Nothing was imported.")
                    .arg(QFileInfo(path).fileName(), result.error.toString()),
                QMessageBox::Ok);
            return {};
        }
        if (!acceptPartialImport(QFileInfo(path).fileName(), result))
            return {};
        result = result.acceptedPartial();
    }
    const SavedImport saved = saveImport(m_workspace->root(), result);
    if (!saved.error.isEmpty()) {
        ask(tr("Import"), tr("The import could not be written: %1").arg(saved.error), QMessageBox::Ok);
        return {};
    }
    m_workspace->reload();
    QString message = tr("Imported %n request(s) into the collection “%1”.", nullptr, int(result.requestCount()))
                          .arg(saved.collectionName);
    if (!saved.environmentNames.isEmpty())
        message
            += u' ' + tr("Environments added: %1.").arg(saved.environmentNames.join(QStringLiteral(", ")));
    if (!result.warnings.isEmpty())
        message += u' ' + tr("%n warning(s): %1", nullptr, int(result.warnings.size())).arg(result.warnings.constFirst().toString());
    if (!result.examples.isEmpty())
        message += u' ' + tr("Responses are not kept in the workspace.");
    statusBar()->showMessage(message, ImportMessageMs);
    return saved.collectionName;
}

bool MainWindow::acceptPartialImport(const QString &fileName, const ImportResult &result)
{
    const int count = int(result.requestCount());
    // Spelled out: without a translation loaded, tr()'s %n leaves "request(s)" as written.
    const QString read = count == 1 ? tr("1 request around the problem was read.")
                                    : tr("%1 requests around the problem were read.").arg(count);
    const QString text
        = tr("%1 cannot be imported whole: %2.\n\n%3 Import them? Nothing is written otherwise.")
              .arg(fileName, result.error.toString(), read);
    if (m_ask)
        return m_ask(tr("Import"), text, QMessageBox::Yes | QMessageBox::Cancel) == QMessageBox::Yes;
    QMessageBox box(QMessageBox::Warning, tr("Import"), text, QMessageBox::Yes | QMessageBox::Cancel, this);
    box.button(QMessageBox::Yes)
        ->setText(count == 1 ? tr("Import the 1 request that was read")
                             : tr("Import the %1 requests that were read").arg(count));
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Yes;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent *event)
{
    if (!droppedFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList files = droppedFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    // Imported after the drop returns: the file manager that started the drag is not kept waiting on
    // a message box.
    QTimer::singleShot(0, this, [this, files] {
        for (const QString &file : files)
            importFile(file);
    });
}

void MainWindow::copyAsCurl()
{
    RequestTab *tab = currentRequestTab();
    if (!tab)
        return;
    Request request = tab->editor()->request();
    if (m_workspace && m_workspace->isOpen() && tab->itemRef().isValid()) {
        const QList<const Folder *> folders = m_workspace->folderChain(tab->itemRef().directories);
        request = withInheritedAuth(withFolderHeaders(request, folders), folders);
    }
    QStringList warnings;
    QApplication::clipboard()->setText(CurlExport::toCommand(request, {}, &warnings));
    statusBar()->showMessage(warnings.isEmpty() ? tr("Copied as a curl command.")
                                                : tr("Copied as a curl command; %1").arg(warnings.join(QStringLiteral("; "))),
                             ImportMessageMs);
}

SnippetDialog *MainWindow::showSnippets()
{
    RequestTab *tab = currentRequestTab();
    if (!tab)
        return nullptr;
    Request request = tab->editor()->request();
    if (m_workspace && m_workspace->isOpen() && tab->itemRef().isValid()) {
        const QList<const Folder *> folders = m_workspace->folderChain(tab->itemRef().directories);
        request = withInheritedAuth(withFolderHeaders(request, folders), folders);
    }
    // The scopes as they are now: the dialog does not follow later edits of the request.
    const TemplateResolver resolver = tab->resolver();
    auto *dialog = new SnippetDialog(
        request, [resolver](const Request &r) { return resolveRequest(r, resolver); }, &settings(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

} // namespace Sonde
