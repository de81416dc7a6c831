#include "ImportCommand.h"

#include "formats/CollectionExport.h"
#include "formats/FileImport.h"
#include "formats/ImportJson.h"
#include "formats/ImportSaver.h"
#include "storage/WorkspaceStore.h"
#include "template/RequestLocator.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <cstdio>

namespace {

using namespace Qt::StringLiterals;
using namespace Sonde;

constexpr int ExitOk = 0;
constexpr int ExitNotFound = 1;
constexpr int ExitUsage = 2;
constexpr int ExitIo = 3;
constexpr int ExitMalformedInput = 5;

void write(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
}

int fail(const char *command, int code, const QString &message)
{
    write(stderr, u"sonde-cli %1: %2\n"_s.arg(QLatin1StringView(command), message));
    return code;
}

bool isSecret(const Variable &variable)
{
    return variable.secret && !variable.value.isEmpty();
}

qsizetype countSecrets(const Folder &folder)
{
    qsizetype count = std::count_if(folder.variables.cbegin(), folder.variables.cend(), isSecret);
    for (const Folder &child : folder.folders)
        count += countSecrets(child);
    return count;
}

} // namespace

int runImportCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Import requests from a curl command line, a HAR 1.2 file, a Postman collection, environment or globals file, an Insomnia v4 export, or an OpenAPI 3 / Swagger 2 document (JSON or YAML)."_s);
    parser.addOption(
        {u"format"_s, u"The input format: auto (default), curl, har, postman, insomnia or openapi."_s,
            u"format"_s, u"auto"_s});
    parser.addOption({u"out"_s,
        u"Write the requests as a new collection into this workspace folder (created when missing) instead of printing them."_s,
        u"dir"_s});
    parser.addOption({u"name"_s, u"The collection's name (default: the file's name)."_s, u"name"_s});
    parser.addOption({u"partial"_s,
        u"When the file has a problem, import what was read around it (the entries, items, resources or operations that read well) instead of failing; the problem is printed as a warning."_s});
    parser.addOption({{u"h"_s, u"help"_s}, u"Show this help."_s});
    parser.addPositionalArgument(u"FILE"_s, u"The file to import; - reads stdin."_s);
    if (!parser.parse(QStringList {u"sonde-cli import"_s} + arguments))
        return fail("import", ExitUsage, parser.errorText());
    if (parser.isSet(u"help"_s)) {
        write(stdout, parser.helpText());
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return fail("import", ExitUsage, u"give one FILE (or - for stdin)"_s);
    const QString format = parser.value(u"format"_s).toLower();
    if (format != u"auto" && !FileImport::formats().contains(format))
        return fail("import", ExitUsage,
            u"unknown format '%1' (auto, curl, har, postman, insomnia or openapi)"_s.arg(
                parser.value(u"format"_s)));

    const QString path = positional.first();
    QFile file;
    bool opened = false;
    if (path == u"-") {
        opened = file.open(stdin, QIODevice::ReadOnly);
    } else {
        file.setFileName(path);
        opened = file.open(QIODevice::ReadOnly);
    }
    if (!opened)
        return fail("import", ExitIo, u"cannot read %1: %2"_s.arg(path, file.errorString()));
    const QByteArray data = file.readAll();
    const QString baseName = path == u"-" ? u"Imported"_s : QFileInfo(path).completeBaseName();
    const QString name = parser.isSet(u"name"_s) ? parser.value(u"name"_s) : baseName;

    QString chosen = format;
    if (chosen == u"auto") {
        chosen = FileImport::detect(data, path == u"-" ? QString() : path);
        if (chosen.isEmpty())
            return fail("import", ExitMalformedInput,
                u"cannot tell the format of %1: it is neither a HAR file (JSON with log.entries), a Postman file (info.schema, or an environment's values), an Insomnia export (_type: export), an OpenAPI or Swagger document (openapi or swagger at the top) nor a curl command; give --format"_s
                    .arg(path));
    }
    FileImport::Options options;
    if (path != u"-")
        options.baseDirectory = QFileInfo(path).absolutePath();
    options.name = name;
    options.nameChosen = parser.isSet(u"name"_s);
    ImportResult result = FileImport::parse(chosen, data, options);
    qsizetype acceptedProblem = 0;
    if (!result.ok()) {
        if (!result.hasPartial())
            return fail("import", ExitMalformedInput, u"%1: %2"_s.arg(path, result.error.toString()));
        if (!parser.isSet(u"partial"_s))
            return fail("import", ExitMalformedInput,
                u"%1: %2 (%3 requests were read around the problem: --partial imports them)"_s.arg(
                    path, result.error.toString(), QString::number(result.requestCount())));
        write(stderr,
            u"sonde-cli import: warning: %1: %2; only the %3 requests that were read are imported\n"_s.arg(
                path, result.error.toString(), QString::number(result.requestCount())));
        // The problem stays the first of the warnings, so the printed JSON tells it too.
        result = result.acceptedPartial();
        acceptedProblem = 1;
    }

    if (!parser.isSet(u"out"_s)) {
        write(stdout,
            QString::fromUtf8(QJsonDocument(ImportJson::toJson(result)).toJson(QJsonDocument::Indented)));
        return ExitOk;
    }
    // An accepted problem was told above already, with the file's name.
    for (const ImportMessage &warning : result.warnings.sliced(acceptedProblem))
        write(stderr, u"sonde-cli import: warning: %1\n"_s.arg(warning.toString()));
    const QString out = parser.value(u"out"_s);
    const SavedImport saved = saveImport(out, result);
    if (!saved.error.isEmpty())
        return fail("import", ExitIo, saved.error);
    for (const FormatProblem &problem : saved.problems)
        write(stderr, u"sonde-cli import: %1\n"_s.arg(problem.toString()));
    qsizetype secrets = std::count_if(result.globals.cbegin(), result.globals.cend(), isSecret)
        + countSecrets(result.collection);
    for (const Environment &environment : std::as_const(result.environments))
        secrets += std::count_if(environment.variables.cbegin(), environment.variables.cend(), isSecret);
    if (secrets > 0)
        write(stderr,
            u"sonde-cli import: note: the values of %1 secret variables are not written (a workspace keeps secrets in the system keychain): enter them in Sonde\n"_s
                .arg(secrets));
    if (!result.examples.isEmpty())
        write(stderr,
            u"sonde-cli import: note: the %1 recorded responses are not saved: the workspace format has no place for examples yet\n"_s
                .arg(result.examples.size()));
    if (!saved.collectionName.isEmpty())
        write(stdout,
            u"Imported %1 requests into the collection “%2” in %3\n"_s.arg(result.requestCount())
                .arg(saved.collectionName, out));
    for (const QString &environment : std::as_const(saved.environmentNames))
        write(stdout, u"Imported the environment “%1” into %2\n"_s.arg(environment, out));
    if (!result.globals.isEmpty())
        write(stdout, u"Imported %1 global variables into %2\n"_s.arg(result.globals.size()).arg(out));
    return saved.problems.isEmpty() ? ExitOk : ExitIo;
}

