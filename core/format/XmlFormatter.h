#pragma once

#include "format/FormatResult.h"

#include <QByteArrayView>

#include <atomic>

namespace Sonde {

/// Pretty-prints an XML document with QXmlStreamReader → QXmlStreamWriter (2-space indentation),
/// keeping the XML declaration, processing instructions, comments, CDATA sections and the DTD.
/// Whitespace-only text between elements is replaced by the indentation; other text is kept. The
/// output is UTF-8. On malformed input the result's output is \a input unchanged and the error
/// gives the reader's message with its line and column.
FormatResult formatXml(QByteArrayView input, const std::atomic_bool *cancel = nullptr);

} // namespace Sonde
