#include "storage/YamlWriter.h"

#include <QRegularExpression>

namespace Sonde {

namespace {

/// True when `text` written plain (unquoted) would read back as exactly this string.
bool canBePlain(const QString &text)
{
    if (text.isEmpty() || text.front().isSpace() || text.back().isSpace())
        return false;
    static const QString leadingIndicators = QStringLiteral("-?:,[]{}#&*!|>'\"%@`");
    if (leadingIndicators.contains(text.front())) {
        // "-x", "?x", ":x" are fine when not followed by a space; everything else must be quoted.
        const bool dashLike = text.front() == u'-' || text.front() == u'?' || text.front() == u':';
        if (!dashLike || text.size() == 1 || text.at(1).isSpace())
            return false;
    }
    if (text.contains(QStringLiteral(": ")) || text.contains(QStringLiteral(" #")) || text.endsWith(u':'))
        return false;
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c == u'\u0085' || c == u'\u2028' || c == u'\u2029'
            || c == u'\ufeff')
            return false;
    }
    // Words YAML 1.1/1.2 read as something other than a string.
    static const QRegularExpression special(QStringLiteral(
        "^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N"
        "|[-+]?(?:\\.[0-9]+|[0-9][0-9_]*(?:\\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?"
        "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)|0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+"
        "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?|<<|=)$"));
    return !special.match(text).hasMatch();
}

/// True when `text` can be a literal block scalar: several lines, printable, no carriage returns.
bool canBeBlock(const QString &text)
{
    if (!text.contains(u'\n'))
        return false;
    for (const QChar c : text) {
        if ((c.unicode() < 0x20 && c != u'\n' && c != u'\t') || c.unicode() == 0x7f || c == u'\u0085'
            || c == u'\u2028' || c == u'\u2029' || c == u'\ufeff')
            return false;
    }
    // A line of only spaces before the first content line confuses indentation detection.
    const QStringList lines = text.split(u'\n');
    for (const QString &line : lines) {
        if (line.trimmed().isEmpty()) {
            if (!line.isEmpty())
                return false;
            continue;
        }
        break;
    }
    return true;
}

QByteArray doubleQuoted(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"': out += QStringLiteral("\\\""); break;
        case '\\': out += QStringLiteral("\\\\"); break;
        case '\n': out += QStringLiteral("\\n"); break;
        case '\r': out += QStringLiteral("\\r"); break;
        case '\t': out += QStringLiteral("\\t"); break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += QStringLiteral("\\x") + QString::number(c.unicode(), 16).rightJustified(2, u'0');
            else if (c == u'\u0085' || c == u'\u2028' || c == u'\u2029' || c == u'\ufeff')
                out += QStringLiteral("\\u") + QString::number(c.unicode(), 16).rightJustified(4, u'0');
            else
                out += c; // surrogate halves stay together: the whole string is encoded at the end
        }
    }
    out += u'"';
    return out.toUtf8();
}

} // namespace

YamlNode YamlNode::string(const QString &value)
{
    YamlNode node;
    node.m_kind = Kind::String;
    node.m_scalar = value;
    return node;
}

YamlNode YamlNode::boolean(bool value)
{
    YamlNode node;
    node.m_kind = Kind::Boolean;
    node.m_scalar = value ? QStringLiteral("true") : QStringLiteral("false");
    return node;
}

YamlNode YamlNode::integer(qint64 value)
{
    YamlNode node;
    node.m_kind = Kind::Integer;
    node.m_scalar = QString::number(value);
    return node;
}

YamlNode YamlNode::sequence()
{
    YamlNode node;
    node.m_kind = Kind::Sequence;
    return node;
}

bool YamlNode::isEmptyCollection() const
{
    return (m_kind == Kind::Map && m_entries.isEmpty()) || (m_kind == Kind::Sequence && m_items.isEmpty());
}

YamlNode &YamlNode::insert(const QString &key, const YamlNode &value)
{
    Q_ASSERT(m_kind == Kind::Map);
    m_entries.append({key, value});
    return *this;
}

YamlNode &YamlNode::append(const YamlNode &item)
{
    Q_ASSERT(m_kind == Kind::Sequence);
    m_items.append(item);
    return *this;
}

QByteArray YamlNode::toYaml() const
{
    QByteArray out;
    if (isEmptyCollection())
        return m_kind == Kind::Map ? "{}\n" : "[]\n";
    write(out, 0);
    return out;
}

void YamlNode::writeScalar(QByteArray &out, int indent) const
{
    if (m_kind != Kind::String) {
        out += m_scalar.toUtf8() + '\n';
        return;
    }
    if (canBePlain(m_scalar)) {
        out += m_scalar.toUtf8() + '\n';
        return;
    }
    if (!canBeBlock(m_scalar)) {
        out += doubleQuoted(m_scalar) + '\n';
        return;
    }
    // Literal block: chomping says how trailing newlines read back, the indentation indicator is
    // needed when the first line starts with a space.
    QString body = m_scalar;
    qsizetype trailing = 0;
    while (body.endsWith(u'\n')) {
        body.chop(1);
        ++trailing;
    }
    QByteArray header = "|";
    const QStringList lines = body.split(u'\n');
    const auto firstContent = std::find_if(lines.cbegin(), lines.cend(), [](const QString &line) {
        return !line.isEmpty();
    });
    if (firstContent != lines.cend() && firstContent->startsWith(u' '))
        header += '2';
    if (trailing == 0)
        header += '-';
    else if (trailing > 1)
        header += '+';
    out += header + '\n';
    const QByteArray padding(indent + 2, ' ');
    for (const QString &line : lines)
        out += line.isEmpty() ? QByteArray("\n") : padding + line.toUtf8() + '\n';
    for (qsizetype i = 1; i < trailing; ++i)
        out += '\n';
}

void YamlNode::write(QByteArray &out, int indent) const
{
    const QByteArray padding(indent, ' ');
    if (m_kind == Kind::Map) {
        for (const auto &[key, value] : m_entries) {
            out += padding + key.toUtf8() + ':';
            if (value.m_kind == Kind::Map || value.m_kind == Kind::Sequence) {
                if (value.isEmptyCollection()) {
                    out += value.m_kind == Kind::Map ? " {}\n" : " []\n";
                } else {
                    out += '\n';
                    value.write(out, indent + 2);
                }
            } else {
                out += ' ';
                value.writeScalar(out, indent);
            }
        }
    } else if (m_kind == Kind::Sequence) {
        for (const YamlNode &item : m_items) {
            if (item.m_kind == Kind::Map && !item.isEmptyCollection()) {
                // "- key: value" with the following keys aligned under the first.
                QByteArray block;
                item.write(block, indent + 2);
                block.replace(0, indent + 2, QByteArray(padding + "- "));
                out += block;
            } else if (item.m_kind == Kind::Sequence && !item.isEmptyCollection()) {
                out += padding + "-\n";
                item.write(out, indent + 2);
            } else if (item.isEmptyCollection()) {
                out += padding + (item.m_kind == Kind::Map ? "- {}\n" : "- []\n");
            } else {
                out += padding + "- ";
                item.writeScalar(out, indent);
            }
        }
    }
}

} // namespace Sonde
