#include "formats/CollectionExport.h"

#include "formats/CurlExport.h"
#include "formats/HarExport.h"
#include "formats/PostmanExport.h"
#include "template/RequestLocator.h"

#include <QRegularExpression>

namespace Sonde::CollectionExport {

using namespace Qt::StringLiterals;

namespace {

QString pathOf(const QList<const Folder *> &chain)
{
    QString path;
    for (const Folder *folder : chain)
        path += folder->name + u'/';
    return path;
}

void collect(QList<const Folder *> chain, const QString &prefix, QList<ExportedRequest> &out)
{
    const Folder *folder = chain.constLast();
    for (const Request &request : folder->requests)
        out.append({prefix + request.name, withInheritedAuth(withFolderHeaders(request, chain), chain)});
    for (const Folder &child : folder->folders) {
        chain.append(&child);
        collect(chain, prefix + child.name + u'/', out);
        chain.removeLast();
    }
}

} // namespace

ExportedRequest exportedRequest(const Request &request, const QList<const Folder *> &chain)
{
    return {pathOf(chain) + request.name, withInheritedAuth(withFolderHeaders(request, chain), chain)};
}

QList<ExportedRequest> requestsIn(const QList<const Folder *> &chain)
{
    QList<ExportedRequest> requests;
    if (!chain.isEmpty())
        collect(chain, pathOf(chain), requests);
    return requests;
}

ExportResult exportFolder(
    const QList<const Folder *> &chain, ExportFormat format, const ExportOptions &options)
{
    if (chain.isEmpty())
        return {};
    if (format != ExportFormat::Postman)
        return exportRequests(requestsIn(chain), format, options);
    ExportResult result;
    result.bytes = PostmanExport::toJson(*chain.constLast(), &result.warnings);
    result.requestCount = int(chain.constLast()->requestCount());
    return result;
}

ExportResult exportRequests(
    const QList<ExportedRequest> &requests, ExportFormat format, const ExportOptions &options)
{
    ExportResult result;
    result.requestCount = int(requests.size());
    switch (format) {
    case ExportFormat::Postman:
        result.requestCount = 0;
        break;
    case ExportFormat::Har: {
        QList<Request> plain;
        plain.reserve(requests.size());
        for (const ExportedRequest &request : requests)
            plain.append(request.request);
        HarExportOptions harOptions;
        harOptions.creatorVersion = options.creatorVersion;
        result.bytes = HarExport::toJson(HarExport::unsentExchanges(plain), harOptions);
        break;
    }
    case ExportFormat::Curl: {
        QStringList commands;
        for (const ExportedRequest &request : requests) {
            QStringList warnings;
            const QString command
                = CurlExport::toCommand(request.request, {options.curlMultiline}, &warnings);
            for (const QString &warning : std::as_const(warnings))
                result.warnings.append(request.path + u": "_s + warning);
            commands.append(u"# "_s + request.path + u'\n' + command + u'\n');
        }
        result.bytes = commands.join(u'\n').toUtf8();
        break;
    }
    }
    return result;
}

QString suggestedFileName(const QString &name, ExportFormat format)
{
    static const QRegularExpression refused(u"[\\\\/:*?\"<>|\\x00-\\x1f]+"_s);
    QString base = name.trimmed();
    base.replace(refused, u"-"_s);
    if (base.isEmpty() || base == u"." || base == u"..")
        base = u"export"_s;
    switch (format) {
    case ExportFormat::Postman:
        return base + u".postman_collection.json"_s;
    case ExportFormat::Har:
        return base + u".har"_s;
    case ExportFormat::Curl:
        return base + u".sh"_s;
    }
    return base;
}

} // namespace Sonde::CollectionExport
