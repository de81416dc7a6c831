#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

/// Reads a document that may be JSON or YAML (OpenAPI specs, Insomnia exports) into one tree of
/// QJsonValues, so that the importers read both the same way.
///
/// JSON goes through QJsonDocument; anything else through yaml-cpp, with YAML 1.2's core schema for
/// plain scalars (null, booleans, integers and floats; quoted scalars stay text), merge keys (`<<`)
/// and a check for duplicate keys, which YAML forbids and yaml-cpp lets through. Object keys come out
/// in alphabetical order: QJsonObject does not keep the order of the file.
namespace Sonde::StructuredText {

struct Parsed
{
    QJsonValue value;
    /// True when the text was read as JSON.
    bool json = false;
    /// Where the text could not be read ("line 3, column 7", or a path of keys for a duplicate key);
    /// empty with an empty `error` on success.
    QString where;
    QString error;

    bool ok() const { return error.isEmpty(); }
};

/// `data` (UTF-8, a byte order mark allowed) read as JSON when it starts with `[` or with `{` and a
/// quoted key, else as YAML (whose flow style may start with `{` too).
Parsed parse(const QByteArray &data);

/// "line L, column C" (both from 1) of the character at byte `offset` of `data`.
QString placeOfOffset(const QByteArray &data, qsizetype offset);

} // namespace Sonde::StructuredText
