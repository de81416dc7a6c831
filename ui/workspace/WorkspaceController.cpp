#include "workspace/WorkspaceController.h"

#include "storage/AtomicFile.h"
#include "storage/SecretStore.h"
#include "storage/WorkspaceFormat.h"
#include "storage/WorkspaceStore.h"
#include "storage/WorkspaceWatcher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <functional>

namespace Sonde {

namespace {

constexpr auto YamlSuffix = ".yaml";

QString requestScope(const QStringList &directories, const QString &fileName)
{
    return QStringLiteral("request/") + directories.join(u'/') + u'/' + fileName;
}

QString folderScope(const QStringList &directories)
{
    return QStringLiteral("folder/") + directories.join(u'/');
}

QString environmentScope(const QString &name)
{
    return QStringLiteral("environment/") + name;
}

/// Calls `visit(scope, variables)` for every variable list of the workspace that may hold secrets.
void forEachScope(Workspace &workspace, const std::function<void(const QString &, VariableList &)> &visit)
{
    visit(QStringLiteral("globals"), workspace.globals);
    for (Environment &environment : workspace.environments)
        visit(environmentScope(environment.name), environment.variables);
    std::function<void(Folder &, QStringList)> walk = [&](Folder &folder, QStringList directories) {
        directories.append(folder.directoryName);
        visit(folderScope(directories), folder.variables);
        for (Request &request : folder.requests)
            visit(requestScope(directories, request.fileName), request.variables);
        for (Folder &child : folder.folders)
            walk(child, directories);
    };
    for (Folder &collection : workspace.collections)
        walk(collection, {});
}

} // namespace

QString ItemRef::key() const
{
    return isRequest() ? directories.join(u'/') + u'/' + fileName : directories.join(u'/');
}

ItemRef ItemRef::fromKey(const QString &key)
{
    QStringList parts = key.split(u'/', Qt::SkipEmptyParts);
    ItemRef ref;
    if (!parts.isEmpty() && parts.constLast().endsWith(QLatin1String(YamlSuffix)))
        ref.fileName = parts.takeLast();
    ref.directories = parts;
    return ref;
}

ItemRef ItemRef::rebased(const ItemRef &from, const ItemRef &to) const
{
    if (*this == from)
        return to;
    if (from.isRequest() || directories.size() < from.directories.size()
        || directories.mid(0, from.directories.size()) != from.directories)
        return *this;
    ItemRef moved = *this;
    moved.directories = to.directories + directories.mid(from.directories.size());
    return moved;
}

WorkspaceController::WorkspaceController(SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_watcher(new WorkspaceWatcher(this))
{
    connect(m_watcher, &WorkspaceWatcher::treeChanged, this, &WorkspaceController::reload);
    connect(m_watcher, &WorkspaceWatcher::fileChanged, this, &WorkspaceController::onFileChanged);
}

QString WorkspaceController::create(const QString &root, const QString &name)
{
    if (WorkspaceStore::isWorkspace(root))
        return QStringLiteral("%1 already holds a workspace").arg(QDir::toNativeSeparators(root));
    if (!QDir().mkpath(QDir(root).filePath(QLatin1String(WorkspaceStore::CollectionsDir))))
        return QStringLiteral("Could not create the folder %1").arg(QDir::toNativeSeparators(root));
    Workspace workspace;
    workspace.name = name;
    const FormatProblems problems = WorkspaceStore::save(root, workspace);
    return problems.isEmpty() ? QString() : problems.first().toString();
}

bool WorkspaceController::sameFolders(const QList<Folder> &a, const QList<Folder> &b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(), [](const Folder &x, const Folder &y) {
        return x.name == y.name && x.description == y.description && x.variables == y.variables && x.headers == y.headers
            && x.sortKey == y.sortKey && x.requests == y.requests && x.directoryName == y.directoryName
            && sameFolders(x.folders, y.folders);
    });
}

QString WorkspaceController::addCollection(const QString &root, const QString &source, const QString &directoryName)
{
    const QDir target(WorkspaceStore::folderPath(root, {directoryName}));
    if (!QDir().mkpath(target.path()))
        return QStringLiteral("Could not create the folder %1").arg(QDir::toNativeSeparators(target.path()));
    for (const QFileInfo &entry : QDir(source).entryInfoList(QDir::Files, QDir::Name)) {
        QFile file(entry.filePath());
        QString error;
        if (!file.open(QIODevice::ReadOnly)
            || AtomicFile::write(target.filePath(entry.fileName()), file.readAll(), &error) == AtomicFile::WriteResult::Failed)
            return QStringLiteral("Could not copy %1: %2").arg(entry.fileName(), error.isEmpty() ? file.errorString() : error);
    }
    return {};
}

QString WorkspaceController::open(const QString &root)
{
    LoadedWorkspace loaded = WorkspaceStore::load(root);
    if (!loaded.ok)
        return loaded.problems.isEmpty() ? QStringLiteral("%1 is not a Sonde workspace").arg(QDir::toNativeSeparators(root))
                                         : loaded.problems.first().toString();
    m_root = QDir(root).absolutePath();
    m_workspace = std::move(loaded.workspace);
    m_problems = loaded.problems;
    m_secretCache.clear();
    if (!activeEnvironmentValue())
        m_activeEnvironment.clear();
    m_watcher->setRoot(m_root);
    Q_EMIT treeChanged();
    Q_EMIT environmentsChanged();
    Q_EMIT activeEnvironmentChanged(m_activeEnvironment);
    readSecrets();
    return {};
}

void WorkspaceController::reload()
{
    if (m_root.isEmpty())
        return;
    LoadedWorkspace loaded = WorkspaceStore::load(m_root);
    m_watcher->setRoot(m_root);
    if (!loaded.ok)
        return; // the workspace file is being replaced (a checkout in progress): the next change reloads
    applySecretCache(loaded.workspace);
    m_problems = loaded.problems;
    if (sameFolders(loaded.workspace.collections, m_workspace.collections) && loaded.workspace.name == m_workspace.name
        && loaded.workspace.globals == m_workspace.globals && loaded.workspace.environments == m_workspace.environments)
        return;
    const bool environments = loaded.workspace.environments != m_workspace.environments
        || loaded.workspace.globals != m_workspace.globals;
    m_workspace = std::move(loaded.workspace);
    Q_EMIT treeChanged();
    if (environments) {
        if (!activeEnvironmentValue())
            setActiveEnvironment({});
        Q_EMIT environmentsChanged();
        Q_EMIT variablesChanged();
    }
    readSecrets(); // secrets of items that are new since the last read
}

void WorkspaceController::setSecretStore(SecretStore *secrets)
{
    m_secrets = secrets;
    readSecrets();
}

void WorkspaceController::readSecrets()
{
    if (!m_secrets || m_root.isEmpty())
        return;
    QStringList keys;
    forEachScope(m_workspace, [this, &keys](const QString &scope, VariableList &variables) {
        for (const Variable &variable : std::as_const(variables)) {
            const QString key = SecretStore::keyFor(m_root, scope, variable.name);
            if (variable.secret && !m_secretCache.contains(key))
                keys.append(key);
        }
    });
    const int generation = ++m_secretGeneration;
    auto pending = std::make_shared<int>(int(keys.size()));
    auto reported = std::make_shared<bool>(false);
    for (const QString &key : std::as_const(keys)) {
        m_secrets->read(key, this, [this, key, generation, pending, reported](std::optional<QString> value, const QString &error) {
            if (generation != m_secretGeneration)
                return;
            if (value)
                m_secretCache.insert(key, *value);
            if (!error.isEmpty() && !std::exchange(*reported, true))
                Q_EMIT secretStoreFailed(error);
            if (--*pending == 0) {
                applySecretCache(m_workspace);
                Q_EMIT variablesChanged();
            }
        });
    }
}

void WorkspaceController::applySecretCache(Workspace &workspace) const
{
    forEachScope(workspace, [this](const QString &scope, VariableList &variables) {
        for (Variable &variable : variables) {
            const auto cached = m_secretCache.constFind(SecretStore::keyFor(m_root, scope, variable.name));
            if (variable.secret && cached != m_secretCache.cend())
                variable.value = *cached;
        }
    });
}

void WorkspaceController::storeSecrets(const QString &scope, const VariableList &variables)
{
    for (const Variable &variable : variables) {
        if (!variable.secret)
            continue;
        const QString key = SecretStore::keyFor(m_root, scope, variable.name);
        m_secretCache.insert(key, variable.value);
        if (m_secrets)
            m_secrets->write(key, variable.value, this, [this](const QString &error) {
                if (!error.isEmpty())
                    Q_EMIT secretStoreFailed(error);
            });
    }
}

const Folder *WorkspaceController::folder(const QStringList &directories) const
{
    return const_cast<WorkspaceController *>(this)->findFolder(directories);
}

Folder *WorkspaceController::findFolder(const QStringList &directories)
{
    QList<Folder> *siblings = &m_workspace.collections;
    Folder *found = nullptr;
    for (const QString &directory : directories) {
        const auto it = std::find_if(siblings->begin(), siblings->end(),
                                     [&directory](const Folder &f) { return f.directoryName == directory; });
        if (it == siblings->end())
            return nullptr;
        found = &*it;
        siblings = &found->folders;
    }
    return found;
}

QList<Folder> *WorkspaceController::childFolders(const QStringList &parent)
{
    if (parent.isEmpty())
        return &m_workspace.collections;
    Folder *folder = findFolder(parent);
    return folder ? &folder->folders : nullptr;
}

const Request *WorkspaceController::request(const ItemRef &ref) const
{
    const Folder *parent = folder(ref.directories);
    if (!parent || !ref.isRequest())
        return nullptr;
    const auto it = std::find_if(parent->requests.cbegin(), parent->requests.cend(),
                                 [&ref](const Request &r) { return r.fileName == ref.fileName; });
    return it == parent->requests.cend() ? nullptr : &*it;
}

QList<const Folder *> WorkspaceController::folderChain(const QStringList &directories) const
{
    QList<const Folder *> chain;
    for (qsizetype i = 1; i <= directories.size(); ++i) {
        if (const Folder *f = folder(directories.mid(0, i)))
            chain.append(f);
    }
    return chain;
}

QString WorkspaceController::pathOf(const ItemRef &ref) const
{
    const QString directory = WorkspaceStore::folderPath(m_root, ref.directories);
    return ref.isRequest() ? QDir(directory).filePath(ref.fileName) : QDir::cleanPath(directory);
}

ItemRef WorkspaceController::refForPath(const QString &path) const
{
    const QString collections = QDir(m_root).filePath(QLatin1String(WorkspaceStore::CollectionsDir)) + u'/';
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!absolute.startsWith(collections))
        return {};
    return ItemRef::fromKey(absolute.mid(collections.size()));
}

