#include "formats/OpenApiRefs.h"

#include "formats/StructuredText.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

namespace Sonde {

using namespace Qt::StringLiterals;

SpecNode SpecNode::child(const QString &key) const
{
    const bool plain = !key.isEmpty() && !key.contains(u'.') && !key.contains(u'[');
    QString place;
    if (where.isEmpty())
        place = key;
    else if (where.contains(u'#'))
        place = where + u'/' + QString(key).replace(u'~', u"~0"_s).replace(u'/', u"~1"_s);
    else
        place = plain ? QString(where + u'.' + key) : QString(where + u"[\"" + key + u"\"]");
    return {value.toObject().value(key), file, place};
}

SpecNode SpecNode::at(qsizetype index) const
{
    const QString place
        = where.contains(u'#') ? u"%1/%2"_s.arg(where).arg(index) : u"%1[%2]"_s.arg(where).arg(index);
    return {value.toArray().at(index), file, place};
}

OpenApiRefs::OpenApiRefs(const QJsonValue &root, const QString &baseDirectory)
    : m_baseDirectory(baseDirectory)
    , m_root(root)
{ }

bool OpenApiRefs::isRef(const QJsonValue &value)
{
    return value.isObject() && value.toObject().contains(u"$ref"_s);
}

const QJsonValue *OpenApiRefs::document(const QString &file, QString *error)
{
    if (file.isEmpty())
        return &m_root;
    if (const auto it = m_files.constFind(file); it != m_files.constEnd())
        return &it.value();
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1: %2"_s.arg(QDir::toNativeSeparators(file), input.errorString());
        return nullptr;
    }
    const StructuredText::Parsed parsed = StructuredText::parse(input.readAll());
    if (!parsed.ok()) {
        *error = u"%1: %2: %3"_s.arg(QFileInfo(file).fileName(), parsed.where, parsed.error);
        return nullptr;
    }
    return &*m_files.insert(file, parsed.value);
}

OpenApiRefs::Result OpenApiRefs::resolve(const SpecNode &start)
{
    Result result {start, Problem::None, {}, {}};
    QStringList chain;
    SpecNode node = start;
    while (isRef(node.value)) {
        const QJsonValue refValue = node.value.toObject().value(u"$ref"_s);
        const auto fail = [&](Problem problem, const QString &message) {
            result.node = node;
            result.problem = problem;
            result.message = message;
            return result;
        };
        if (!refValue.isString())
            return fail(Problem::Invalid, u"“$ref” is not text"_s);
        const QString ref = refValue.toString();
        const qsizetype hash = ref.indexOf(u'#');
        const QString filePart = hash < 0 ? ref : ref.left(hash);
        const QString pointer = hash < 0 ? QString() : ref.mid(hash + 1);
        if (filePart.contains(u"://"_s) || filePart.startsWith(u"//"_s))
            return fail(
                Problem::Remote, u"the reference “%1” is a remote URL, which is not fetched"_s.arg(ref));
        QString file = node.file;
        if (!filePart.isEmpty()) {
            const QString decoded = QUrl::fromPercentEncoding(filePart.toUtf8());
            const QString directory
                = node.file.isEmpty() ? m_baseDirectory : QFileInfo(node.file).absolutePath();
            if (directory.isEmpty() && QFileInfo(decoded).isRelative())
                return fail(Problem::Missing,
                    u"the reference “%1” names another file, and the document has no folder to find it in"_s
                        .arg(ref));
            file = QDir::cleanPath(QDir(directory).absoluteFilePath(decoded));
        }
        const QString key = file + u'#' + pointer;
        if (chain.contains(key)) {
            chain.append(key);
            QStringList shown;
            for (const QString &link : std::as_const(chain))
                shown.append(link.startsWith(u'#')
                        ? link
                        : QFileInfo(link.section(u'#', 0, 0)).fileName() + u'#' + link.section(u'#', 1));
            // Named from where the chain was entered: that is where the reader meets the loop.
            node.where = start.where;
            return fail(Problem::Cycle, u"cyclic $ref: %1"_s.arg(shown.join(u" → "_s)));
        }
        chain.append(key);
        QString error;
        const QJsonValue *document = this->document(file, &error);
        if (!document)
            return fail(Problem::Missing, u"the reference “%1” cannot be followed: %2"_s.arg(ref, error));
        QJsonValue target = *document;
        // "file.yaml#name" (no leading slash) is read as "#/name", as other tools do.
        const QStringList tokens = pointer.isEmpty()
            ? QStringList()
            : (pointer.startsWith(u'/') ? pointer.mid(1) : pointer).split(u'/');
        for (const QString &raw : tokens) {
            const QString token
                = QUrl::fromPercentEncoding(raw.toUtf8()).replace(u"~1"_s, u"/"_s).replace(u"~0"_s, u"~"_s);
            if (target.isObject() && target.toObject().contains(token)) {
                target = target.toObject().value(token);
            } else if (target.isArray()) {
                bool ok = false;
                const int index = token.toInt(&ok);
                if (!ok || index < 0 || index >= target.toArray().size())
                    return fail(Problem::Missing, u"the reference “%1” names nothing"_s.arg(ref));
                target = target.toArray().at(index);
            } else {
                return fail(Problem::Missing, u"the reference “%1” names nothing"_s.arg(ref));
            }
        }
        const QString shortFile = file.isEmpty() ? QString() : QFileInfo(file).fileName();
        node = {target, file, shortFile + u'#' + pointer};
        result.key = key;
    }
    result.node = node;
    return result;
}

} // namespace Sonde