namespace {

bool matches(const QString &part, const QString &name, const QString &fileName)
{
    QString file = fileName;
    if (file.endsWith(u".yaml"))
        file.chop(5);
    return part.compare(name, Qt::CaseInsensitive) == 0
        || (!file.isEmpty() && part.compare(file, Qt::CaseInsensitive) == 0);
}

/// The requests of the folder or request `path` names below the workspace's collections (every
/// collection when empty); parts match names, or directory and file names (without .yaml),
/// case-insensitively.
bool select(const Workspace &workspace, const QString &path, QList<ExportedRequest> &selection, QString *error)
{
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    if (parts.isEmpty()) {
        for (const Folder &collection : workspace.collections)
            selection += CollectionExport::requestsIn({&collection});
        return true;
    }
    const QList<Folder> *folders = &workspace.collections;
    QList<const Folder *> parents;
    QString prefix;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString &part = parts.at(i);
        const auto folder = std::find_if(folders->cbegin(), folders->cend(),
            [&part](const Folder &f) { return matches(part, f.name, f.directoryName); });
        if (folder != folders->cend()) {
            parents.append(&*folder);
            if (i == parts.size() - 1) {
                selection += CollectionExport::requestsIn(parents);
                return true;
            }
            prefix += folder->name + u'/';
            folders = &folder->folders;
            continue;
        }
        if (!parents.isEmpty()) {
            // A request's name may hold slashes ("GET /users"): the rest of the path is its name.
            const QString rest = parts.mid(i).join(u'/');
            for (const Request &request : parents.last()->requests) {
                if (matches(rest, request.name, request.fileName)) {
                    selection.append(CollectionExport::exportedRequest(request, parents));
                    return true;
                }
            }
        }
        *error = u"nothing named “%1” in %2"_s.arg(
            part, prefix.isEmpty() ? u"the workspace"_s : prefix.chopped(1));
        return false;
    }
    return true;
}

