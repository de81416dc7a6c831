#include "http/ClientCertificate.h"

#include <QFile>
#include <QFileInfo>
#include <memory>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

namespace Sonde {

namespace {

struct HostPattern
{
    QString host; // lower case; "*" for every host, "*.example.com" for subdomains
    int port = -1;
    QString problem;
};

HostPattern parsePattern(const QString &text)
{
    HostPattern pattern;
    QString rest = text.trimmed().toLower();
    // Postman's field shows "https://" in front; a pasted URL prefix means the same host.
    if (rest.startsWith(u"https://"))
        rest = rest.mid(8);
    if (rest.endsWith(u'/'))
        rest.chop(1);
    if (rest.isEmpty()) {
        pattern.problem
            = QStringLiteral("Give the host the certificate is for, e.g. api.example.com or *.example.com.");
        return pattern;
    }
    QString port;
    if (rest.startsWith(u'[')) {
        const qsizetype close = rest.indexOf(u']');
        if (close < 0) {
            pattern.problem
                = QStringLiteral("“%1” opens an IPv6 address with [ but does not close it.").arg(text);
            return pattern;
        }
        pattern.host = rest.mid(1, close - 1);
        const QString after = rest.mid(close + 1);
        if (after.startsWith(u':'))
            port = after.mid(1);
        else if (!after.isEmpty())
            pattern.problem = QStringLiteral("“%1” has text after the IPv6 address.").arg(text);
    } else {
        const qsizetype colon = rest.lastIndexOf(u':');
        pattern.host = colon < 0 ? rest : rest.left(colon);
        if (colon >= 0)
            port = rest.mid(colon + 1);
    }
    if (!pattern.problem.isEmpty())
        return pattern;
    if (!port.isNull()) {
        bool ok = false;
        pattern.port = port.toInt(&ok);
        if (!ok || pattern.port < 1 || pattern.port > 65535) {
            pattern.problem = QStringLiteral("“%1” is no port (1 to 65535).").arg(port);
            return pattern;
        }
    }
    const QString bare = pattern.host.startsWith(u"*.") ? pattern.host.mid(2) : pattern.host;
    if (pattern.host.isEmpty()) {
        pattern.problem = QStringLiteral("“%1” names a port but no host.").arg(text);
    } else if (pattern.host != u"*" && (bare.isEmpty() || bare.contains(u'*'))) {
        pattern.problem
            = QStringLiteral("“%1”: a wildcard can only stand for the first labels, as in *.example.com.")
                  .arg(text);
    } else {
        for (const QChar c : bare) {
            if (c.isSpace() || c == u'/' || c == u'?' || c == u'#' || c == u'@') {
                pattern.problem
                    = QStringLiteral("“%1” is no host name: give only the host (and port), not a URL.")
                          .arg(text);
                break;
            }
        }
    }
    return pattern;
}

QString fileProblem(const QString &path, const QString &what)
{
    if (path.isEmpty())
        return QStringLiteral("Choose the %1 file.").arg(what);
    const QFileInfo info(path);
    if (!info.exists())
        return QStringLiteral("The %1 file %2 does not exist.").arg(what, path);
    if (!info.isFile())
        return QStringLiteral("The %1 file %2 is not a file.").arg(what, path);
    return {};
}

std::optional<QByteArray> readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1 cannot be read: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

struct X509Deleter
{
    void operator()(X509 *x) const { X509_free(x); }
};
struct PkeyDeleter
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct Pkcs12Deleter
{
    void operator()(PKCS12 *p) const { PKCS12_free(p); }
};

// QSslKey cannot tell whether a private key belongs to a certificate; OpenSSL can, from the DER forms.
bool keyMatchesCertificate(const QSslCertificate &certificate, const QSslKey &key)
{
    const QByteArray certDer = certificate.toDer();
    const QByteArray keyDer = key.toDer();
    auto certBytes = reinterpret_cast<const unsigned char *>(certDer.constData());
    auto keyBytes = reinterpret_cast<const unsigned char *>(keyDer.constData());
    const std::unique_ptr<X509, X509Deleter> x509(d2i_X509(nullptr, &certBytes, long(certDer.size())));
    const std::unique_ptr<EVP_PKEY, PkeyDeleter> pkey(
        d2i_AutoPrivateKey(nullptr, &keyBytes, long(keyDer.size())));
    if (!x509 || !pkey)
        return true; // nothing to compare with: the handshake will tell
    return X509_check_private_key(x509.get(), pkey.get()) == 1;
}

QString notBelonging(const ClientCertificate &entry, const QSslCertificate &certificate)
{
    return QStringLiteral("The private key %1 does not belong to the certificate “%2” (%3).")
        .arg(entry.keyFile.isEmpty() ? entry.certificateFile : entry.keyFile,
            certificate.subjectDisplayName(), entry.certificateFile);
}

ClientIdentityResult loadPem(const ClientCertificate &entry)
{
    ClientIdentityResult result;
    QString problem = fileProblem(entry.certificateFile, QStringLiteral("certificate"));
    if (problem.isEmpty() && !entry.keyFile.isEmpty())
        problem = fileProblem(entry.keyFile, QStringLiteral("private key"));
    if (!problem.isEmpty()) {
        result.error = problem;
        return result;
    }
    const std::optional<QByteArray> certBytes = readFile(entry.certificateFile, &result.error);
    if (!certBytes)
        return result;
    QList<QSslCertificate> certificates = QSslCertificate::fromData(*certBytes, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(*certBytes, QSsl::Der);
    if (certificates.isEmpty()) {
        result.error = QStringLiteral("%1 holds no certificate (PEM or DER).").arg(entry.certificateFile);
        return result;
    }
    const QString keyPath = entry.keyFile.isEmpty() ? entry.certificateFile : entry.keyFile;
    std::optional<QByteArray> keyBytes
        = entry.keyFile.isEmpty() ? certBytes : readFile(keyPath, &result.error);
    if (!keyBytes)
        return result;
    const bool pem = keyBytes->contains("-----BEGIN");
    if (pem && !keyBytes->contains("PRIVATE KEY-----")) {
        result.error = entry.keyFile.isEmpty()
            ? QStringLiteral("%1 holds no private key: choose the key file too.").arg(keyPath)
            : QStringLiteral("%1 holds no private key (PEM).").arg(keyPath);
        return result;
    }
    const bool encrypted = keyBytes->contains("ENCRYPTED");
    const QByteArray passphrase = entry.passphrase.toUtf8();
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(*keyBytes, algorithm, pem ? QSsl::Pem : QSsl::Der, QSsl::PrivateKey, passphrase);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        if (encrypted && passphrase.isEmpty())
            result.error
                = QStringLiteral("The private key %1 is encrypted: give its passphrase.").arg(keyPath);
        else if (encrypted)
            result.error = QStringLiteral("The passphrase of the private key %1 is wrong.").arg(keyPath);
        else
            result.error
                = QStringLiteral("%1 holds no private key Sonde can read (RSA or EC, PEM).").arg(keyPath);
        return result;
    }
    if (!keyMatchesCertificate(certificates.constFirst(), key)) {
        result.error = notBelonging(entry, certificates.constFirst());
        return result;
    }
    ClientIdentity identity;
    identity.certificate = certificates.takeFirst();
    identity.chain = certificates;
    identity.key = key;
    result.identity = identity;
    return result;
}

ClientIdentityResult loadPkcs12(const ClientCertificate &entry)
{
    ClientIdentityResult result;
    result.error = fileProblem(entry.certificateFile, QStringLiteral("PKCS#12"));
    if (!result.error.isEmpty())
        return result;
    const std::optional<QByteArray> bytes = readFile(entry.certificateFile, &result.error);
    if (!bytes)
        return result;
    // QSslCertificate::importPkcs12 only says "no"; OpenSSL tells a wrong password from a wrong file.
    auto data = reinterpret_cast<const unsigned char *>(bytes->constData());
    const std::unique_ptr<PKCS12, Pkcs12Deleter> p12(d2i_PKCS12(nullptr, &data, long(bytes->size())));
    if (!p12) {
        result.error = QStringLiteral("%1 is no PKCS#12 (.p12/.pfx) file.").arg(entry.certificateFile);
        return result;
    }
    const QByteArray password = entry.passphrase.toUtf8();
    const bool macOk = PKCS12_mac_present(p12.get()) == 0
        || PKCS12_verify_mac(p12.get(), password.constData(), int(password.size())) == 1
        || (password.isEmpty() && PKCS12_verify_mac(p12.get(), nullptr, 0) == 1);
    if (!macOk) {
        result.error = entry.passphrase.isEmpty()
            ? QStringLiteral("The PKCS#12 file %1 is protected: give its password.")
                  .arg(entry.certificateFile)
            : QStringLiteral("The password of the PKCS#12 file %1 is wrong.").arg(entry.certificateFile);
        return result;
    }
    QFile file(entry.certificateFile);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("%1 cannot be read: %2").arg(entry.certificateFile, file.errorString());
        return result;
    }
    ClientIdentity identity;
    if (!QSslCertificate::importPkcs12(&file, &identity.key, &identity.certificate, &identity.chain, password)
        || identity.certificate.isNull() || identity.key.isNull()) {
        result.error
            = QStringLiteral("The PKCS#12 file %1 holds no certificate with its private key, or one Sonde "
                             "cannot read (RSA or EC).")
                  .arg(entry.certificateFile);
        return result;
    }
    if (!keyMatchesCertificate(identity.certificate, identity.key)) {
        result.error = notBelonging(entry, identity.certificate);
        return result;
    }
    result.identity = identity;
    return result;
}

} // namespace

