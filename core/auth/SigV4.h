#pragma once

#include "auth/AuthConfig.h"
#include "model/Exchange.h"

#include <QByteArray>
#include <QDateTime>

/// AWS Signature Version 4 (the "AWS4-HMAC-SHA256" scheme of AWS's Signature Version 4 documentation):
/// canonical request, string to sign, signing key and the Authorization header, as plain functions so
/// they can be checked against AWS's published test suite.
namespace Sonde::SigV4 {

/// What gets signed.
struct Input
{
    QByteArray method;
    /// The path as given to the signer; its bytes are URI-encoded once into the canonical URI. The
    /// engine passes the path as sent (already percent-encoded), which gives the double encoding AWS
    /// asks for outside S3; for S3 it passes the decoded path (encoded once).
    QByteArray path;
    /// The query as sent (percent-encoded, without '?'); decoded, re-encoded and sorted.
    QByteArray query;
    /// The headers to sign, Host and X-Amz-Date included; several fields of one name are joined with ','.
    HeaderList headers;
    /// Hex SHA-256 of the body (or "UNSIGNED-PAYLOAD").
    QByteArray payloadHash;
    /// Remove "." and ".." segments and empty segments (every service but S3).
    bool normalizePath = true;
};

struct Signature
{
    QByteArray canonicalRequest;
    QByteArray stringToSign;
    QByteArray signedHeaders;
    /// Hex HMAC-SHA256 of the string to sign.
    QByteArray signature;
    /// The Authorization header value.
    QByteArray authorization;
};

/// `20150830T123600Z` for a time (in UTC).
QByteArray amzDate(const QDateTime &time);
/// Hex SHA-256 of `bytes`.
QByteArray hexSha256(const QByteArray &bytes);
/// AWS's URI encoding: every byte but A–Z a–z 0–9 - . _ ~ as %XX (upper case); '/' kept when `keepSlash`.
QByteArray uriEncode(const QByteArray &bytes, bool keepSlash);

QByteArray canonicalUri(const QByteArray &path, bool normalize);
QByteArray canonicalQuery(const QByteArray &query);
/// The canonical request (AWS's "Task 1").
QByteArray canonicalRequest(const Input &input, QByteArray *signedHeaders = nullptr);
/// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").
QByteArray signingKey(
    const QString &secretKey, const QByteArray &date, const QString &region, const QString &service);

/// Signs `input` at `time` with `credentials` (access key, secret key, region, service).
Signature sign(const Input &input, const AwsSigV4 &credentials, const QDateTime &time);

} // namespace Sonde::SigV4
