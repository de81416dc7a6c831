#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Sonde {

/// A small YAML document tree with one canonical text form, for files that diff well in git.
///
/// Workspace files are written with this instead of a general emitter so the output is deterministic
/// down to the byte: keys in insertion order, plain scalars when they read back as the same string,
/// double quotes otherwise, literal block scalars (with the right chomping and indentation indicators)
/// for multi-line text, and a trailing newline. yaml-cpp reads them back.
class YamlNode
{
public:
    enum class Kind { String, Boolean, Integer, Map, Sequence };

    YamlNode() : m_kind(Kind::Map) { }
    static YamlNode string(const QString &value);
    static YamlNode boolean(bool value);
    static YamlNode integer(qint64 value);
    static YamlNode map() { return YamlNode(); }
    static YamlNode sequence();

    Kind kind() const { return m_kind; }
    bool isEmptyCollection() const;

    /// Map: appends a key (keys are written in the order they were inserted).
    YamlNode &insert(const QString &key, const YamlNode &value);
    /// Sequence: appends an item.
    YamlNode &append(const YamlNode &item);

    /// The document text, ending with a newline.
    QByteArray toYaml() const;

private:
    void write(QByteArray &out, int indent) const;
    void writeScalar(QByteArray &out, int indent) const;

    Kind m_kind;
    QString m_scalar;
    QList<QPair<QString, YamlNode>> m_entries;
    QList<YamlNode> m_items;
};

} // namespace Sonde
