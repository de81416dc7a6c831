#include "formats/OpenApiExample.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Sonde {

using namespace Qt::StringLiterals;

namespace {

/// Nesting past this many objects and arrays is left out of a generated example.
constexpr int MaxDepth = 10;
/// At most this many values in one generated example (wide schemas nest quickly).
constexpr int MaxValues = 2000;

} // namespace

OpenApiExample::OpenApiExample(OpenApiRefs &refs, QList<ImportMessage> &warnings)
    : m_refs(refs)
    , m_warnings(warnings)
{ }

void OpenApiExample::warnOnce(const QString &key, const QString &where, const QString &message)
{
    if (m_warned.contains(key))
        return;
    m_warned.insert(key);
    m_warnings.append({where, message});
}

QString OpenApiExample::toText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
    case QJsonValue::Bool:
        return value.toVariant().toString();
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue &item : value.toArray())
            items.append(toText(item));
        return items.join(u',');
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    default:
        return {};
    }
}

QJsonValue OpenApiExample::stringSample(const QString &format)
{
    static const QHash<QString, QString> samples {{u"date"_s, u"2024-01-31"_s},
        {u"date-time"_s, u"2024-01-31T12:00:00Z"_s}, {u"time"_s, u"12:00:00"_s},
        {u"email"_s, u"user@example.com"_s}, {u"idn-email"_s, u"user@example.com"_s},
        {u"uri"_s, u"https://example.com"_s}, {u"url"_s, u"https://example.com"_s},
        {u"iri"_s, u"https://example.com"_s}, {u"uri-reference"_s, u"/path"_s},
        {u"hostname"_s, u"example.com"_s}, {u"ipv4"_s, u"192.0.2.1"_s}, {u"ipv6"_s, u"2001:db8::1"_s},
        {u"uuid"_s, u"3fa85f64-5717-4562-b3fc-2c963f66afa6"_s}, {u"byte"_s, u"c3RyaW5n"_s},
        {u"binary"_s, QString()}, {u"password"_s, u"password"_s}, {u"duration"_s, u"P1D"_s}};
    return samples.value(format, u"string"_s);
}

QJsonValue OpenApiExample::declared(const SpecNode &parameter)
{
    const QJsonObject object = parameter.value.toObject();
    if (object.contains(u"example"_s))
        return object.value(u"example"_s);
    if (const QJsonValue examples = object.value(u"examples"_s); examples.isObject()) {
        const QJsonObject map = examples.toObject();
        if (!map.isEmpty()) {
            const OpenApiRefs::Result first
                = m_refs.resolve(parameter.child(u"examples"_s).child(map.begin().key()));
            if (first.problem == OpenApiRefs::Problem::None
                && first.node[QLatin1StringView("value")] != QJsonValue::Undefined)
                return first.node[QLatin1StringView("value")];
        }
    }
    for (const auto *key : {"x-example", "default"}) {
        if (object.contains(QLatin1StringView(key)))
            return object.value(QLatin1StringView(key));
    }
    if (const QJsonArray values = object.value(u"enum"_s).toArray(); !values.isEmpty())
        return values.first();
    // Swagger 2 array parameters keep the enum in `items`.
    if (const QJsonObject items = object.value(u"items"_s).toObject();
        !items.value(u"enum"_s).toArray().isEmpty())
        return items.value(u"enum"_s).toArray().first();
    const OpenApiRefs::Result schema = m_refs.resolve(parameter.child(u"schema"_s));
    if (schema.problem != OpenApiRefs::Problem::None || !schema.node.value.isObject())
        return QJsonValue::Undefined;
    const QJsonObject schemaObject = schema.node.value.toObject();
    if (schemaObject.contains(u"example"_s))
        return schemaObject.value(u"example"_s);
    if (const QJsonArray examples = schemaObject.value(u"examples"_s).toArray(); !examples.isEmpty())
        return examples.first();
    if (schemaObject.contains(u"default"_s))
        return schemaObject.value(u"default"_s);
    if (schemaObject.contains(u"const"_s))
        return schemaObject.value(u"const"_s);
    if (const QJsonArray values = schemaObject.value(u"enum"_s).toArray(); !values.isEmpty())
        return values.first();
    if (const QJsonObject items = schemaObject.value(u"items"_s).toObject();
        !items.value(u"enum"_s).toArray().isEmpty())
        return items.value(u"enum"_s).toArray().first();
    return QJsonValue::Undefined;
}

QJsonValue OpenApiExample::fromMediaType(const SpecNode &media)
{
    const QJsonObject object = media.value.toObject();
    if (object.contains(u"example"_s))
        return object.value(u"example"_s);
    if (const QJsonObject examples = object.value(u"examples"_s).toObject(); !examples.isEmpty()) {
        const OpenApiRefs::Result first
            = m_refs.resolve(media.child(u"examples"_s).child(examples.begin().key()));
        if (first.problem == OpenApiRefs::Problem::None) {
            const QJsonObject example = first.node.value.toObject();
            if (example.contains(u"value"_s))
                return example.value(u"value"_s);
            if (example.contains(u"externalValue"_s))
                m_warnings.append({first.node.where,
                    u"the example's externalValue (%1) is not fetched: the body is made from the schema"_s
                        .arg(example.value(u"externalValue"_s).toString())});
        } else {
            m_warnings.append({first.node.where, first.message});
        }
    }
    if (!object.contains(u"schema"_s))
        return QJsonValue::Undefined;
    return fromSchema(media.child(u"schema"_s));
}

QJsonValue OpenApiExample::fromSchema(const SpecNode &schema)
{
    m_budget = MaxValues;
    m_stack.clear();
    return generate(schema, 0);
}

