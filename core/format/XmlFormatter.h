#pragma once

#include "format/FormatResult.h"

#include <QByteArray>
#include <QByteArrayView>
#include <atomic>
#include <memory>

namespace Sonde {

/// A streaming XML pretty-printer: QXmlStreamReader → QXmlStreamWriter (2-space indentation), keeping
/// the XML declaration, processing instructions, comments, CDATA sections and the DTD. Whitespace-only
/// text between elements is replaced by the indentation; other text is kept. The output is UTF-8.
///
/// Feed the document in chunks of any size (a token may span chunks), take the output as it grows,
/// then call finish(), as with JsonFormatter.
class XmlFormatter
{
public:
    /// \a cancel, when given, is polled between blocks of tokens: setting it stops the work.
    explicit XmlFormatter(const std::atomic_bool *cancel = nullptr);
    ~XmlFormatter();
    XmlFormatter(const XmlFormatter &) = delete;
    XmlFormatter &operator=(const XmlFormatter &) = delete;

    /// Formats the next piece of the document. Returns false once the input is known to be malformed
    /// or the work was cancelled; further chunks are then ignored.
    bool feed(QByteArrayView chunk);

    /// The formatted text produced so far, handed over (nothing until the root element has started).
    QByteArray takeOutput();

    /// Ends the document. On success the result's output holds what takeOutput() has not taken yet;
    /// on malformed input it is empty, and the error gives the reader's message with its line and
    /// column (the caller feeding chunks holds the raw input).
    FormatResult finish();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

/// Pretty-prints a whole XML document with XmlFormatter. On malformed input the result's output is
/// \a input unchanged and the error gives the reader's message with its line and column.
FormatResult formatXml(QByteArrayView input, const std::atomic_bool *cancel = nullptr);

} // namespace Sonde