QString WorkspaceController::writeFile(const QString &path, const QByteArray &bytes)
{
    m_watcher->noteOwnWrite(path, bytes);
    QString error;
    return AtomicFile::write(path, bytes, &error) == AtomicFile::WriteResult::Failed ? error : QString();
}

QString WorkspaceController::removeFile(const QString &path)
{
    m_watcher->noteOwnRemoval(path);
    if (QFileInfo::exists(path) && !QFile::remove(path))
        return QStringLiteral("Could not delete %1").arg(QDir::toNativeSeparators(path));
    return {};
}

QString WorkspaceController::writeFolderTree(const QStringList &directories, const Folder &folder)
{
    const QString directory = WorkspaceStore::folderPath(m_root, directories);
    QString error = writeFile(QDir(directory).filePath(QLatin1String(WorkspaceStore::FolderFile)),
                              WorkspaceFormat::folderToYaml(folder));
    storeSecrets(folderScope(directories), folder.variables);
    for (const Request &request : folder.requests) {
        if (error.isEmpty())
            error = writeFile(QDir(directory).filePath(request.fileName), WorkspaceFormat::requestToYaml(request));
        storeSecrets(requestScope(directories, request.fileName), request.variables);
    }
    for (const Folder &child : folder.folders) {
        if (error.isEmpty())
            error = writeFolderTree(directories + QStringList {child.directoryName}, child);
    }
    return error;
}

