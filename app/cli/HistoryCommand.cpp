#include "HistoryCommand.h"

#include "formats/HarExport.h"
#include "history/HistoryJson.h"
#include "history/HistoryRecorder.h"
#include "history/HistoryStore.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStringDecoder>
#include <cstdio>
#include <optional>

using namespace Sonde;

namespace {

constexpr int ExitOk = 0;
constexpr int ExitNotFound = 1;
constexpr int ExitUsage = 2;
constexpr int ExitDatabase = 3;

int fail(int code, const QString &message)
{
    std::fprintf(stderr, "sonde-cli history: %s\n", qPrintable(message));
    return code;
}

void writeOut(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

QCommandLineOption dbOption()
{
    return QCommandLineOption(QStringLiteral("db"),
        QStringLiteral("The history database (default: $SONDE_HISTORY_DB, else the application's)."),
        QStringLiteral("path"));
}

QCommandLineOption jsonOption()
{
    return QCommandLineOption(QStringLiteral("json"), QStringLiteral("Print JSON."));
}

/// The database named by --db, else the default one.
QString databasePath(const QCommandLineParser &parser)
{
    return parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db")) : historyDatabasePath();
}

/// "2024-05-01" (local midnight; the end of that day with `endOfDay`), an ISO 8601 date and time, or a
/// time ago: "30m", "12h", "7d", "2w".
std::optional<QDateTime> parseWhen(const QString &text, bool endOfDay)
{
    static const QRegularExpression ago(QStringLiteral("^(\\d+)([smhdw])$"));
    if (const QRegularExpressionMatch match = ago.match(text); match.hasMatch()) {
        const qint64 amount = match.captured(1).toLongLong();
        const QChar unit = match.captured(2).at(0);
        const qint64 seconds = unit == u's' ? 1
            : unit == u'm'                  ? 60
            : unit == u'h'                  ? 3600
            : unit == u'd'                  ? 86400
                                            : 604800;
        return QDateTime::currentDateTime().addSecs(-amount * seconds);
    }
    if (const QDate date = QDate::fromString(text, Qt::ISODate); date.isValid())
        return endOfDay ? QDateTime(date, QTime(23, 59, 59, 999)) : QDateTime(date, QTime(0, 0));
    if (const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs); time.isValid())
        return time;
    return std::nullopt;
}

/// Adds one --status value: "2xx" is a class, "404" a code, "error" no response at all.
bool addStatus(HistoryFilter &filter, const QString &value)
{
    static const QRegularExpression statusClass(
        QStringLiteral("^([1-5])xx$"), QRegularExpression::CaseInsensitiveOption);
    if (const QRegularExpressionMatch match = statusClass.match(value); match.hasMatch()) {
        filter.statusClasses.append(match.captured(1).toInt());
        return true;
    }
    if (value == u"error") {
        filter.statusClasses.append(0);
        return true;
    }
    bool ok = false;
    const int code = value.toInt(&ok);
    if (!ok || code < 100 || code > 599)
        return false;
    filter.statuses.append(code);
    return true;
}

QStringList listValues(const QStringList &values)
{
    QStringList result;
    for (const QString &value : values)
        result += value.split(u',', Qt::SkipEmptyParts);
    return result;
}

QString formatDuration(double ms)
{
    if (ms < 0)
        return QStringLiteral("-");
    return ms < 10000 ? QStringLiteral("%1 ms").arg(qRound(ms))
                      : QStringLiteral("%1 s").arg(ms / 1000, 0, 'f', 1);
}

std::unique_ptr<HistoryStore> openExisting(const QString &path, QString *error)
{
    // Reading a history that was never written is not an error, and does not create one.
    if (!QFileInfo::exists(path))
        return nullptr;
    return HistoryStore::open(path, error);
}

int search(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the history entries that match, newest first."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("query"),
        QStringLiteral("Words to find (prefixes) in URLs, methods, statuses, headers and bodies."),
        QStringLiteral("[QUERY…]"));
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("At most N entries (default 50)."),
        QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption offset(QStringLiteral("offset"), QStringLiteral("Skip the N newest matches."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption method(
        QStringLiteral("method"), QStringLiteral("Only this method; repeatable."), QStringLiteral("M"));
    const QCommandLineOption status(QStringLiteral("status"),
        QStringLiteral("Only this status: 2xx, 404, error (no response); repeatable."), QStringLiteral("S"));
    const QCommandLineOption host(
        QStringLiteral("host"), QStringLiteral("Only this host and its subdomains."), QStringLiteral("H"));
    const QCommandLineOption since(QStringLiteral("since"),
        QStringLiteral("Only entries from then on: 2024-05-01, 2024-05-01T14:00, or 30m, 12h, 7d, 2w ago."),
        QStringLiteral("when"));
    const QCommandLineOption until(
        QStringLiteral("until"), QStringLiteral("Only entries until then."), QStringLiteral("when"));
    parser.addOptions({limit, offset, method, status, host, since, until, jsonOption(), dbOption()});
    if (!parser.parse(QStringList {QStringLiteral("sonde-cli history search")} + arguments))
        return fail(ExitUsage, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return ExitOk;
    }

    HistoryFilter filter;
    filter.text = parser.positionalArguments().join(u' ');
    bool ok = false;
    filter.limit = parser.value(limit).toInt(&ok);
    if (!ok || filter.limit < 1)
        return fail(ExitUsage, QStringLiteral("--limit takes a positive number"));
    filter.offset = parser.value(offset).toInt(&ok);
    if (!ok || filter.offset < 0)
        return fail(ExitUsage, QStringLiteral("--offset takes a number, 0 or more"));
    filter.methods = listValues(parser.values(method));
    for (const QString &value : listValues(parser.values(status))) {
        if (!addStatus(filter, value.trimmed()))
            return fail(ExitUsage,
                QStringLiteral("--status “%1”: give a class (2xx), a code (404) or error").arg(value));
    }
    filter.host = parser.value(host);
    const auto readWhen = [&parser](const QCommandLineOption &option, QDateTime &bound, bool endOfDay) {
        if (!parser.isSet(option))
            return true;
        const auto when = parseWhen(parser.value(option), endOfDay);
        if (when)
            bound = *when;
        return when.has_value();
    };
    if (!readWhen(since, filter.from, false) || !readWhen(until, filter.to, true))
        return fail(ExitUsage,
            QStringLiteral("--since and --until take a date (2024-05-01), a date and time "
                           "(2024-05-01T14:00) or a time ago (30m, 12h, 7d, 2w)"));

    QString error;
    const QString path = databasePath(parser);
    const auto store = openExisting(path, &error);
    if (!error.isEmpty())
        return fail(ExitDatabase, error);
    const QList<HistoryEntry> entries = store ? store->search(filter) : QList<HistoryEntry>();
    if (store && !store->lastError().isEmpty())
        return fail(ExitDatabase, store->lastError());
    if (store && !store->fullTextNote().isEmpty() && !filter.text.isEmpty())
        std::fprintf(stderr, "sonde-cli history: note: %s\n", qPrintable(store->fullTextNote()));

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const HistoryEntry &entry : entries)
            array.append(HistoryJson::entryToJson(entry));
        writeOut(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    const int idWidth = entries.isEmpty() ? 1 : int(QString::number(entries.constFirst().id).size());
    for (const HistoryEntry &entry : entries) {
        QString line
            = QStringLiteral("%1  %2  %3  %4  %5  %6")
                  .arg(entry.id, idWidth)
                  .arg(entry.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
                  .arg(entry.method, -7)
                  .arg(entry.hasResponse() ? QString::number(entry.status) : QStringLiteral("ERR"), -3)
                  .arg(formatDuration(entry.durationMs), 8)
                  .arg(entry.url);
        if (entry.hasError())
            line += QStringLiteral("  (%1: %2)").arg(entry.errorKind, entry.errorMessage);
        writeOut(line.toUtf8() + '\n');
    }
    return ExitOk;
}

/// The body as text when it is text, else a line that says what it is.
QByteArray bodyText(const StoredBody &body)
{
    if (body.size == 0)
        return {};
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(body.data);
    QByteArray result;
    if (decoder.hasError())
        result = "[" + QByteArray::number(body.size) + " bytes of binary data]\n";
    else
        result = text.toUtf8() + (text.endsWith(u'\n') ? "" : "\n");
    if (body.truncated)
        result += "[cut: the history keeps the first " + QByteArray::number(body.data.size()) + " of "
            + QByteArray::number(body.size) + " bytes]\n";
    return result;
}

QByteArray recordText(const HistoryRecord &record)
{
    const HistoryEntry &entry = record.entry;
    QByteArray text = "Entry " + QByteArray::number(entry.id) + ", "
        + entry.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")).toUtf8() + ", "
        + formatDuration(entry.durationMs).toUtf8() + '\n';
    if (!entry.workspaceRequest.isEmpty())
        text += "Request: " + entry.workspaceRequest.toUtf8() + '\n';
    if (!record.environment.isEmpty())
        text += "Environment: " + record.environment.toUtf8() + '\n';
    if (record.redirectCount > 0)
        text += "Redirects: " + QByteArray::number(record.redirectCount) + ", to " + record.finalUrl.toUtf8()
            + '\n';
    if (entry.hasError())
        text += "Error (" + entry.errorKind.toUtf8() + "): " + entry.errorMessage.toUtf8() + '\n';
    text += "\n> " + entry.method.toUtf8() + ' ' + entry.url.toUtf8() + '\n';
    for (const auto &[name, value] : record.requestHeaders)
        text += "> " + name + ": " + value + '\n';
    text += ">\n" + bodyText(record.requestBody);
    if (!entry.hasResponse())
        return text;
    text += "\n< " + record.httpVersion.toUtf8() + ' ' + QByteArray::number(entry.status) + ' '
        + record.reason.toUtf8() + '\n';
    for (const auto &[name, value] : record.responseHeaders)
        text += "< " + name + ": " + value + '\n';
    return text + "<\n" + bodyText(record.responseBody);
}

int show(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Print one history entry with its headers and bodies."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("id"), QStringLiteral("The entry's id (from history search)."));
    parser.addOptions({jsonOption(), dbOption()});
    if (!parser.parse(QStringList {QStringLiteral("sonde-cli history show")} + arguments))
        return fail(ExitUsage, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return ExitOk;
    }
    bool ok = false;
    const qint64 id = parser.positionalArguments().size() == 1
        ? parser.positionalArguments().constFirst().toLongLong(&ok)
        : 0;
    if (!ok || id <= 0)
        return fail(ExitUsage, QStringLiteral("expected one entry id, a number (see history search)"));
    QString error;
    const QString path = databasePath(parser);
    const auto store = openExisting(path, &error);
    if (!error.isEmpty())
        return fail(ExitDatabase, error);
    const auto record = store ? store->record(id) : std::nullopt;
    if (store && !store->lastError().isEmpty())
        return fail(ExitDatabase, store->lastError());
    if (!record)
        return fail(ExitNotFound, QStringLiteral("no entry %1 in the history %2").arg(id).arg(path));
    if (parser.isSet(QStringLiteral("json")))
        writeOut(QJsonDocument(HistoryJson::recordToJson(*record)).toJson(QJsonDocument::Indented));
    else
        writeOut(recordText(*record));
    return ExitOk;
}

int clear(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Delete every history entry."));
    parser.addHelpOption();
    parser.addOptions({dbOption()});
    if (!parser.parse(QStringList {QStringLiteral("sonde-cli history clear")} + arguments))
        return fail(ExitUsage, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(ExitUsage, QStringLiteral("clear takes no argument"));
    QString error;
    const QString path = databasePath(parser);
    const auto store = openExisting(path, &error);
    if (!error.isEmpty())
        return fail(ExitDatabase, error);
    const qint64 count = store ? store->count({}) : 0;
    if (store && !store->clear())
        return fail(ExitDatabase, store->lastError());
    writeOut(
        QStringLiteral("Cleared the history: %1 entries deleted.\n").arg(qMax<qint64>(0, count)).toUtf8());
    return ExitOk;
}

/// `history export --har [ID…] [--limit N]`: the entries as a HAR 1.2 log, oldest first.
int exportHar(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Write history entries as a HAR 1.2 file on stdout."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("Entries to write; the newest when none is given."),
        QStringLiteral("[ID…]"));
    const QCommandLineOption har(QStringLiteral("har"), QStringLiteral("Write HAR 1.2 (the only format)."));
    const QCommandLineOption limit(QStringLiteral("limit"),
        QStringLiteral("Without ID: the N newest entries (default 50)."), QStringLiteral("N"), QStringLiteral("50"));
    parser.addOptions({har, limit, dbOption()});
    if (!parser.parse(QStringList {QStringLiteral("sonde-cli history export")} + arguments))
        return fail(ExitUsage, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return ExitOk;
    }
    if (!parser.isSet(har))
        return fail(ExitUsage, QStringLiteral("export needs --har (the only format)"));
    QList<qint64> ids;
    for (const QString &argument : parser.positionalArguments()) {
        bool ok = false;
        const qint64 id = argument.toLongLong(&ok);
        if (!ok || id <= 0)
            return fail(ExitUsage, QStringLiteral("“%1” is not an entry id (see history search)").arg(argument));
        ids.append(id);
    }
    bool ok = false;
    HistoryFilter filter;
    filter.limit = parser.value(limit).toInt(&ok);
    if (!ok || filter.limit < 1)
        return fail(ExitUsage, QStringLiteral("--limit takes a positive number"));
    QString error;
    const QString path = databasePath(parser);
    const auto store = openExisting(path, &error);
    if (!error.isEmpty())
        return fail(ExitDatabase, error);
    if (ids.isEmpty() && store) {
        const QList<HistoryEntry> entries = store->search(filter);
        for (auto it = entries.crbegin(); it != entries.crend(); ++it)
            ids.append(it->id);
    }
    QList<Exchange> exchanges;
    for (const qint64 id : std::as_const(ids)) {
        const auto record = store ? store->record(id) : std::nullopt;
        if (store && !store->lastError().isEmpty())
            return fail(ExitDatabase, store->lastError());
        if (!record)
            return fail(ExitNotFound, QStringLiteral("no entry %1 in the history %2").arg(id).arg(path));
        exchanges.append(record->toExchange());
    }
    HarExportOptions options;
    options.creatorVersion = QStringLiteral(SONDE_VERSION);
    writeOut(HarExport::toJson(exchanges, options));
    return ExitOk;
}

void printUsage(FILE *stream)
{
    std::fputs("Usage: sonde-cli history <search|show|export|clear> [options]\n\n"
               "  search [QUERY…]  list matching entries, newest first\n"
               "  show ID          print one entry with its headers and bodies\n"
               "  export --har     write entries as a HAR 1.2 file\n"
               "  clear            delete every entry\n\n"
               "Run 'sonde-cli history <command> --help' for the options.\n",
        stream);
}

} // namespace

QString historyDatabasePath()
{
    const QString fromEnvironment = qEnvironmentVariable("SONDE_HISTORY_DB");
    return fromEnvironment.isEmpty() ? HistoryStore::defaultPath() : fromEnvironment;
}

void recordInHistory(const Exchange &exchange, const RecordContext &context)
{
    HistoryRecorder recorder(historyDatabasePath());
    recorder.record(exchange, context);
    if (const QString error = recorder.flush(); !error.isEmpty())
        std::fprintf(stderr, "sonde-cli send: warning: %s\n", qPrintable(error));
}

int runHistoryCommand(const QStringList &arguments)
{
    if (arguments.isEmpty()) {
        printUsage(stderr);
        return ExitUsage;
    }
    const QString command = arguments.constFirst();
    const QStringList rest = arguments.mid(1);
    if (command == u"search")
        return search(rest);
    if (command == u"show")
        return show(rest);
    if (command == u"clear")
        return clear(rest);
    if (command == u"export")
        return exportHar(rest);
    if (command == u"--help" || command == u"-h" || command == u"help") {
        printUsage(stdout);
        return ExitOk;
    }
    std::fprintf(stderr, "sonde-cli history: unknown command '%s'\n\n", qPrintable(command));
    printUsage(stderr);
    return ExitUsage;
}
