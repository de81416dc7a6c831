#pragma once

#include "storage/FormatProblem.h"
#include "model/Variable.h"
#include "model/KeyValue.h"

#include <QString>

#include <yaml-cpp/yaml.h>

#include <algorithm>

/// Reading the workspace files' YAML with errors in words: shared by the workspace format's parsers.
namespace Sonde::YamlRead {

/// Thrown inside the parsers; turned into a FormatProblem at the boundary.
struct ReadError
{
    QString message;
    YAML::Mark mark;
};

inline QString text(const YAML::Node &node)
{
    return QString::fromStdString(node.Scalar());
}

inline QString describe(const YAML::Node &node)
{
    if (node.IsMap())
        return QStringLiteral("a mapping");
    if (node.IsSequence())
        return QStringLiteral("a list");
    if (node.IsNull())
        return QStringLiteral("nothing");
    return QStringLiteral("“%1”").arg(text(node));
}

class Reader
{
public:
    explicit Reader(FormatProblems *warnings) : m_warnings(warnings) { }

    void expectMap(const YAML::Node &node, const QString &what) const
    {
        if (!node.IsMap())
            throw ReadError {QStringLiteral("%1 must be a mapping of keys to values, not %2").arg(what, describe(node)),
                             node.Mark()};
    }

    /// Warns about keys this version does not know, so a typo does not vanish silently.
    void checkKeys(const YAML::Node &map, std::initializer_list<const char *> known, const QString &where) const
    {
        for (const auto &entry : map) {
            const std::string key = entry.first.Scalar();
            if (std::none_of(known.begin(), known.end(), [&key](const char *k) { return key == k; }) && m_warnings)
                m_warnings->append({QString(), entry.first.Mark().line + 1, entry.first.Mark().column + 1,
                                    QStringLiteral("unknown key “%1” in %2 ignored").arg(QString::fromStdString(key), where),
                                    true});
        }
    }

    QString string(const YAML::Node &map, const char *key, const QString &fallback = QString()) const
    {
        const YAML::Node node = map[key];
        if (!node.IsDefined() || node.IsNull())
            return fallback;
        if (!node.IsScalar())
            throw ReadError {QStringLiteral("“%1” must be text, not %2").arg(QLatin1String(key), describe(node)),
                             node.Mark()};
        return text(node);
    }

    bool boolean(const YAML::Node &map, const char *key, bool fallback) const
    {
        const YAML::Node node = map[key];
        if (!node.IsDefined() || node.IsNull())
            return fallback;
        bool value = fallback;
        if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value))
            throw ReadError {QStringLiteral("“%1” must be true or false, not %2").arg(QLatin1String(key), describe(node)),
                             node.Mark()};
        return value;
    }

    qint64 integer(const YAML::Node &map, const char *key, qint64 fallback, qint64 minimum, qint64 maximum) const
    {
        const YAML::Node node = map[key];
        if (!node.IsDefined() || node.IsNull())
            return fallback;
        bool ok = false;
        const qint64 value = node.IsScalar() ? text(node).toLongLong(&ok) : 0;
        if (!ok || value < minimum || value > maximum)
            throw ReadError {QStringLiteral("“%1” must be a whole number from %2 to %3, not %4")
                                 .arg(QLatin1String(key))
                                 .arg(minimum)
                                 .arg(maximum)
                                 .arg(describe(node)),
                             node.Mark()};
        return value;
    }

    YAML::Node list(const YAML::Node &map, const char *key) const
    {
        const YAML::Node node = map[key];
        if (node.IsDefined() && !node.IsNull() && !node.IsSequence())
            throw ReadError {QStringLiteral("“%1” must be a list, not %2").arg(QLatin1String(key), describe(node)),
                             node.Mark()};
        return node;
    }

    KeyValueList keyValues(const YAML::Node &map, const char *key) const
    {
        KeyValueList rows;
        const YAML::Node items = list(map, key);
        if (!items.IsDefined() || items.IsNull())
            return rows;
        for (const YAML::Node &item : items) {
            expectMap(item, QStringLiteral("Each entry of “%1”").arg(QLatin1String(key)));
            checkKeys(item, {"key", "value", "enabled"}, QLatin1String(key));
            rows.append({string(item, "key"), string(item, "value"), boolean(item, "enabled", true)});
        }
        return rows;
    }

    VariableList variables(const YAML::Node &map, const char *key) const
    {
        VariableList result;
        const YAML::Node items = list(map, key);
        if (!items.IsDefined() || items.IsNull())
            return result;
        for (const YAML::Node &item : items) {
            expectMap(item, QStringLiteral("Each entry of “%1”").arg(QLatin1String(key)));
            checkKeys(item, {"name", "value", "secret", "enabled"}, QLatin1String(key));
            Variable variable;
            variable.name = string(item, "name");
            if (variable.name.isEmpty())
                throw ReadError {QStringLiteral("A variable needs a name"), item.Mark()};
            variable.secret = boolean(item, "secret", false);
            variable.value = variable.secret ? QString() : string(item, "value");
            variable.enabled = boolean(item, "enabled", true);
            result.append(variable);
        }
        return result;
    }

private:
    FormatProblems *m_warnings;
};

} // namespace Sonde::YamlRead
