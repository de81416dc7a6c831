#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace Sonde {

/// A value of an OpenAPI document with where it lives: the file it came from (empty for the root
/// document) and its place, a JSON path in the root ("paths./pets.get") or `file#/pointer` in another.
struct SpecNode
{
    QJsonValue value;
    QString file;
    QString where;

    QJsonValue operator[](QLatin1StringView key) const { return value.toObject().value(key); }
    /// The member `key` as a node, with its place.
    SpecNode child(const QString &key) const;
    /// The element `index` of an array as a node.
    SpecNode at(qsizetype index) const;
};

/// Resolves `$ref`s of an OpenAPI or Swagger document: local ones (`#/components/schemas/Pet`) and
/// ones into other files relative to the referring file (`common.yaml#/Pet`, `./paths/pets.yaml`),
/// which are read (JSON or YAML) once each. Remote URLs are not fetched. A chain of references that
/// comes back to itself is an error naming the place it started from.
class OpenApiRefs
{
public:
    /// `baseDirectory` is the root document's folder; empty when it has none (stdin, a pasted text):
    /// references to other files then cannot be followed.
    OpenApiRefs(const QJsonValue &root, const QString &baseDirectory);

    /// How a reference could not be followed.
    enum class Problem { None, Remote, Missing, Cycle, Invalid };

    struct Result
    {
        SpecNode node;
        Problem problem = Problem::None;
        /// Why, in words, when there is a problem (the node is then the `$ref` object itself).
        QString message;
        /// The key of the last reference followed ("file#/pointer"), empty when `node` was no `$ref`.
        QString key;
    };

    /// `node` itself, or what its `$ref` (and the `$ref`s that one names, in turn) points to.
    Result resolve(const SpecNode &node);

    /// True when `value` is an object holding a `$ref`.
    static bool isRef(const QJsonValue &value);

private:
    /// The document in `file` (empty: the root), read on first use; null with `error` when it cannot be.
    const QJsonValue *document(const QString &file, QString *error);

    QString m_baseDirectory;
    QJsonValue m_root;
    QHash<QString, QJsonValue> m_files;
};

} // namespace Sonde