QString WorkspaceController::saveRequest(const ItemRef &ref, const Request &request)
{
    Folder *parent = findFolder(ref.directories);
    const Request *current = this->request(ref);
    if (!parent || !current)
        return QStringLiteral("The request is no longer in the workspace");
    Request saved = request;
    saved.fileName = ref.fileName;
    saved.sortKey = current->sortKey;
    if (const QString error = writeFile(pathOf(ref), WorkspaceFormat::requestToYaml(saved)); !error.isEmpty())
        return error;
    storeSecrets(requestScope(ref.directories, ref.fileName), saved.variables);
    const bool renamed = saved.name != current->name || saved.method != current->method;
    *const_cast<Request *>(current) = saved;
    if (renamed)
        Q_EMIT treeChanged();
    return {};
}

QString WorkspaceController::saveFolderSettings(const QStringList &directories, const VariableList &variables,
    const KeyValueList &headers, const AuthConfig &auth, const QString &description)
{
    Folder *folder = findFolder(directories);
    if (!folder)
        return QStringLiteral("The folder is no longer in the workspace");
    Folder changed = *folder;
    changed.variables = variables;
    changed.headers = headers;
    changed.auth = auth;
    changed.description = description;
    const QString path = QDir(WorkspaceStore::folderPath(m_root, directories)).filePath(QLatin1String(WorkspaceStore::FolderFile));
    if (const QString error = writeFile(path, WorkspaceFormat::folderToYaml(changed)); !error.isEmpty())
        return error;
    storeSecrets(folderScope(directories), variables);
    *folder = std::move(changed);
    Q_EMIT variablesChanged();
    return {};
}

