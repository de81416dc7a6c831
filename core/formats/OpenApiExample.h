#pragma once

#include "formats/ImportResult.h"
#include "formats/OpenApiRefs.h"

#include <QSet>

namespace Sonde {

/// Makes the example value of a request body or parameter from an OpenAPI (or Swagger 2) schema,
/// when the spec gives no example: objects with their properties (read-only ones left out: a request
/// does not send them), arrays of one item, the first value of an enum, `const`, `default`, a sample
/// for each string format (date-time, uuid, email, …), allOf merged, the first branch of oneOf and
/// anyOf. A schema that contains itself stops where it comes back (with one warning per schema), as do
/// schemas nested deeper than a limit, and one example never holds more than a few thousand values.
class OpenApiExample
{
public:
    OpenApiExample(OpenApiRefs &refs, QList<ImportMessage> &warnings);

    /// An example of `schema`: its own `example`/`examples`/`default` first, else generated.
    QJsonValue fromSchema(const SpecNode &schema);

    /// The example of an OpenAPI 3 Media Type or Parameter object: `example`, the first of
    /// `examples` (its `value`), else one made from its `schema`. Null when there is none.
    QJsonValue fromMediaType(const SpecNode &media);

    /// The value written in the spec for a parameter (its or its schema's `example`, `examples`,
    /// `default`, the first of `enum`), without generating one: null when the spec has none.
    QJsonValue declared(const SpecNode &parameter);

    /// `value` as the text of a query, header or path parameter or a form field: scalars as they
    /// are, arrays joined with commas, objects as JSON.
    static QString toText(const QJsonValue &value);

private:
    QJsonValue generate(const SpecNode &schema, int depth);
    QJsonValue generateObject(const SpecNode &schema, int depth);
    static QJsonValue stringSample(const QString &format);
    void warnOnce(const QString &key, const QString &where, const QString &message);

    OpenApiRefs &m_refs;
    QList<ImportMessage> &m_warnings;
    QStringList m_stack;
    QSet<QString> m_warned;
    int m_budget = 0;
};

} // namespace Sonde
