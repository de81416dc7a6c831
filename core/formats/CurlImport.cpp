#include "formats/CurlImport.h"

#include "formats/ImportSupport.h"
#include "formats/ShellWords.h"
#include "http/RequestBuilder.h"
#include "model/QueryParams.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

namespace Sonde::CurlImport {

namespace {

using namespace Qt::StringLiterals;

/// What an option does to the request; most of them nothing (output, progress, retries …).
enum class Action {
    Ignore, ///< changes nothing Sonde sends: silently skipped
    Unsupported, ///< changes what curl sends in a way Sonde cannot express: a warning
    Request,
    Header,
    Data,
    DataAscii,
    DataBinary,
    DataRaw,
    DataUrlEncode,
    Json,
    Form,
    FormString,
    Get,
    Head,
    User,
    Cookie,
    CookieJar,
    UserAgent,
    Referer,
    Insecure,
    Location,
    MaxTime,
    MaxRedirs,
    Http10,
    Http11,
    Http2,
    Http2PriorKnowledge,
    Http3,
    Proxy,
    ProxyUser,
    NoProxy,
    Socks4,
    Socks5,
    UploadFile,
    Url,
    UrlQuery,
    OAuth2Bearer,
    AuthBasic,
    AuthDigest,
    AuthNtlm,
    AuthAwsSigV4,
    AuthOther,
    Compressed,
    Config,
};

struct OptionSpec
{
    Action action;
    bool takesValue;
};

/// curl's options by long name (curl 8.x); the short ones map onto these.
const QHash<QString, OptionSpec> &options()
{
    static const QHash<QString, OptionSpec> table = [] {
        QHash<QString, OptionSpec> t;
        const auto add = [&t](std::initializer_list<const char *> names, Action action, bool value) {
            for (const char *name : names)
                t.insert(QString::fromLatin1(name), {action, value});
        };
        add({"request"}, Action::Request, true);
        add({"header"}, Action::Header, true);
        add({"data"}, Action::Data, true);
        add({"data-ascii"}, Action::DataAscii, true);
        add({"data-binary"}, Action::DataBinary, true);
        add({"data-raw"}, Action::DataRaw, true);
        add({"data-urlencode"}, Action::DataUrlEncode, true);
        add({"json"}, Action::Json, true);
        add({"form"}, Action::Form, true);
        add({"form-string"}, Action::FormString, true);
        add({"get"}, Action::Get, false);
        add({"head"}, Action::Head, false);
        add({"user"}, Action::User, true);
        add({"cookie"}, Action::Cookie, true);
        add({"cookie-jar"}, Action::CookieJar, true);
        add({"user-agent"}, Action::UserAgent, true);
        add({"referer"}, Action::Referer, true);
        add({"insecure"}, Action::Insecure, false);
        add({"location"}, Action::Location, false);
        add({"max-time"}, Action::MaxTime, true);
        add({"max-redirs"}, Action::MaxRedirs, true);
        add({"http1.0"}, Action::Http10, false);
        add({"http1.1"}, Action::Http11, false);
        add({"http2"}, Action::Http2, false);
        add({"http2-prior-knowledge"}, Action::Http2PriorKnowledge, false);
        add({"http3", "http3-only"}, Action::Http3, false);
        add({"proxy"}, Action::Proxy, true);
        add({"proxy-user"}, Action::ProxyUser, true);
        add({"noproxy"}, Action::NoProxy, true);
        add({"socks4", "socks4a"}, Action::Socks4, true);
        add({"socks5", "socks5-hostname"}, Action::Socks5, true);
        add({"upload-file"}, Action::UploadFile, true);
        add({"url"}, Action::Url, true);
        add({"url-query"}, Action::UrlQuery, true);
        add({"oauth2-bearer"}, Action::OAuth2Bearer, true);
        add({"basic"}, Action::AuthBasic, false);
        add({"digest"}, Action::AuthDigest, false);
        add({"ntlm"}, Action::AuthNtlm, false);
        add({"ntlm-wb", "negotiate", "anyauth"}, Action::AuthOther, false);
        add({"aws-sigv4"}, Action::AuthAwsSigV4, true);
        add({"compressed"}, Action::Compressed, false);
        add({"config"}, Action::Config, true);
        // Options whose value curl uses for something Sonde does not do.
        add({"cert", "cert-type", "key", "key-type", "pass", "cacert", "capath", "crlfile", "pinnedpubkey",
                "resolve", "connect-to", "interface", "local-port", "limit-rate", "range", "continue-at",
                "proxy-header", "preproxy", "proxy-cacert", "proxy-capath", "proxy-cert", "proxy-cert-type",
                "proxy-key", "proxy-key-type", "proxy-pass", "proxy-ciphers", "ciphers", "tls13-ciphers",
                "curves", "request-target", "unix-socket", "abstract-unix-socket", "time-cond", "dns-servers",
                "doh-url", "haproxy-clientip", "tls-max", "proto", "proto-default", "proto-redir", "hsts",
                "alt-svc", "max-filesize", "ftp-port", "quote", "mail-from", "mail-rcpt", "mail-auth",
                "telnet-option", "tftp-blksize", "krb", "delegation", "service-name", "login-options",
                "sasl-authzid", "socks5-gssapi-service", "proxy-service-name", "tlsuser", "tlspassword",
                "tlsauthtype", "proxy-tlsuser", "proxy-tlspassword", "proxy-tlsauthtype", "ip-tos", "ech",
                "ipfs-gateway", "proxy1.0", "variable", "engine", "egd-file", "random-file", "hostpubmd5",
                "hostpubsha256", "pubkey", "dns-interface", "dns-ipv4-addr", "dns-ipv6-addr",
                "proxy-pinnedpubkey", "proxy-tls13-ciphers", "ftp-account", "ftp-alternative-to-user",
                "ftp-method", "ftp-ssl-ccc-mode", "netrc-file", "etag-compare"},
            Action::Unsupported, true);
        add({"path-as-is", "proxytunnel", "proxy-anyauth", "proxy-basic", "proxy-digest", "proxy-negotiate",
                "proxy-ntlm", "proxy-insecure", "proxy-http2", "netrc", "netrc-optional",
                "junk-session-cookies", "ipv4", "ipv6", "tr-encoding", "crlf", "use-ascii", "post301",
                "post302", "post303", "location-trusted", "cert-status", "doh-insecure", "doh-cert-status",
                "ssl", "ssl-reqd", "sslv2", "sslv3", "tlsv1", "tlsv1.0", "tlsv1.1", "tlsv1.2", "tlsv1.3",
                "false-start", "ssl-no-revoke", "ssl-revoke-best-effort", "ssl-allow-beast", "ca-native",
                "proxy-ca-native", "http0.9", "raw", "ignore-content-length", "tcp-fastopen", "no-alpn",
                "no-npn", "sessionid", "no-sessionid", "keepalive", "no-keepalive",
                "disallow-username-in-url", "append", "ftp-pasv", "ftp-skip-pasv-ip", "ftp-ssl-control",
                "ftp-create-dirs", "ftp-pret", "disable-eprt", "disable-epsv", "list-only", "sasl-ir",
                "socks5-gssapi-nec", "socks5-basic", "socks5-gssapi", "mail-rcpt-allowfails",
                "compressed-ssh", "tftp-no-options", "suppress-connect-headers"},
            Action::Unsupported, false);
        // Options that only change what curl prints or stores, how it retries, or how it reads its
        // own command line.
        add({"output", "dump-header", "trace", "trace-ascii", "trace-config", "write-out", "stderr",
                "output-dir", "libcurl", "connect-timeout", "retry", "retry-delay", "retry-max-time",
                "speed-limit", "speed-time", "expect100-timeout", "happy-eyeballs-timeout-ms",
                "keepalive-time", "keepalive-cnt", "create-file-mode", "parallel-max", "rate", "etag-save",
                "help", "upload-flags"},
            Action::Ignore, true);
        add({"silent", "show-error", "verbose", "include", "show-headers", "remote-name", "remote-name-all",
                "remote-header-name", "fail", "fail-early", "fail-with-body", "progress-bar",
                "no-progress-meter", "no-buffer", "buffer", "globoff", "trace-time", "create-dirs",
                "remote-time", "xattr", "styled-output", "manual", "version", "disable", "retry-connrefused",
                "retry-all-errors", "parallel", "parallel-immediate", "no-clobber", "remove-on-error",
                "tcp-nodelay", "skip-existing", "clobber", "metalink"},
            Action::Ignore, false);
        return t;
    }();
    return table;
}

/// curl's one-letter options and the long option each one is.
QString longNameOf(QChar letter)
{
    static const QHash<QChar, QString> letters = {
        {u'X', u"request"_s},
        {u'H', u"header"_s},
        {u'd', u"data"_s},
        {u'F', u"form"_s},
        {u'G', u"get"_s},
        {u'I', u"head"_s},
        {u'u', u"user"_s},
        {u'b', u"cookie"_s},
        {u'c', u"cookie-jar"_s},
        {u'A', u"user-agent"_s},
        {u'e', u"referer"_s},
        {u'k', u"insecure"_s},
        {u'L', u"location"_s},
        {u'm', u"max-time"_s},
        {u'x', u"proxy"_s},
        {u'U', u"proxy-user"_s},
        {u'T', u"upload-file"_s},
        {u'0', u"http1.0"_s},
        {u'E', u"cert"_s},
        {u'K', u"config"_s},
        {u'o', u"output"_s},
        {u'D', u"dump-header"_s},
        {u'w', u"write-out"_s},
        {u's', u"silent"_s},
        {u'S', u"show-error"_s},
        {u'v', u"verbose"_s},
        {u'i', u"include"_s},
        {u'O', u"remote-name"_s},
        {u'J', u"remote-header-name"_s},
        {u'f', u"fail"_s},
        {u'#', u"progress-bar"_s},
        {u'N', u"no-buffer"_s},
        {u'g', u"globoff"_s},
        {u'R', u"remote-time"_s},
        {u'M', u"manual"_s},
        {u'V', u"version"_s},
        {u'q', u"disable"_s},
        {u'Z', u"parallel"_s},
        {u'r', u"range"_s},
        {u'C', u"continue-at"_s},
        {u'Y', u"speed-limit"_s},
        {u'y', u"speed-time"_s},
        {u'z', u"time-cond"_s},
        {u'Q', u"quote"_s},
        {u'P', u"ftp-port"_s},
        {u't', u"telnet-option"_s},
        {u'p', u"proxytunnel"_s},
        {u'j', u"junk-session-cookies"_s},
        {u'n', u"netrc"_s},
        {u'a', u"append"_s},
        {u'l', u"list-only"_s},
        {u'B', u"use-ascii"_s},
        {u'4', u"ipv4"_s},
        {u'6', u"ipv6"_s},
        {u'1', u"tlsv1"_s},
        {u'2', u"sslv2"_s},
        {u'3', u"sslv3"_s},
        {u'h', u"help"_s},
    };
    return letters.value(letter);
}

QString where(const ShellWord &word)
{
    return u"line %1, column %2"_s.arg(word.line).arg(word.column);
}

/// A piece of body data from -d, --data-*, --json, in order.
struct DataPiece
{
    QByteArray bytes;
    bool json = false;
    /// --data-binary @file: the file, when it is not read now.
    QString streamedFile;
};

/// The state of one curl invocation while its options are read.
struct Invocation
{
    QString method;
    bool get = false;
    bool head = false;
    QList<QByteArray> urls;
    QList<ShellWord> urlWords;
    QList<DataPiece> data;
    QList<MultipartPart> parts;
    QString uploadFile;
    KeyValueList headers;
    QStringList removedHeaders;
    QByteArray user;
    bool hasUser = false;
    /// The scheme -u is used with: Basic (curl's default), Digest, Ntlm, AwsSigV4; Inherit for one
    /// Sonde does not have (the credentials are then left out).
    AuthConfig::Type authType = AuthConfig::Type::Basic;
    /// --aws-sigv4's "provider1[:provider2[:region[:service]]]".
    QString awsScope;
    QString bearer;
    QStringList cookies;
    QString userAgent;
    QString referer;
    bool json = false;
    QList<QByteArray> urlQueries;
    /// Redirects are followed only with -L, as curl does.
    RequestSettings settings = [] {
        RequestSettings s;
        s.followRedirects = false;
        return s;
    }();
};

/// curl's own percent-encoding for --data-urlencode: all but unreserved characters as %XX.
QByteArray curlEscape(const QByteArray &bytes)
{
    return bytes.toPercentEncoding();
}

class Importer
{
public:
    Importer(const ShellCommand &command, const CurlImportOptions &options, ImportResult &result)
        : m_command(command)
        , m_options(options)
        , m_result(result)
    { }

