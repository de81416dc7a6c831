#include "SnippetCommand.h"

#include "WorkspaceRequest.h"
#include "formats/Snippets.h"
#include "storage/SecretStore.h"
#include "storage/WorkspaceStore.h"
#include "template/RequestLocator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstdio>

namespace {

using namespace Qt::StringLiterals;
using namespace Sonde;

constexpr int ExitOk = 0;
constexpr int ExitNotFound = 1;
constexpr int ExitUsage = 2;
constexpr int ExitIo = 3;

void write(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
}

int fail(int code, const QString &message)
{
    write(stderr, u"sonde-cli snippet: %1\n"_s.arg(message));
    return code;
}

QString targetList()
{
    QStringList ids;
    for (const SnippetTarget &target : Snippets::targets())
        ids << target.id;
    return ids.join(u", "_s);
}

int print(const QString &target, const Request &request)
{
    QStringList warnings;
    write(stdout, Snippets::generate(target, request, &warnings));
    for (const QString &warning : std::as_const(warnings))
        write(stderr, u"sonde-cli snippet: warning: %1\n"_s.arg(warning));
    return ExitOk;
}

} // namespace

int runSnippetCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Print a saved request as code for another tool or language."_s);
    parser.addOption({u"target"_s, u"The language or tool (see --list-targets)."_s, u"name"_s});
    parser.addOption({u"workspace"_s, u"The workspace folder."_s, u"dir"_s});
    parser.addOption({u"resolve"_s,
        u"Replace {{variables}} with their values (secret ones read from the keychain); otherwise they are kept as written."_s});
    parser.addOption({u"env"_s, u"With --resolve: the environment whose variables are used."_s, u"name"_s});
    parser.addOption({u"list-targets"_s, u"Print the targets, one a line: name, then label."_s});
    parser.addOption({{u"h"_s, u"help"_s}, u"Show this help."_s});
    parser.addPositionalArgument(u"PATH"_s, u"COLLECTION/FOLDER…/REQUEST"_s);
    if (!parser.parse(QStringList {u"sonde-cli snippet"_s} + arguments))
        return fail(ExitUsage, parser.errorText());
    if (parser.isSet(u"help"_s)) {
        write(stdout, parser.helpText());
        return ExitOk;
    }
    if (parser.isSet(u"list-targets"_s)) {
        for (const SnippetTarget &target : Snippets::targets())
            write(stdout, target.id.leftJustified(18) + target.label + u'\n');
        return ExitOk;
    }
    if (!parser.isSet(u"target"_s))
        return fail(ExitUsage, u"--target NAME is required (%1)"_s.arg(targetList()));
    const SnippetTarget *target = Snippets::target(parser.value(u"target"_s));
    if (!target)
        return fail(ExitUsage, u"unknown target '%1' (%2)"_s.arg(parser.value(u"target"_s), targetList()));
    if (!parser.isSet(u"workspace"_s))
        return fail(ExitUsage, u"--workspace DIR is required"_s);
    if (parser.isSet(u"env"_s) && !parser.isSet(u"resolve"_s))
        return fail(ExitUsage, u"--env only means something with --resolve"_s);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return fail(ExitUsage, u"give the PATH of one saved request"_s);

    const QString workspace = parser.value(u"workspace"_s);
    const LoadedWorkspace loaded = WorkspaceStore::load(workspace);
    if (!loaded.ok)
        return fail(ExitIo,
            loaded.problems.isEmpty() ? u"cannot load the workspace %1"_s.arg(workspace)
                                      : loaded.problems.first().toString());
    for (const FormatProblem &problem : loaded.problems)
        write(stderr, u"sonde-cli snippet: warning: %1\n"_s.arg(problem.toString()));
    QString error;
    const std::optional<LocatedRequest> located = locateRequest(loaded.workspace, positional.first(), &error);
    if (!located)
        return fail(ExitNotFound, error);
    if (!parser.isSet(u"resolve"_s))
        return print(target->id,
            withInheritedAuth(withFolderHeaders(*located->request, located->folders), located->folders));

    // Secret variables come from the keychain, which answers asynchronously.
    KeychainSecretStore secrets(u"Sonde"_s);
    QObject context;
    int code = ExitOk;
    const WorkspaceRequestOptions options {workspace, positional.first(), parser.value(u"env"_s), {}};
    QMetaObject::invokeMethod(
        &context,
        [&] {
            prepareWorkspaceRequest(options, &secrets, &context, [&](const PreparedRequest &prepared) {
                for (const QString &note : prepared.notes)
                    write(stderr, u"sonde-cli snippet: note: %1\n"_s.arg(note));
                if (!prepared.error.isEmpty()) {
                    code = fail(ExitNotFound, prepared.error);
                } else {
                    for (const QString &name : prepared.unresolved)
                        write(stderr,
                            u"sonde-cli snippet: warning: {{%1}} is unresolved and written as it is\n"_s.arg(
                                name));
                    code = print(target->id, prepared.request);
                }
                QCoreApplication::exit(0);
            });
        },
        Qt::QueuedConnection);
    QCoreApplication::exec();
    return code;
}
