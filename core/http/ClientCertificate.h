#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QUrl>
#include <optional>

namespace Sonde {

/// A certificate and private key presented to the HTTPS servers whose host matches a pattern, for
/// mutual TLS ("client certificates" in Postman, Insomnia and Bruno).
///
/// Either a PEM (or DER) certificate with its PEM private key (RSA or EC, possibly encrypted), or one
/// PKCS#12 (.p12/.pfx) file holding both. `passphrase` opens the encrypted key or the PKCS#12 file; it
/// is a secret: the settings file keeps the paths, the secret store the passphrase.
struct ClientCertificate
{
    enum class Format { Pem, Pkcs12 };

    /// "api.example.com", "api.example.com:8443", "*.example.com" (any subdomain, not the domain
    /// itself), or "*" (every host). Without a port, any port matches.
    QString host;
    Format format = Format::Pem;
    /// The PEM/DER certificate (with its chain, if any), or the PKCS#12 file.
    QString certificateFile;
    /// The PEM private key; empty: the key is in certificateFile (a combined PEM). Unused for PKCS#12.
    QString keyFile;
    QString passphrase;

    /// Whether `pattern` (see host) matches the host and port of `url`.
    static bool hostMatches(const QString &pattern, const QUrl &url);
    /// Why `pattern` is no host pattern, in words; empty when it is one.
    static QString patternProblem(const QString &pattern);
    /// The format named "PEM", "DER" or "P12" (case-insensitive; "PKCS12" and "PFX" too), as curl's
    /// --cert-type; nullopt for a name Sonde cannot load.
    static std::optional<Format> formatNamed(const QString &name);

    bool matches(const QUrl &url) const { return hostMatches(host, url); }

    friend bool operator==(const ClientCertificate &, const ClientCertificate &) = default;
};

/// A ClientCertificate read from its files: what the TLS handshake presents.
struct ClientIdentity
{
    QSslCertificate certificate;
    /// The certificates after it (intermediates), from the same PEM or PKCS#12 file.
    QList<QSslCertificate> chain;
    QSslKey key;

    /// "CN=…, O=…" of the certificate, for the timeline and messages.
    QString subject() const;
};

/// The outcome of reading a ClientCertificate's files: the identity, or why there is none in words
/// (a missing file, a wrong passphrase, a key that does not belong to the certificate).
struct ClientIdentityResult
{
    std::optional<ClientIdentity> identity;
    QString error;

    bool ok() const { return identity.has_value(); }
};

/// Reads the files of `certificate`. Small files, read at once: call it when settings change, not for
/// every request.
ClientIdentityResult loadClientIdentity(const ClientCertificate &certificate);

/// A ClientCertificate with what reading it gave, as the engine keeps it.
struct LoadedClientCertificate
{
    ClientCertificate entry;
    ClientIdentityResult result;
};

/// The first of `certificates` whose pattern matches `url` (HTTPS only), or nullptr.
const LoadedClientCertificate *clientCertificateFor(
    const QList<LoadedClientCertificate> &certificates, const QUrl &url);

} // namespace Sonde