QJsonValue OpenApiExample::generateObject(const SpecNode &schema, int depth)
{
    QJsonObject result;
    const SpecNode properties = schema.child(u"properties"_s);
    const QJsonObject map = properties.value.toObject();
    for (auto it = map.constBegin(); it != map.constEnd() && m_budget > 0; ++it) {
        const OpenApiRefs::Result property = m_refs.resolve(properties.child(it.key()));
        if (property.problem == OpenApiRefs::Problem::None
            && property.node[QLatin1StringView("readOnly")].toBool())
            continue;
        const QJsonValue value = generate(properties.child(it.key()), depth + 1);
        if (!value.isUndefined())
            result.insert(it.key(), value);
    }
    return result;
}

QJsonValue OpenApiExample::generate(const SpecNode &input, int depth)
{
    if (--m_budget < 0)
        return QJsonValue::Null;
    const OpenApiRefs::Result resolved = m_refs.resolve(input);
    if (resolved.problem != OpenApiRefs::Problem::None) {
        warnOnce(resolved.message, resolved.node.where,
            resolved.message + u": that part of the example is left empty"_s);
        return QJsonValue::Null;
    }
    const SpecNode schema = resolved.node;
    if (!schema.value.isObject())
        return QJsonValue::Null; // `true`, `false`, or no schema: nothing to say about the value
    if (!resolved.key.isEmpty()) {
        if (m_stack.contains(resolved.key)) {
            warnOnce(u"cycle "_s + resolved.key, input.where,
                u"the schema %1 contains itself: the example stops where it comes back"_s.arg(schema.where));
            return QJsonValue::Undefined;
        }
        m_stack.append(resolved.key);
    }
    const auto done = [this, &resolved](const QJsonValue &value) {
        if (!resolved.key.isEmpty())
            m_stack.removeLast();
        return value;
    };
    const QJsonObject object = schema.value.toObject();
    if (object.contains(u"example"_s))
        return done(object.value(u"example"_s));
    if (const QJsonArray examples = object.value(u"examples"_s).toArray(); !examples.isEmpty())
        return done(examples.first());
    if (object.contains(u"const"_s))
        return done(object.value(u"const"_s));
    if (object.contains(u"default"_s))
        return done(object.value(u"default"_s));
    if (const QJsonArray values = object.value(u"enum"_s).toArray(); !values.isEmpty())
        return done(values.first());
    if (depth > MaxDepth)
        return done(QJsonValue::Undefined);

    if (const QJsonArray all = object.value(u"allOf"_s).toArray(); !all.isEmpty()) {
        QJsonObject merged;
        QJsonValue other = QJsonValue::Undefined;
        for (qsizetype i = 0; i < all.size(); ++i) {
            const QJsonValue part = generate(schema.child(u"allOf"_s).at(i), depth + 1);
            if (part.isObject()) {
                const QJsonObject fields = part.toObject();
                for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
                    merged.insert(it.key(), it.value());
            } else if (other.isUndefined() && !part.isNull()) {
                other = part;
            }
        }
        if (object.contains(u"properties"_s)) {
            const QJsonObject own = generateObject(schema, depth).toObject();
            for (auto it = own.constBegin(); it != own.constEnd(); ++it)
                merged.insert(it.key(), it.value());
        }
        return done(merged.isEmpty() && !other.isUndefined() ? other : QJsonValue(merged));
    }
    for (const auto *key : {"oneOf", "anyOf"}) {
        const QLatin1StringView name(key);
        if (const QJsonArray branches = object.value(name).toArray(); !branches.isEmpty()) {
            QJsonValue first = generate(schema.child(name).at(0), depth + 1);
            if (first.isObject() && object.contains(u"properties"_s)) {
                QJsonObject merged = generateObject(schema, depth).toObject();
                const QJsonObject fields = first.toObject();
                for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
                    merged.insert(it.key(), it.value());
                first = merged;
            }
            return done(first);
        }
    }

    QString type;
    const QJsonValue typeValue = object.value(u"type"_s);
    if (typeValue.isArray()) {
        for (const QJsonValue &entry : typeValue.toArray()) {
            if (entry.toString() != u"null") {
                type = entry.toString();
                break;
            }
        }
        if (type.isEmpty())
            return done(QJsonValue::Null);
    } else {
        type = typeValue.toString();
    }
    if (type.isEmpty()) {
        if (object.contains(u"properties"_s) || object.contains(u"additionalProperties"_s))
            type = u"object"_s;
        else if (object.contains(u"items"_s))
            type = u"array"_s;
    }
    if (type == u"object")
        return done(generateObject(schema, depth));
    if (type == u"array") {
        QJsonArray array;
        const QJsonValue item = object.contains(u"items"_s) ? generate(schema.child(u"items"_s), depth + 1)
                                                            : QJsonValue(QJsonValue::Undefined);
        if (!item.isUndefined())
            array.append(item);
        return done(array);
    }
    if (type == u"string")
        return done(stringSample(object.value(u"format"_s).toString()));
    if (type == u"integer" || type == u"number") {
        double value = 0;
        if (object.value(u"minimum"_s).isDouble())
            value = object.value(u"minimum"_s).toDouble();
        else if (object.value(u"exclusiveMinimum"_s).isDouble())
            value = object.value(u"exclusiveMinimum"_s).toDouble() + 1;
        else if (object.value(u"maximum"_s).isDouble() && object.value(u"maximum"_s).toDouble() < 0)
            value = object.value(u"maximum"_s).toDouble();
        return done(value);
    }
    if (type == u"boolean")
        return done(true);
    if (type == u"null")
        return done(QJsonValue::Null);
    if (type == u"file")
        return done(QString());
    return done(QJsonValue::Null);
}

} // namespace Sonde
