#include "formats/StructuredText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <yaml-cpp/yaml.h>

namespace Sonde::StructuredText {

namespace {

using namespace Qt::StringLiterals;

/// Deeper nesting than this is refused: no real document needs it, and the conversion recurses.
constexpr int MaxDepth = 256;

struct YamlError
{
    QString where;
    QString message;
};

QString placeOf(const YAML::Mark &mark)
{
    return u"line %1, column %2"_s.arg(mark.line + 1).arg(mark.column + 1);
}

/// A plain (unquoted, untagged) scalar typed as YAML 1.2's core schema says.
QJsonValue plainScalar(const std::string &text)
{
    static const QRegularExpression integer(u"^[-+]?[0-9]+$"_s);
    static const QRegularExpression hex(u"^0x[0-9a-fA-F]+$"_s);
    static const QRegularExpression octal(u"^0o[0-7]+$"_s);
    static const QRegularExpression floating(u"^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"_s);
    const QString value = QString::fromStdString(text);
    if (value.isEmpty() || value == u"~" || value == u"null" || value == u"Null" || value == u"NULL")
        return QJsonValue::Null;
    if (value == u"true" || value == u"True" || value == u"TRUE")
        return true;
    if (value == u"false" || value == u"False" || value == u"FALSE")
        return false;
    if (integer.match(value).hasMatch() || floating.match(value).hasMatch()) {
        bool ok = false;
        const double number = value.toDouble(&ok);
        if (ok)
            return number;
    }
    if (hex.match(value).hasMatch())
        return double(value.mid(2).toLongLong(nullptr, 16));
    if (octal.match(value).hasMatch())
        return double(value.mid(2).toLongLong(nullptr, 8));
    return value;
}

QJsonValue convert(const YAML::Node &node, const QString &path, int depth);

void mergeInto(QJsonObject &object, const QJsonValue &merged)
{
    // Keys of the mapping itself win over merged ones.
    const QJsonObject source = merged.toObject();
    for (auto it = source.constBegin(); it != source.constEnd(); ++it) {
        if (!object.contains(it.key()))
            object.insert(it.key(), it.value());
    }
}

QJsonValue convertMap(const YAML::Node &node, const QString &path, int depth)
{
    QJsonObject object;
    QSet<QString> seen;
    QList<QJsonValue> merges;
    for (const auto &entry : node) {
        if (!entry.first.IsScalar())
            throw YamlError {placeOf(entry.first.Mark()), u"a key that is not text is not supported"_s};
        const QString key = QString::fromStdString(entry.first.Scalar());
        const QString where = path.isEmpty() ? key : path + u'.' + key;
        if (key == u"<<" && entry.first.Tag() != "!") {
            const YAML::Node &value = entry.second;
            if (value.IsSequence()) {
                for (const auto &item : value)
                    merges.append(convert(item, where, depth + 1));
            } else {
                merges.append(convert(value, where, depth + 1));
            }
            continue;
        }
        if (seen.contains(key))
            throw YamlError {placeOf(entry.first.Mark()),
                u"the key “%1” appears twice in %2"_s.arg(key, path.isEmpty() ? u"the document"_s : path)};
        seen.insert(key);
        object.insert(key, convert(entry.second, where, depth + 1));
    }
    for (const QJsonValue &merged : std::as_const(merges))
        mergeInto(object, merged);
    return object;
}

QJsonValue convert(const YAML::Node &node, const QString &path, int depth)
{
    if (depth > MaxDepth)
        throw YamlError {placeOf(node.Mark()), u"the document is nested too deeply"_s};
    switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
        return QJsonValue::Null;
    case YAML::NodeType::Scalar: {
        const std::string &tag = node.Tag();
        if (tag == "?")
            return plainScalar(node.Scalar());
        if (tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float") {
            const QJsonValue typed = plainScalar(node.Scalar());
            return typed.isDouble() ? typed : QJsonValue(QString::fromStdString(node.Scalar()));
        }
        if (tag == "tag:yaml.org,2002:bool" || tag == "tag:yaml.org,2002:null")
            return plainScalar(node.Scalar());
        return QString::fromStdString(node.Scalar());
    }
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        int index = 0;
        for (const auto &item : node)
            array.append(convert(item, u"%1[%2]"_s.arg(path).arg(index++), depth + 1));
        return array;
    }
    case YAML::NodeType::Map:
        return convertMap(node, path, depth);
    }
    return QJsonValue::Null;
}

Parsed parseYaml(const QByteArray &data);

} // namespace

QString placeOfOffset(const QByteArray &data, qsizetype offset)
{
    const QByteArray before = data.left(offset);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    // Columns count characters, not bytes: UTF-8 continuation bytes do not start one.
    qsizetype column = 1;
    for (qsizetype i = lineStart; i < before.size(); ++i) {
        if ((uchar(before.at(i)) & 0xC0) != 0x80)
            ++column;
    }
    return u"line %1, column %2"_s.arg(before.count('\n') + 1).arg(column);
}

Parsed parse(const QByteArray &input)
{
    const QByteArray data = input.startsWith("\xEF\xBB\xBF") ? input.mid(3) : input;
    Parsed parsed;
    const QByteArray trimmed = data.trimmed();
    // JSON objects start with a quoted key; YAML's flow style ({_type: export, …}) need not.
    const bool json = trimmed.startsWith('[')
        || (trimmed.startsWith('{')
            && (trimmed.mid(1).trimmed().startsWith('"') || trimmed.mid(1).trimmed().startsWith('}')));
    if (json) {
        parsed.json = true;
        QJsonParseError error {};
        const QJsonDocument document = QJsonDocument::fromJson(data, &error);
        if (error.error == QJsonParseError::NoError) {
            parsed.value = document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
            return parsed;
        }
        parsed.where = placeOfOffset(data, error.offset);
        parsed.error = u"not valid JSON: %1"_s.arg(error.errorString());
        return parsed;
    }
    return parseYaml(data);
}

namespace {

Parsed parseYaml(const QByteArray &data)
{
    Parsed parsed;
    try {
        const YAML::Node root = YAML::Load(data.toStdString());
        parsed.value = convert(root, {}, 0);
    } catch (const YAML::Exception &exception) {
        parsed.where = placeOf(exception.mark);
        parsed.error = u"not valid YAML: %1"_s.arg(QString::fromStdString(exception.msg));
    } catch (const YamlError &error) {
        parsed.where = error.where;
        parsed.error = error.message;
    }
    return parsed;
}

} // namespace

} // namespace Sonde::StructuredText