    /// Reads the command's options into requests; false with m_result.error set on failure.
    bool run(QList<Request> &requests);

private:
    bool fail(const ShellWord &word, const QString &message)
    {
        m_result.error = {where(word), message};
        return false;
    }
    void warn(const ShellWord &word, const QString &message)
    {
        m_result.warnings.append({where(word), message});
    }
    QString resolvePath(const QString &path) const
    {
        if (m_options.baseDirectory.isEmpty() || QDir::isAbsolutePath(path))
            return path;
        return QDir(m_options.baseDirectory).filePath(path);
    }
    bool readFile(const ShellWord &word, const QString &option, const QString &name, QByteArray &out);
    bool readStdin(const ShellWord &word, const QString &option, QByteArray &out);
    /// The file the command reads as standard input (`< file`), resolved; empty when there is none.
    QString stdinFile() const
    {
        for (const ShellRedirect &redirect : m_command.redirects) {
            if (redirect.op == u"<" || redirect.op == u"0<")
                return resolvePath(QString::fromUtf8(redirect.target));
        }
        return {};
    }
    /// A file streamed when the request is sent: kept by name, with a warning when it is not there yet.
    QString streamedFile(const ShellWord &word, const QString &path)
    {
        if (!QFileInfo::exists(path))
            warn(word, u"the file “%1” does not exist yet; the request sends it when it is sent"_s.arg(path));
        return path;
    }
    bool applyOption(Invocation &in, const QString &name, const OptionSpec &spec, bool negated,
        const ShellWord &word, const QByteArray &value);
    bool addData(Invocation &in, Action action, const ShellWord &word, const QByteArray &value);
    bool addFormPart(Invocation &in, const ShellWord &word, const QByteArray &value, bool literal);
    bool addHeader(Invocation &in, const ShellWord &word, const QString &line);
    bool finish(Invocation &in, QList<Request> &requests);
    bool buildBody(Invocation &in, Request &request, const ShellWord &at);

