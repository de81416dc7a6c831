#include "response/BodySniffer.h"

namespace Sonde::BodySniffer {

using namespace Qt::Literals::StringLiterals;

namespace {

using Language = CodeEditor::Language;

QString mediaType(const QString &contentType)
{
    return contentType.section(u';', 0, 0).trimmed().toLower();
}

/// The bytes from the first non-blank one, after a UTF-8 byte order mark.
QByteArrayView content(QByteArrayView head)
{
    if (head.startsWith("\xEF\xBB\xBF"))
        head = head.sliced(3);
    qsizetype i = 0;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
        ++i;
    return head.sliced(i);
}

bool startsWithNoCase(QByteArrayView text, QByteArrayView prefix)
{
    return text.size() >= prefix.size() && text.first(prefix.size()).compare(prefix, Qt::CaseInsensitive) == 0;
}

Language markupLanguage(QByteArrayView text)
{
    if (startsWithNoCase(text, "<!doctype html") || startsWithNoCase(text, "<html"))
        return Language::Html;
    return Language::Xml;
}

} // namespace

QByteArray imageFormat(const QString &contentType, QByteArrayView head)
{
    if (head.startsWith("\x89PNG\r\n\x1a\n"))
        return "png";
    if (head.startsWith("\xFF\xD8\xFF"))
        return "jpeg";
    if (head.startsWith("GIF87a") || head.startsWith("GIF89a"))
        return "gif";
    if (head.size() >= 12 && head.startsWith("RIFF") && head.sliced(8, 4) == "WEBP")
        return "webp";
    const QString type = mediaType(contentType);
    if (head.startsWith(QByteArrayView("\0\0\1\0", 4)) && type == "image/x-icon"_L1)
        return "ico";
    if (head.startsWith("BM") && type == "image/bmp"_L1)
        return "bmp";
    const QByteArrayView text = content(head);
    if (type == "image/svg+xml"_L1 && text.startsWith('<'))
        return "svg";
    if (text.startsWith('<') && (text.startsWith("<svg") || text.first(std::min<qsizetype>(text.size(), 1024)).indexOf("<svg") >= 0)
        && markupLanguage(text) == Language::Xml)
        return type.isEmpty() || type.startsWith("image/"_L1) || type == "text/plain"_L1
                       || type == "application/octet-stream"_L1
                   ? "svg"
                   : QByteArray();
    return {};
}

Language language(const QString &contentType, QByteArrayView head)
{
    const Language declared = CodeEditor::languageForContentType(contentType);
    const QByteArrayView text = content(head);
    const bool looksJson = text.startsWith('{') || text.startsWith('[');
    const bool looksMarkup = text.startsWith('<');
    switch (declared) {
    case Language::Json:
        return looksMarkup ? markupLanguage(text) : declared;
    case Language::Xml:
    case Language::Html:
        return looksJson ? Language::Json : declared;
    case Language::PlainText:
        break;
    default:
        return declared;
    }
    const QString type = mediaType(contentType);
    if (!type.isEmpty() && type != "text/plain"_L1 && type != "application/octet-stream"_L1)
        return declared;
    if (looksJson)
        return Language::Json;
    if (looksMarkup)
        return markupLanguage(text);
    return declared;
}

} // namespace Sonde::BodySniffer
