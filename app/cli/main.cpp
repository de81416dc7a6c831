// sonde-cli: the headless face of Sonde's core. Each subcommand lives in its own file.
#include "EchoCommand.h"
#include "FormatCommand.h"
#include "HistoryCommand.h"
#include "ImportCommand.h"
#include "JwtCommand.h"
#include "OAuthCommand.h"
#include "QueryCommand.h"
#include "SendCommand.h"
#include "SnippetCommand.h"

#include <QCoreApplication>
#include <QTextStream>

namespace {

void printUsage(QTextStream &out)
{
    out << "Usage: sonde-cli <command> [options]\n\n"
           "Commands:\n"
           "  send URL       send one HTTP request and print the response\n"
           "  echo           run the built-in echo server on 127.0.0.1\n"
           "  format [FILE]  pretty-print JSON or XML (stdin without FILE)\n"
           "  query EXPR     evaluate JSONPath on JSON or XPath on XML\n"
           "  history        search, show and clear the history of sent requests\n"
           "  import FILE    import requests from curl, HAR, Postman, Insomnia or OpenAPI/Swagger\n"
           "  export         print saved requests as curl commands, a HAR file or a Postman collection\n"
           "  snippet PATH   print a saved request as code (Python, JavaScript, Go, Java, C#, …)\n"
           "  oauth token    run an OAuth 2.0 flow and print the token\n"
           "  jwt decode T   print the header, claims and times of a JWT\n\n"
           "Run 'sonde-cli <command> --help' for the options of a command.\n";
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sonde-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Sonde"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SONDE_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (arguments.isEmpty()) {
        printUsage(err);
        return 2;
    }
    const QString command = arguments.takeFirst();
    if (command == u"--help" || command == u"-h" || command == u"help") {
        printUsage(out);
        return 0;
    }
    if (command == u"--version") {
        out << "sonde-cli " << SONDE_VERSION << "\n";
        return 0;
    }
    if (command == u"send")
        return runSendCommand(arguments);
    if (command == u"echo")
        return runEchoCommand(arguments);
    if (command == u"query")
        return runQueryCommand(arguments);
    if (command == u"history")
        return runHistoryCommand(arguments);
    if (command == u"format")
        return runFormatCommand(arguments);
    if (command == u"import")
        return runImportCommand(arguments);
    if (command == u"export")
        return runExportCommand(arguments);
    if (command == u"snippet")
        return runSnippetCommand(arguments);
    if (command == u"oauth")
        return runOAuthCommand(arguments);
    if (command == u"jwt")
        return runJwtCommand(arguments);
    err << "sonde-cli: unknown command '" << command << "'\n\n";
    printUsage(err);
    return 2;
}
