#include "auth/DigestAuth.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace Sonde::DigestAuth {

namespace {

bool isTokenChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

/// Reads the challenges of one field value (RFC 9110 §11.6.1).
class ChallengeParser
{
public:
    explicit ChallengeParser(const QByteArray &text)
        : m_text(text)
    { }

    void parseInto(QList<Challenge> &challenges)
    {
        while (true) {
            skipSeparators();
            if (atEnd())
                return;
            const QByteArray word = token();
            if (word.isEmpty()) {
                ++m_pos; // a character that belongs nowhere: skip it
                continue;
            }
            skipSpaces();
            if (!challenges.isEmpty() && !atEnd() && peek() == '=' && !startsToken68()) {
                // A parameter of the challenge being read.
                ++m_pos;
                skipSpaces();
                challenges.last().params.append({word.toLower(), value()});
                continue;
            }
            challenges.append({word, {}});
            // A token68 credential (NTLM, Negotiate) follows the scheme as a whole.
            const qsizetype start = m_pos;
            const QByteArray next = token();
            skipSpaces();
            if (!next.isEmpty() && (atEnd() || peek() == ',' || peek() == '=') && lookingAtToken68End()) {
                while (!atEnd() && peek() == '=')
                    ++m_pos;
                challenges.last().params.append({QByteArray(), m_text.mid(start, m_pos - start).trimmed()});
            } else {
                m_pos = start;
            }
        }
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return m_text.at(m_pos); }

    void skipSpaces()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t'))
            ++m_pos;
    }

    void skipSeparators()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == ','))
            ++m_pos;
    }

    QByteArray token()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && (isTokenChar(peek()) || peek() == '/'))
            ++m_pos;
        return m_text.mid(start, m_pos - start);
    }

    /// At '=' after a word: true when it is the padding of a token68 ("abc==") rather than "name=value".
    bool startsToken68() const
    {
        qsizetype pos = m_pos;
        while (pos < m_text.size() && m_text.at(pos) == '=')
            ++pos;
        while (pos < m_text.size() && (m_text.at(pos) == ' ' || m_text.at(pos) == '\t'))
            ++pos;
        return pos - m_pos > 1 || pos >= m_text.size() || m_text.at(pos) == ',';
    }

    /// After a word following a scheme: true when the word is a token68 (only '=' padding may follow).
    bool lookingAtToken68End() const
    {
        if (atEnd() || peek() == ',')
            return true;
        return startsToken68();
    }

    QByteArray value()
    {
        if (atEnd())
            return {};
        if (peek() != '"')
            return token();
        ++m_pos;
        QByteArray result;
        while (!atEnd() && peek() != '"') {
            if (peek() == '\\' && m_pos + 1 < m_text.size())
                ++m_pos;
            result += peek();
            ++m_pos;
        }
        if (!atEnd())
            ++m_pos; // the closing quote
        return result;
    }

    QByteArray m_text;
    qsizetype m_pos = 0;
};

QCryptographicHash::Algorithm hashOf(const QByteArray &algorithm)
{
    return algorithm.toUpper().startsWith("SHA-256") ? QCryptographicHash::Sha256 : QCryptographicHash::Md5;
}

QByteArray hexHash(QCryptographicHash::Algorithm algorithm, const QByteArray &data)
{
    return QCryptographicHash::hash(data, algorithm).toHex();
}

int strength(const QByteArray &algorithm)
{
    return hashOf(algorithm) == QCryptographicHash::Sha256 ? 2 : 1;
}

bool hasUsableQop(const Challenge &challenge)
{
    const QByteArray qop = challenge.param("qop");
    if (qop.isNull())
        return true; // RFC 2069 style, no qop
    for (const QByteArray &option : qop.split(',')) {
        if (option.trimmed().compare("auth", Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray quoted(const QByteArray &text)
{
    QByteArray escaped = text;
    escaped.replace('\\', "\\\\").replace('"', "\\\"");
    return '"' + escaped + '"';
}

bool isAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

} // namespace

QByteArray Challenge::param(QByteArrayView name) const
{
    for (const auto &[key, value] : params) {
        if (key == name)
            return value;
    }
    return {};
}

QList<Challenge> parseChallenges(const HeaderList &headers)
{
    QList<Challenge> challenges;
    for (const auto &[name, value] : headers) {
        if (name.compare("WWW-Authenticate", Qt::CaseInsensitive) == 0) {
            QList<Challenge> found;
            ChallengeParser(value).parseInto(found);
            challenges += found;
        }
    }
    return challenges;
}

bool supportsAlgorithm(const QByteArray &algorithm)
{
    if (algorithm.isEmpty())
        return true;
    for (const char *known : {"MD5", "MD5-sess", "SHA-256", "SHA-256-sess"}) {
        if (algorithm.compare(known, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

std::optional<Challenge> choose(const QList<Challenge> &challenges)
{
    std::optional<Challenge> best;
    for (const Challenge &challenge : challenges) {
        if (challenge.scheme.compare("Digest", Qt::CaseInsensitive) != 0)
            continue;
        const QByteArray algorithm = challenge.param("algorithm");
        if (!supportsAlgorithm(algorithm) || !hasUsableQop(challenge) || challenge.param("nonce").isEmpty())
            continue;
        if (!best || strength(algorithm) > strength(best->param("algorithm")))
            best = challenge;
    }
    return best;
}

QByteArray authorization(const Challenge &challenge, const QString &user, const QString &password,
    const QByteArray &method, const QByteArray &uri, const QByteArray &cnonce)
{
    const QByteArray algorithm = challenge.param("algorithm");
    const QCryptographicHash::Algorithm hash = hashOf(algorithm);
    const QByteArray realm = challenge.param("realm");
    const QByteArray nonce = challenge.param("nonce");
    const bool qopAuth = !challenge.param("qop").isNull();
    const QByteArray nc = "00000001";

    QByteArray ha1 = hexHash(hash, user.toUtf8() + ':' + realm + ':' + password.toUtf8());
    if (algorithm.toLower().endsWith("-sess"))
        ha1 = hexHash(hash, ha1 + ':' + nonce + ':' + cnonce);
    const QByteArray ha2 = hexHash(hash, method + ':' + uri);
    const QByteArray response = qopAuth
        ? hexHash(hash, ha1 + ':' + nonce + ':' + nc + ':' + cnonce + ":auth:" + ha2)
        : hexHash(hash, ha1 + ':' + nonce + ':' + ha2);

    QByteArray value = "Digest ";
    const bool userhash = challenge.param("userhash").compare("true", Qt::CaseInsensitive) == 0;
    if (userhash) {
        value += "username=" + quoted(hexHash(hash, user.toUtf8() + ':' + realm));
    } else if (isAscii(user)) {
        value += "username=" + quoted(user.toUtf8());
    } else {
        value += "username*=UTF-8''" + user.toUtf8().toPercentEncoding();
    }
    value += ", realm=" + quoted(realm) + ", uri=" + quoted(uri);
    if (!algorithm.isEmpty())
        value += ", algorithm=" + algorithm;
    value += ", nonce=" + quoted(nonce);
    if (qopAuth)
        value += ", nc=" + nc + ", cnonce=" + quoted(cnonce) + ", qop=auth";
    value += ", response=" + quoted(response);
    if (const QByteArray opaque = challenge.param("opaque"); !opaque.isNull())
        value += ", opaque=" + quoted(opaque);
    if (userhash)
        value += ", userhash=true";
    return value;
}

QByteArray newClientNonce()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return bytes.toHex();
}

} // namespace Sonde::DigestAuth