QString WorkspaceController::saveGlobals(const VariableList &globals)
{
    Workspace changed = m_workspace;
    changed.globals = globals;
    const QString path = QDir(m_root).filePath(QLatin1String(WorkspaceStore::WorkspaceFile));
    if (const QString error = writeFile(path, WorkspaceFormat::workspaceToYaml(changed)); !error.isEmpty())
        return error;
    storeSecrets(QStringLiteral("globals"), globals);
    m_workspace.globals = globals;
    Q_EMIT variablesChanged();
    return {};
}

const Environment *WorkspaceController::activeEnvironmentValue() const
{
    for (const Environment &environment : m_workspace.environments) {
        if (environment.name == m_activeEnvironment)
            return &environment;
    }
    return nullptr;
}

void WorkspaceController::setActiveEnvironment(const QString &name)
{
    if (name == m_activeEnvironment)
        return;
    m_activeEnvironment = name;
    Q_EMIT activeEnvironmentChanged(name);
    Q_EMIT variablesChanged();
}

QString WorkspaceController::writeEnvironment(const Environment &environment)
{
    const QString path = QDir(m_root).filePath(QLatin1String(WorkspaceStore::EnvironmentsDir) + u'/'
                                               + WorkspaceFormat::fileNameFor(environment.name) + QLatin1String(YamlSuffix));
    storeSecrets(environmentScope(environment.name), environment.variables);
    return writeFile(path, WorkspaceFormat::environmentToYaml(environment));
}