/// The collection or folder `path` names (the collection down to it), for a Postman export; empty
/// with `error` set otherwise.
QList<const Folder *> selectFolder(const Workspace &workspace, const QString &path, QString *error)
{
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    if (parts.isEmpty()) {
        if (workspace.collections.size() == 1)
            return {&workspace.collections.first()};
        *error = workspace.collections.isEmpty()
            ? u"the workspace has no collection"_s
            : u"the workspace has %1 collections: name the one to export"_s.arg(workspace.collections.size());
        return {};
    }
    const QList<Folder> *folders = &workspace.collections;
    QList<const Folder *> chain;
    for (const QString &part : parts) {
        const auto folder = std::find_if(folders->cbegin(), folders->cend(),
            [&part](const Folder &f) { return matches(part, f.name, f.directoryName); });
        if (folder == folders->cend()) {
            *error
                = u"no collection or folder named “%1” in %2 (a Postman export takes a collection or a folder)"_s
                      .arg(part, chain.isEmpty() ? u"the workspace"_s : chain.constLast()->name);
            return {};
        }
        chain.append(&*folder);
        folders = &folder->folders;
    }
    return chain;
}

} // namespace

int runExportCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Export saved requests as curl commands, as a HAR 1.2 log, or as a Postman collection v2.1."_s);
    parser.addOption({u"workspace"_s, u"The workspace folder."_s, u"dir"_s});
    parser.addOption({u"format"_s, u"curl, har or postman."_s, u"format"_s});
    parser.addOption({u"multiline"_s, u"curl: one option per line, with \\ continuations."_s});
    parser.addOption({{u"h"_s, u"help"_s}, u"Show this help."_s});
    parser.addPositionalArgument(
        u"PATH"_s, u"COLLECTION[/FOLDER…[/REQUEST]]; every collection when left out."_s, u"[PATH]"_s);
    if (!parser.parse(QStringList {u"sonde-cli export"_s} + arguments))
        return fail("export", ExitUsage, parser.errorText());
    if (parser.isSet(u"help"_s)) {
        write(stdout, parser.helpText());
        return ExitOk;
    }
    if (!parser.isSet(u"workspace"_s))
        return fail("export", ExitUsage, u"--workspace DIR is required"_s);
    const QString format = parser.value(u"format"_s).toLower();
    if (format != u"curl" && format != u"har" && format != u"postman")
        return fail("export", ExitUsage,
            parser.isSet(u"format"_s)
                ? u"unknown format '%1' (curl, har or postman)"_s.arg(parser.value(u"format"_s))
                : u"--format curl|har|postman is required"_s);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return fail("export", ExitUsage, u"one PATH at most"_s);
    const LoadedWorkspace loaded = WorkspaceStore::load(parser.value(u"workspace"_s));
    if (!loaded.ok)
        return fail("export", ExitIo,
            loaded.problems.isEmpty() ? u"cannot load the workspace %1"_s.arg(parser.value(u"workspace"_s))
                                      : loaded.problems.first().toString());
    for (const FormatProblem &problem : loaded.problems)
        write(stderr, u"sonde-cli export: warning: %1\n"_s.arg(problem.toString()));
    QString error;
    ExportOptions options;
    options.curlMultiline = parser.isSet(u"multiline"_s);
    options.creatorVersion = QStringLiteral(SONDE_VERSION);
    ExportResult result;
    if (format == u"postman") {
        const QList<const Folder *> chain = selectFolder(loaded.workspace, positional.value(0), &error);
        if (chain.isEmpty())
            return fail("export", ExitNotFound, error);
        result = CollectionExport::exportFolder(chain, ExportFormat::Postman, options);
    } else {
        QList<ExportedRequest> selection;
        if (!select(loaded.workspace, positional.value(0), selection, &error))
            return fail("export", ExitNotFound, error);
        result = CollectionExport::exportRequests(
            selection, format == u"har" ? ExportFormat::Har : ExportFormat::Curl, options);
    }
    for (const QString &warning : std::as_const(result.warnings))
        write(stderr, u"sonde-cli export: warning: %1\n"_s.arg(warning));
    std::fwrite(result.bytes.constData(), 1, size_t(result.bytes.size()), stdout);
    return ExitOk;
}
