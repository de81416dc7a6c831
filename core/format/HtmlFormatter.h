#pragma once

#include "format/FormatResult.h"

#include <QByteArray>
#include <QByteArrayView>
#include <atomic>
#include <memory>

namespace Sonde {

/// A streaming HTML pretty-printer that builds no tree: each element on its own line, indented by
/// two spaces per open element, an element holding only a short text kept on one line
/// (`<title>Users</title>`). Tags are written as they came (attributes, case and quotes unchanged);
/// runs of whitespace in text become one space and whitespace-only text between tags goes.
///
/// Forgiving as browsers are: void elements (`<br>`, `<img>`…) open nothing, the end tags HTML lets
/// out are implied (a `<li>` closes the previous `<li>`, a block closes an open `<p>`, a cell the
/// previous cell…), a stray end tag changes nothing, an end tag closes what was left open inside
/// its element. The contents of `<script>`, `<style>`, `<pre>` and `<textarea>` are kept byte for
/// byte. HTML has no malformed input: only a cancelled run fails.
///
/// Feed the document in chunks of any size, take the output as it grows, then call finish(), as with
/// JsonFormatter and XmlFormatter.
class HtmlFormatter
{
public:
    /// \a cancel, when given, is polled between tokens: setting it stops the work.
    explicit HtmlFormatter(const std::atomic_bool *cancel = nullptr);
    ~HtmlFormatter();
    HtmlFormatter(const HtmlFormatter &) = delete;
    HtmlFormatter &operator=(const HtmlFormatter &) = delete;

    /// Formats the next piece of the document; false once the work was cancelled.
    bool feed(QByteArrayView chunk);
    /// The formatted text produced so far, handed over.
    QByteArray takeOutput();
    /// Ends the document: the result's output holds what takeOutput() has not taken yet.
    FormatResult finish();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

/// Pretty-prints a whole HTML document with HtmlFormatter.
FormatResult formatHtml(QByteArrayView input, const std::atomic_bool *cancel = nullptr);

} // namespace Sonde