    const ShellCommand &m_command;
    const CurlImportOptions &m_options;
    ImportResult &m_result;
};

bool Importer::readFile(const ShellWord &word, const QString &option, const QString &name, QByteArray &out)
{
    if (name == u"-")
        return readStdin(word, option, out);
    QFile file(resolvePath(name));
    if (!file.open(QIODevice::ReadOnly))
        return fail(
            word, u"cannot read the file “%1” given to %2: %3"_s.arg(name, option, file.errorString()));
    out = file.readAll();
    return true;
}

bool Importer::readStdin(const ShellWord &word, const QString &option, QByteArray &out)
{
    for (const ShellRedirect &redirect : m_command.redirects) {
        if (redirect.op == u"<" || redirect.op == u"0<") {
            QFile file(resolvePath(QString::fromUtf8(redirect.target)));
            if (!file.open(QIODevice::ReadOnly))
                return fail(word,
                    u"cannot read the file “%1” that %2 reads as standard input: %3"_s.arg(
                        QString::fromUtf8(redirect.target), option, file.errorString()));
            out = file.readAll();
            return true;
        }
        if (redirect.op == u"<<<") {
            out = redirect.target + '\n';
            return true;
        }
        if (redirect.op == u"<<" || redirect.op == u"<<-") {
            out = redirect.hereDocument;
            return true;
        }
    }
    return fail(word,
        u"%1 reads standard input, and the command gives it none (no < file, <<< or here-document)"_s.arg(
            option));
}

bool Importer::addData(Invocation &in, Action action, const ShellWord &word, const QByteArray &value)
{
    DataPiece piece;
    const QString option = QString::fromUtf8(word.text);
    switch (action) {
    case Action::Data:
    case Action::DataAscii:
        if (value.startsWith('@')) {
            if (!readFile(word, option, QString::fromUtf8(value.mid(1)), piece.bytes))
                return false;
            // curl drops carriage returns and newlines from a file read by -d.
            piece.bytes.replace('\r', QByteArray()).replace('\n', QByteArray());
        } else {
            piece.bytes = value;
        }
        break;
    case Action::DataBinary:
    case Action::Json:
        if (value.startsWith('@')) {
            const QString name = QString::fromUtf8(value.mid(1));
            if (action == Action::DataBinary && name != u"-") {
                piece.streamedFile = resolvePath(name);
                if (!QFileInfo::exists(piece.streamedFile))
                    warn(word,
                        u"the file “%1” does not exist yet; the request sends it when it is sent"_s.arg(
                            name));
            } else if (action == Action::DataBinary && !stdinFile().isEmpty()) {
                // `--data-binary @- < file` sends the file unchanged: streamed like @file.
                piece.streamedFile = streamedFile(word, stdinFile());
            } else if (!readFile(word, option, name, piece.bytes)) {
                return false;
            }
        } else {
            piece.bytes = value;
        }
        piece.json = action == Action::Json;
        if (piece.json)
            in.json = true;
        break;
    case Action::DataRaw:
        piece.bytes = value;
        break;
    case Action::DataUrlEncode: {
        // "content", "=content", "name=content", "@file", "name@file" (curl's man page).
        const qsizetype equals = value.indexOf('=');
        const qsizetype at = value.indexOf('@');
        if (at >= 0 && (equals < 0 || at < equals)) {
            QByteArray content;
            if (!readFile(word, option, QString::fromUtf8(value.mid(at + 1)), content))
                return false;
            const QByteArray name = value.left(at);
            piece.bytes = name.isEmpty() ? curlEscape(content) : name + '=' + curlEscape(content);
        } else if (equals >= 0) {
            const QByteArray name = value.left(equals);
            piece.bytes
                = name.isEmpty() ? curlEscape(value.mid(1)) : name + '=' + curlEscape(value.mid(equals + 1));
        } else {
            piece.bytes = curlEscape(value);
        }
        break;
    }
    default:
        break;
    }
    in.data.append(piece);
    return true;
}

/// One `;`-separated word of a -F value, unquoted as curl does: a word in double quotes may hold `;`
/// and `,`, with `\"` and `\\` as escapes.
QByteArray formWord(const QByteArray &text, qsizetype &pos, char endChar)
{
    while (pos < text.size() && (text.at(pos) == ' ' || text.at(pos) == '\t'))
        ++pos;
    if (pos < text.size() && text.at(pos) == '"') {
        QByteArray word;
        qsizetype p = pos + 1;
        while (p < text.size()) {
            const char c = text.at(p);
            if (c == '\\' && p + 1 < text.size() && (text.at(p + 1) == '"' || text.at(p + 1) == '\\')) {
                word += text.at(p + 1);
                p += 2;
                continue;
            }
            if (c == '"') {
                ++p;
                while (p < text.size() && text.at(p) != ';' && text.at(p) != endChar)
                    ++p;
                pos = p;
                return word;
            }
            word += c;
            ++p;
        }
        // No closing quote: read as an unquoted word.
    }
    const qsizetype start = pos;
    while (pos < text.size() && text.at(pos) != ';' && text.at(pos) != endChar)
        ++pos;
    return text.mid(start, pos - start).trimmed();
}

bool Importer::addFormPart(Invocation &in, const ShellWord &word, const QByteArray &value, bool literal)
{
    const qsizetype equals = value.indexOf('=');
    if (equals < 0)
        return fail(word,
            u"the form part “%1” has no '=': write name=value or name=@file"_s.arg(QString::fromUtf8(value)));
    MultipartPart part;
    part.name = QString::fromUtf8(value.left(equals));
    const QByteArray content = value.mid(equals + 1);
    if (literal) {
        part.value = QString::fromUtf8(content);
        in.parts.append(part);
        return true;
    }
    const bool isFile = content.startsWith('@');
    const bool isTextFile = content.startsWith('<');
    qsizetype pos = (isFile || isTextFile) ? 1 : 0;
    const QByteArray data = formWord(content, pos, isFile ? ',' : '\0');
    while (pos < content.size() && content.at(pos) == ';') {
        ++pos;
        while (pos < content.size() && content.at(pos) == ' ')
            ++pos;
        const QByteArray rest = content.mid(pos);
        if (rest.startsWith("type=")) {
            pos += 5;
            part.contentType = QString::fromUtf8(formWord(content, pos, isFile ? ',' : '\0'));
        } else if (rest.startsWith("filename=")) {
            pos += 9;
            part.fileName = QString::fromUtf8(formWord(content, pos, isFile ? ',' : '\0'));
        } else {
            const QByteArray unknown = formWord(content, pos, isFile ? ',' : '\0');
            if (!unknown.isEmpty())
                warn(word, u"the form part parameter “%1” is not imported"_s.arg(QString::fromUtf8(unknown)));
        }
    }
    if (isFile && pos < content.size() && content.at(pos) == ',')
        warn(word, u"only the first file of the form part “%1” is imported"_s.arg(part.name));
    if (isFile) {
        part.filePath = resolvePath(QString::fromUtf8(data));
        if (!QFileInfo::exists(part.filePath))
            warn(word,
                u"the file “%1” does not exist yet; the request sends it when it is sent"_s.arg(
                    QString::fromUtf8(data)));
    } else if (isTextFile) {
        QByteArray text;
        if (!readFile(word, QString::fromUtf8(word.text), QString::fromUtf8(data), text))
            return false;
        part.value = QString::fromUtf8(text);
    } else {
        part.value = QString::fromUtf8(data);
    }
    in.parts.append(part);
    return true;
}

bool Importer::addHeader(Invocation &in, const ShellWord &word, const QString &line)
{
    if (line.startsWith(u'@')) {
        QByteArray text;
        if (!readFile(word, u"-H"_s, line.mid(1), text))
            return false;
        for (const QByteArray &fileLine : text.split('\n')) {
            const QString header = QString::fromUtf8(fileLine).trimmed();
            if (!header.isEmpty() && !addHeader(in, word, header))
                return false;
        }
        return true;
    }
    const qsizetype colon = line.indexOf(u':');
    const qsizetype semicolon = line.indexOf(u';');
    if (colon < 0 && semicolon > 0 && line.mid(semicolon + 1).trimmed().isEmpty()) {
        // "Name;" sends the header with an empty value.
        in.headers.append({line.left(semicolon).trimmed(), QString(), true});
        return true;
    }
    if (colon <= 0) {
        warn(word, u"“%1” is not a header (Name: value); it is left out"_s.arg(line));
        return true;
    }
    const QString name = line.left(colon).trimmed();
    QString value = line.mid(colon + 1);
    while (value.startsWith(u' ') || value.startsWith(u'\t'))
        value.remove(0, 1);
    if (value.isEmpty()) {
        // "Name:" removes a header curl would add itself.
        in.removedHeaders.append(name);
        return true;
    }
    in.headers.append({name, value, true});
    return true;
}

QString withScheme(const QString &url)
{
    if (url.contains(u"://") || url.startsWith(u"{{"))
        return url;
    return u"http://"_s + url;
}

/// The auth that -u (with --digest, --ntlm, --aws-sigv4) or --oauth2-bearer give; Inherit without
/// them. An AWS session token sent as an X-Amz-Security-Token header moves from `headers` into it.
AuthConfig authOf(const Invocation &in, KeyValueList &headers)
{
    AuthConfig auth;
    if (!in.bearer.isEmpty()) {
        auth.type = AuthConfig::Type::Bearer;
        auth.bearer.token = in.bearer;
        return auth;
    }
    if (!in.hasUser)
        return auth;
    const QString pair = QString::fromUtf8(in.user);
    const qsizetype colon = pair.indexOf(u':');
    const QString user = colon < 0 ? pair : pair.left(colon);
    const QString password = colon < 0 ? QString() : pair.mid(colon + 1);
    auth.type = in.authType;
    switch (in.authType) {
    case AuthConfig::Type::Basic:
        auth.basic = {user, password};
        break;
    case AuthConfig::Type::Digest:
        auth.digest = {user, password};
        break;
    case AuthConfig::Type::Ntlm:
        // DOMAIN\\user names the domain, as curl and Windows write it.
        if (const qsizetype slash = user.indexOf(u'\\'); slash >= 0)
            auth.ntlm = {user.mid(slash + 1), password, user.left(slash)};
        else
            auth.ntlm = {user, password, {}};
        break;
    case AuthConfig::Type::AwsSigV4: {
        const QStringList scope = in.awsScope.split(u':');
        auth.aws.accessKey = user;
        auth.aws.secretKey = password;
        auth.aws.region = scope.value(2);
        auth.aws.service = scope.value(3);
        const qsizetype token = ImportSupport::findHeader(headers, u"X-Amz-Security-Token");
        if (token >= 0)
            auth.aws.sessionToken = headers.takeAt(token).value.trimmed();
        break;
    }
    default:
        break;
    }
    return auth;
}

bool Importer::applyOption(Invocation &in, const QString &name, const OptionSpec &spec, bool negated,
    const ShellWord &word, const QByteArray &value)
{
    const QString text = QString::fromUtf8(value);
    switch (spec.action) {
    case Action::Ignore:
    case Action::Compressed:
        return true;
    case Action::Unsupported:
        // A client certificate belongs to a host, not to one request: Sonde keeps it in its settings.
        if (name == u"cert" || name == u"cert-type" || name == u"key" || name == u"key-type"
            || name == u"pass")
            warn(word,
                u"--%1 is not imported: client certificates are set per host in Settings ▸ Certificates"_s
                    .arg(name));
        else
            warn(word, u"--%1 is not imported: Sonde has no such setting"_s.arg(name));
        return true;
    case Action::Config:
        warn(word, u"--config is not imported: the options in “%1” are not read"_s.arg(text));
        return true;
    case Action::Request:
        in.method = text;
        return true;
    case Action::Header:
        return addHeader(in, word, text);
    case Action::Data:
    case Action::DataAscii:
    case Action::DataBinary:
    case Action::DataRaw:
    case Action::DataUrlEncode:
    case Action::Json:
        return addData(in, spec.action, word, value);
    case Action::Form:
    case Action::FormString:
        return addFormPart(in, word, value, spec.action == Action::FormString);
    case Action::Get:
        in.get = !negated;
        return true;
    case Action::Head:
        in.head = !negated;
        return true;
    case Action::User:
        in.user = value;
        in.hasUser = true;
        return true;
    case Action::AuthBasic:
        in.authType = AuthConfig::Type::Basic;
        return true;
    case Action::AuthDigest:
    case Action::AuthNtlm:
        if (negated) {
            in.authType = AuthConfig::Type::Basic;
            return true;
        }
        in.authType = spec.action == Action::AuthDigest ? AuthConfig::Type::Digest : AuthConfig::Type::Ntlm;
        return true;
    case Action::AuthAwsSigV4:
        in.authType = AuthConfig::Type::AwsSigV4;
        in.awsScope = text;
        return true;
    case Action::AuthOther:
        if (!negated) {
            in.authType = AuthConfig::Type::Inherit;
            warn(word, u"--%1 authentication is not imported: Sonde has no such scheme"_s.arg(name));
        }
        return true;
    case Action::OAuth2Bearer:
        in.bearer = text;
        return true;
    case Action::Cookie:
        if (text.contains(u'='))
            in.cookies.append(text);
        else
            warn(word,
                u"cookies from the file “%1” are not imported; Sonde keeps cookies in the workspace's cookie jar"_s
                    .arg(text));
        return true;
    case Action::CookieJar:
        warn(word, u"--cookie-jar is not imported; Sonde keeps cookies in the workspace's cookie jar"_s);
        return true;
    case Action::UserAgent:
        in.userAgent = text;
        return true;
    case Action::Referer: {
        QString referer = text;
        if (referer.endsWith(u";auto"))
            referer.chop(5);
        if (referer != text)
            warn(word, u"--referer ;auto (set the Referer on redirects) is not imported"_s);
        in.referer = referer;
        return true;
    }
    case Action::Insecure:
        in.settings.ignoreTlsErrors = !negated;
        return true;
    case Action::Location:
        in.settings.followRedirects = !negated;
        return true;
    case Action::MaxTime: {
        bool ok = false;
        const double seconds = text.toDouble(&ok);
        if (!ok || seconds < 0) {
            warn(word,
                u"--max-time “%1” is not a number of seconds; the default time limit stays"_s.arg(text));
            return true;
        }
        in.settings.timeoutMs = int(qRound64(seconds * 1000));
        return true;
    }
    case Action::MaxRedirs: {
        bool ok = false;
        const int count = text.toInt(&ok);
        if (!ok || count < -1)
            warn(word, u"--max-redirs “%1” is not a number; the default stays"_s.arg(text));
        else
            in.settings.maxRedirects = count < 0 ? 50 : count;
        if (ok && count < 0)
            warn(word, u"--max-redirs -1 (no limit) becomes 50"_s);
        return true;
    }
    case Action::Http10:
        warn(word, u"HTTP/1.0 is not available: the request uses HTTP/1.1"_s);
        in.settings.httpVersion = HttpVersionPolicy::Http1Only;
        return true;
    case Action::Http11:
        in.settings.httpVersion = HttpVersionPolicy::Http1Only;
        return true;
    case Action::Http2:
        in.settings.httpVersion = HttpVersionPolicy::Automatic;
        return true;
    case Action::Http2PriorKnowledge:
        in.settings.httpVersion = HttpVersionPolicy::Http2PriorKnowledge;
        return true;
    case Action::Http3:
        warn(word, u"HTTP/3 is not available: the request lets Sonde choose the version"_s);
        return true;
    case Action::Proxy:
        if (text.isEmpty()) {
            in.settings.proxy.mode = ProxySettings::Mode::None;
        } else {
            in.settings.proxy.mode = ProxySettings::Mode::Custom;
            in.settings.proxy.url = withScheme(text);
        }
        return true;
    case Action::Socks4:
    case Action::Socks5:
        if (spec.action == Action::Socks4)
            warn(word, u"SOCKS4 is not available: the proxy is used as SOCKS5"_s);
        in.settings.proxy.mode = ProxySettings::Mode::Custom;
        in.settings.proxy.url = u"socks5://"_s + text;
        return true;
    case Action::ProxyUser: {
        const qsizetype colon = text.indexOf(u':');
        in.settings.proxy.user = colon < 0 ? text : text.left(colon);
        if (colon >= 0 && colon + 1 < text.size()) {
            in.settings.proxy.password = text.mid(colon + 1);
            warn(word, u"the proxy password is kept as written; put it in a secret variable"_s);
        }
        return true;
    }
    case Action::NoProxy:
        if (text.trimmed() == u"*")
            in.settings.proxy.mode = ProxySettings::Mode::None;
        else
            warn(word, u"--noproxy for some hosts only is not imported"_s);
        return true;
    case Action::UploadFile:
        if ((text == u"-" || text == u".") && !stdinFile().isEmpty()) {
            in.uploadFile = streamedFile(word, stdinFile());
            return true;
        }
        if (text == u"-" || text == u".") {
            QByteArray bytes;
            if (!readStdin(word, u"--upload-file -"_s, bytes))
                return false;
            in.data.append({bytes, false, {}});
            if (in.method.isEmpty())
                in.method = u"PUT"_s;
            return true;
        }
        in.uploadFile = resolvePath(text);
        if (!QFileInfo::exists(in.uploadFile))
            warn(word, u"the file “%1” does not exist yet; the request sends it when it is sent"_s.arg(text));
        return true;
    case Action::Url:
        in.urls.append(value);
        in.urlWords.append(word);
        return true;
    case Action::UrlQuery:
        if (value.startsWith('+')) {
            in.urlQueries.append(value.mid(1));
        } else {
            const qsizetype equals = value.indexOf('=');
            in.urlQueries.append(equals < 0 ? curlEscape(value)
                                            : value.left(equals) + '=' + curlEscape(value.mid(equals + 1)));
        }
        return true;
    }
    return true;
}

bool Importer::run(QList<Request> &requests)
{
    const QList<ShellWord> &words = m_command.words;
    Invocation in;
    bool onlyUrls = false;
    for (qsizetype i = 1; i < words.size(); ++i) {
        const ShellWord &word = words.at(i);
        const QByteArray &w = word.text;
        if (onlyUrls || !w.startsWith('-') || w.size() == 1) {
            in.urls.append(w);
            in.urlWords.append(word);
            continue;
        }
        if (w == "--") {
            onlyUrls = true;
            continue;
        }
        if (w == "--next" || w == "-:") {
            if (!finish(in, requests))
                return false;
            in = Invocation();
            continue;
        }
        if (w.startsWith("--")) {
            QString name = QString::fromUtf8(w.mid(2));
            if (name.startsWith(u"expand-"))
                name = name.mid(7);
            bool negated = false;
            auto spec = options().constFind(name);
            if (spec == options().constEnd() && name.startsWith(u"no-")) {
                spec = options().constFind(name.mid(3));
                negated = spec != options().constEnd() && !spec->takesValue;
                if (!negated)
                    spec = options().constEnd();
            }
            if (spec == options().constEnd()) {
                warn(word, u"unknown option %1 is left out"_s.arg(QString::fromUtf8(w)));
                continue;
            }
            QByteArray value;
            if (spec->takesValue) {
                if (i + 1 >= words.size())
                    return fail(word, u"the option %1 needs a value"_s.arg(QString::fromUtf8(w)));
                value = words.at(++i).text;
            }
            if (!applyOption(in, name, *spec, negated, word, value))
                return false;
            continue;
        }
        // A cluster of one-letter options: "-sSL", "-XPOST", "-d@file", "-H'x: y'".
        for (qsizetype j = 1; j < w.size(); ++j) {
            const QChar letter = QLatin1Char(w.at(j));
            const QString name = longNameOf(letter);
            const auto spec = options().constFind(name);
            if (name.isEmpty() || spec == options().constEnd()) {
                warn(word, u"unknown option -%1 is left out"_s.arg(letter));
                continue;
            }
            QByteArray value;
            if (spec->takesValue) {
                if (j + 1 < w.size()) {
                    value = w.mid(j + 1);
                } else {
                    if (i + 1 >= words.size())
                        return fail(word, u"the option -%1 needs a value"_s.arg(letter));
                    value = words.at(++i).text;
                }
                j = w.size();
            }
            if (!applyOption(in, name, *spec, false, word, value))
                return false;
        }
    }
    return finish(in, requests);
}

bool Importer::buildBody(Invocation &in, Request &request, const ShellWord &at)
{
    Body &body = request.body;
    if (!in.parts.isEmpty()) {
        if (!in.data.isEmpty())
            warn(at, u"curl refuses -d together with -F; the -d data is left out"_s);
        body.kind = Body::Kind::Multipart;
        body.parts = in.parts;
        return true;
    }
    if (!in.uploadFile.isEmpty() && in.data.isEmpty()) {
        body.kind = Body::Kind::Binary;
        body.filePath = in.uploadFile;
        return true;
    }
    if (in.data.isEmpty())
        return true;
    const bool contentTypeRemoved = std::any_of(in.removedHeaders.cbegin(), in.removedHeaders.cend(),
        [](const QString &name) { return name.compare(u"Content-Type", Qt::CaseInsensitive) == 0; });
    const QString defaultType = contentTypeRemoved ? QString()
        : in.json                                  ? u"application/json"_s
                                                   : u"application/x-www-form-urlencoded"_s;
    if (in.data.size() == 1 && !in.data.first().streamedFile.isEmpty()) {
        body.kind = Body::Kind::Binary;
        body.filePath = in.data.first().streamedFile;
        body.contentType = defaultType;
        return true;
    }
    QByteArray bytes;
    for (qsizetype i = 0; i < in.data.size(); ++i) {
        const DataPiece &piece = in.data.at(i);
        if (!piece.streamedFile.isEmpty()) {
            QByteArray content;
            QFile file(piece.streamedFile);
            if (!file.open(QIODevice::ReadOnly))
                return fail(at,
                    u"cannot read the file “%1” given to --data-binary: %2"_s.arg(
                        piece.streamedFile, file.errorString()));
            content = file.readAll();
            bytes += (i > 0 ? "&" : "") + content;
            continue;
        }
        if (i > 0 && !piece.json)
            bytes += '&';
        bytes += piece.bytes;
    }
    const qsizetype typeHeader = ImportSupport::findHeader(request.headers, u"Content-Type");
    const QString type = typeHeader >= 0 ? request.headers.at(typeHeader).value.trimmed() : defaultType;
    if (ImportSupport::mediaType(type) == u"application/x-www-form-urlencoded") {
        if (const auto fields = ImportSupport::exactFormFields(bytes)) {
            body.kind = Body::Kind::FormUrlEncoded;
            body.fields = *fields;
            return true;
        }
    }
    body.kind = Body::Kind::Raw;
    body.contentType = defaultType;
    body.data = bytes;
    return true;
}

bool Importer::finish(Invocation &in, QList<Request> &requests)
{
    const ShellWord &first = m_command.words.first();
    if (in.urls.isEmpty())
        return fail(first, u"the curl command has no URL"_s);
    for (qsizetype u = 0; u < in.urls.size(); ++u) {
        const ShellWord &urlWord = in.urlWords.at(u);
        Request request;
        request.settings = in.settings;
        request.headers = in.headers;
        const auto hasHeader = [&request](QStringView name) {
            return ImportSupport::findHeader(request.headers, name) >= 0;
        };
        if (!in.userAgent.isEmpty() && !hasHeader(u"User-Agent"))
            request.headers.append({u"User-Agent"_s, in.userAgent, true});
        if (!in.referer.isEmpty() && !hasHeader(u"Referer"))
            request.headers.append({u"Referer"_s, in.referer, true});
        if (!in.cookies.isEmpty())
            request.headers.append({u"Cookie"_s, in.cookies.join(u"; "_s), true});
        // curl sends a -H Authorization instead of what -u or --oauth2-bearer would make.
        if (!hasHeader(u"Authorization"))
            request.auth = authOf(in, request.headers);
        if (request.auth.type == AuthConfig::Type::AwsSigV4
            && (request.auth.aws.region.isEmpty() || request.auth.aws.service.isEmpty()))
            warn(urlWord,
                u"--aws-sigv4 names no region or service (curl takes them from the host): fill them in"_s);
        if (in.json) {
            if (!hasHeader(u"Content-Type"))
                request.headers.append({u"Content-Type"_s, u"application/json"_s, true});
            if (!hasHeader(u"Accept"))
                request.headers.append({u"Accept"_s, u"application/json"_s, true});
        }
        QString url = withScheme(QString::fromUtf8(in.urls.at(u)));
        if (!buildBody(in, request, urlWord))
            return false;
        QList<QByteArray> query = in.urlQueries;
        if (in.get && request.body.kind != Body::Kind::None && request.body.kind != Body::Kind::Multipart) {
            // -G: the data goes into the query string instead of the body.
            QByteArray data = request.body.kind == Body::Kind::FormUrlEncoded
                ? RequestBuilder::formEncode(request.body.fields)
                : request.body.data;
            query.prepend(data);
            request.body = Body();
        }
        if (!query.isEmpty()) {
            const qsizetype hash = url.indexOf(u'#');
            const QString fragment = hash < 0 ? QString() : url.mid(hash);
            QString base = hash < 0 ? url : url.left(hash);
            for (const QByteArray &part : std::as_const(query))
                base += (base.contains(u'?') ? (base.endsWith(u'?') || base.endsWith(u'&') ? u""_s : u"&"_s)
                                             : u"?"_s)
                    + QString::fromUtf8(part);
            url = base + fragment;
        }
        if (!in.method.isEmpty())
            request.method = in.method;
        else if (in.head)
            request.method = u"HEAD"_s;
        else if (in.get)
            request.method = u"GET"_s;
        else if (!in.data.isEmpty() || !in.parts.isEmpty())
            request.method = u"POST"_s;
        else if (!in.uploadFile.isEmpty())
            request.method = u"PUT"_s;
        request.url = url;
        request.params = QueryParams::parse(url);
        ImportSupport::adoptContentTypeHeader(request);
        request.name = ImportSupport::requestName(request.method, url);
        requests.append(request);
    }
    return true;
}

/// The index of the word that runs curl, skipping a pasted prompt ("$ curl …"); -1 when it is not curl.
qsizetype curlWordIndex(const ShellCommand &command)
{
    qsizetype index = 0;
    while (index < command.words.size()
        && (command.words.at(index).text == "$" || command.words.at(index).text == "%"
            || command.words.at(index).text == ">"))
        ++index;
    if (index >= command.words.size())
        return -1;
    const QString program = QFileInfo(QString::fromUtf8(command.words.at(index).text)).fileName();
    return program.compare(u"curl", Qt::CaseInsensitive) == 0
            || program.compare(u"curl.exe", Qt::CaseInsensitive) == 0
        ? index
        : -1;
}

} // namespace

ImportResult parse(const QString &text, const CurlImportOptions &options)
{
    const QString format = u"curl"_s;
    const ShellScript script = ShellWords::parse(text);
    if (!script.ok())
        return ImportResult::failure(format,
            u"line %1, column %2"_s.arg(script.errorLine).arg(script.errorColumn),
            script.error.section(u": "_s, 1));
    ImportResult result;
    result.format = format;
    result.collection.name = u"curl"_s;
    for (const QString &note : script.notes)
        result.warnings.append({note.section(u": "_s, 0, 0), note.section(u": "_s, 1)});
    for (const QString &variable : script.variables)
        result.warnings.append(
            {QString(), u"$%1 is not expanded: it became the variable {{%1}}"_s.arg(variable)});
    QList<Request> requests;
    for (const ShellCommand &command : script.commands) {
        const qsizetype index = curlWordIndex(command);
        if (index < 0) {
            if (!command.words.isEmpty())
                result.warnings.append({where(command.words.first()),
                    u"the command “%1” is not curl; it is skipped"_s.arg(
                        QString::fromUtf8(command.words.first().text))});
            continue;
        }
        ShellCommand curl = command;
        curl.words.remove(0, index);
        if (!Importer(curl, options, result).run(requests))
            return ImportResult::failure(format, result.error.where, result.error.message);
    }
    if (requests.isEmpty())
        return ImportResult::failure(format, QString(), u"no curl command found"_s);
    result.collection.requests = requests;
    return result;
}

bool looksLikeCurl(const QString &text)
{
    for (const QString &line : text.split(u'\n')) {
        QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
            continue;
        if (trimmed.startsWith(u"$ "))
            trimmed = trimmed.mid(2).trimmed();
        if (trimmed.startsWith(u'\uFEFF'))
            trimmed = trimmed.mid(1);
        return trimmed == u"curl" || trimmed.startsWith(u"curl ") || trimmed.startsWith(u"curl\t")
            || trimmed.startsWith(u"curl.exe ");
    }
    return false;
}

} // namespace Sonde::CurlImport