bool ClientCertificate::hostMatches(const QString &pattern, const QUrl &url)
{
    const HostPattern parsed = parsePattern(pattern);
    if (!parsed.problem.isEmpty())
        return false;
    if (parsed.port >= 0 && parsed.port != url.port(url.scheme() == u"http" ? 80 : 443))
        return false;
    const QString host = url.host().toLower();
    if (parsed.host == u"*")
        return true;
    if (parsed.host.startsWith(u"*."))
        return host.endsWith(parsed.host.mid(1)) && host.size() > parsed.host.size() - 1;
    return host == parsed.host;
}

QString ClientCertificate::patternProblem(const QString &pattern)
{
    return parsePattern(pattern).problem;
}

std::optional<ClientCertificate::Format> ClientCertificate::formatNamed(const QString &name)
{
    const QString upper = name.trimmed().toUpper();
    if (upper == u"PEM" || upper == u"DER")
        return Format::Pem;
    if (upper == u"P12" || upper == u"PKCS12" || upper == u"PKCS#12" || upper == u"PFX")
        return Format::Pkcs12;
    return std::nullopt;
}

QString ClientIdentity::subject() const
{
    QStringList parts;
    for (const QByteArray &attribute : certificate.subjectInfoAttributes()) {
        for (const QString &value : certificate.subjectInfo(attribute))
            parts.append(QString::fromLatin1(attribute) + u'=' + value);
    }
    return parts.isEmpty() ? certificate.subjectDisplayName() : parts.join(QStringLiteral(", "));
}

ClientIdentityResult loadClientIdentity(const ClientCertificate &certificate)
{
    return certificate.format == ClientCertificate::Format::Pkcs12 ? loadPkcs12(certificate)
                                                                   : loadPem(certificate);
}

const LoadedClientCertificate *clientCertificateFor(
    const QList<LoadedClientCertificate> &certificates, const QUrl &url)
{
    if (url.scheme() != u"https")
        return nullptr;
    for (const LoadedClientCertificate &loaded : certificates) {
        if (loaded.entry.matches(url))
            return &loaded;
    }
    return nullptr;
}

} // namespace Sonde
