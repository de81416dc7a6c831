#include "formats/FileImport.h"

#include "formats/CurlImport.h"
#include "formats/HarImport.h"
#include "formats/InsomniaImport.h"
#include "formats/OpenApiImport.h"
#include "formats/PostmanImport.h"

namespace Sonde::FileImport {

using namespace Qt::StringLiterals;

const QStringList &formats()
{
    static const QStringList names {u"curl"_s, u"har"_s, u"postman"_s, u"insomnia"_s, u"openapi"_s};
    return names;
}

QString detect(const QByteArray &data, const QString &fileName)
{
    if (fileName.endsWith(u".har", Qt::CaseInsensitive) || HarImport::looksLikeHar(data))
        return u"har"_s;
    if (PostmanImport::detect(data) != PostmanImport::FileKind::NotPostman)
        return u"postman"_s;
    if (InsomniaImport::looksLikeInsomnia(data))
        return u"insomnia"_s;
    if (OpenApiImport::looksLikeOpenApi(data))
        return u"openapi"_s;
    if (CurlImport::looksLikeCurl(QString::fromUtf8(data)))
        return u"curl"_s;
    return {};
}

ImportResult parse(const QString &format, const QByteArray &data, const Options &options)
{
    ImportResult result;
    if (format == u"har") {
        return HarImport::parse(data, options.name);
    } else if (format == u"postman") {
        result = PostmanImport::parse(data, options.name);
        if (options.nameChosen && (result.ok() || result.hasPartial())) {
            result.collection.name = options.name;
            for (Environment &environment : result.environments)
                environment.name = options.name;
        }
    } else if (format == u"insomnia") {
        result = InsomniaImport::parse(data, options.name);
        if (options.nameChosen && (result.ok() || result.hasPartial()))
            result.collection.name = options.name;
    } else if (format == u"openapi") {
        result = OpenApiImport::parse(data, {options.baseDirectory, options.name});
        if (options.nameChosen && (result.ok() || result.hasPartial()))
            result.collection.name = options.name;
    } else {
        CurlImportOptions curl;
        curl.baseDirectory = options.baseDirectory;
        result = CurlImport::parse(QString::fromUtf8(data), curl);
        result.collection.name = options.name;
    }
    return result;
}

} // namespace Sonde::FileImport