QString WorkspaceController::saveEnvironments(const QList<Environment> &environments)
{
    QString error;
    for (const Environment &old : std::as_const(m_workspace.environments)) {
        const bool kept = std::any_of(environments.cbegin(), environments.cend(), [&old](const Environment &e) {
            return WorkspaceFormat::fileNameFor(e.name) == WorkspaceFormat::fileNameFor(old.name);
        });
        if (!kept) {
            m_watcher->noteOwnRemoval(QDir(m_root).filePath(QLatin1String(WorkspaceStore::EnvironmentsDir) + u'/'
                                                            + WorkspaceFormat::fileNameFor(old.name) + QLatin1String(YamlSuffix)));
            if (const QString removed = WorkspaceStore::removeEnvironment(m_root, old.name); error.isEmpty())
                error = removed;
        }
    }
    for (const Environment &environment : environments) {
        if (const QString written = writeEnvironment(environment); error.isEmpty())
            error = written;
    }
    m_workspace.environments = environments;
    Q_EMIT environmentsChanged();
    if (!activeEnvironmentValue())
        setActiveEnvironment({});
    Q_EMIT variablesChanged();
    return error;
}

void WorkspaceController::setRuntimeValue(const QString &name, const QString &value)
{
    for (Variable &variable : m_runtime) {
        if (variable.name == name) {
            variable.value = value;
            Q_EMIT variablesChanged();
            return;
        }
    }
    m_runtime.append({name, value});
    Q_EMIT variablesChanged();
}

TemplateResolver WorkspaceController::resolverFor(const ItemRef &ref, const Request &request) const
{
    QList<VariableScope> scopes {{QStringLiteral("runtime values"), m_runtime}, {QStringLiteral("request"), request.variables}};
    const QList<const Folder *> chain = folderChain(ref.directories);
    for (auto it = chain.crbegin(); it != chain.crend(); ++it) {
        const bool isCollection = it == std::prev(chain.crend());
        scopes.append({(isCollection ? QStringLiteral("collection “%1”") : QStringLiteral("folder “%1”")).arg((*it)->name),
                       (*it)->variables});
    }
    if (const Environment *environment = activeEnvironmentValue())
        scopes.append({QStringLiteral("environment “%1”").arg(environment->name), environment->variables});
    scopes.append({QStringLiteral("globals"), m_workspace.globals});
    return TemplateResolver(scopes);
}

QStringList WorkspaceController::secretValuesFor(const ItemRef &ref, const Request &request) const
{
    QStringList values;
    const auto collect = [&values](const VariableList &variables) {
        for (const Variable &variable : variables) {
            if (variable.secret && !variable.value.isEmpty() && !values.contains(variable.value))
                values.append(variable.value);
        }
    };
    collect(request.variables);
    for (const Folder *folder : folderChain(ref.directories))
        collect(folder->variables);
    if (const Environment *environment = activeEnvironmentValue())
        collect(environment->variables);
    collect(m_workspace.globals);
    return values;
}

QList<CapturedValue> WorkspaceController::applyCaptures(const Request &request, const Exchange &exchange)
{
    const QList<CapturedValue> captured = Sonde::applyCaptures(request.captures, exchange);
    Environment *environment = const_cast<Environment *>(activeEnvironmentValue());
    bool environmentChanged = false;
    for (const CapturedValue &value : captured) {
        if (!value.error.isEmpty())
            continue;
        Variable *target = nullptr;
        if (environment) {
            for (Variable &variable : environment->variables) {
                if (variable.name == value.variable)
                    target = &variable;
            }
        }
        if (target) {
            environmentChanged = environmentChanged || target->value != value.value;
            target->value = value.value;
        } else {
            setRuntimeValue(value.variable, value.value);
        }
    }
    if (environmentChanged) {
        if (const QString error = writeEnvironment(*environment); !error.isEmpty())
            Q_EMIT writeFailed(error);
        Q_EMIT variablesChanged();
    }
    return captured;
}

void WorkspaceController::onFileChanged(const QString &path)
{
    const ItemRef ref = refForPath(path);
    if (ref.isRequest())
        Q_EMIT requestChangedOnDisk(ref, !QFileInfo::exists(path));
}

} // namespace Sonde
