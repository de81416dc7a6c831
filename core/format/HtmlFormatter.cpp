#include "format/HtmlFormatter.h"

#include <QList>
#include <algorithm>
#include <array>

namespace Sonde {

namespace {

/// An element kept on one line when its only content is a text this short.
constexpr qsizetype InlineTextBytes = 80;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool isLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isOneOf(QByteArrayView name, std::initializer_list<const char *> names)
{
    return std::any_of(
        names.begin(), names.end(), [name](const char *n) { return name == QByteArrayView(n); });
}

bool isVoid(QByteArrayView name)
{
    return isOneOf(name,
        {"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
            "source", "track", "wbr"});
}

/// Elements whose content is kept byte for byte, up to their end tag.
bool isVerbatim(QByteArrayView name)
{
    return isOneOf(name, {"script", "style", "pre", "textarea"});
}

/// Elements that end an open <p> when they start.
bool closesParagraph(QByteArrayView name)
{
    return isOneOf(name,
        {"address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption",
            "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main",
            "menu", "nav", "ol", "p", "pre", "section", "table", "ul"});
}

/// Collapses every run of whitespace to one space and trims both ends.
QByteArray collapsed(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size());
    bool space = false;
    for (const char c : text) {
        if (isSpace(c)) {
            space = !out.isEmpty();
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += c;
    }
    return out;
}

/// A tag with its runs of whitespace outside quoted values made one space (a tag may span lines).
QByteArray normalizedTag(QByteArrayView tag)
{
    QByteArray out;
    out.reserve(tag.size());
    char quote = 0;
    bool space = false;
    for (const char c : tag) {
        if (quote) {
            out += c;
            if (c == quote)
                quote = 0;
            continue;
        }
        if (isSpace(c)) {
            space = true;
            continue;
        }
        if (space && c != '>')
            out += ' ';
        space = false;
        if ((c == '"' || c == '\'') && !out.isEmpty() && out.back() == '=')
            quote = c;
        out += c;
    }
    return out;
}

/// The lower-case name of the tag in `tag` ("<DIV class=x>" → "div", "</p>" → "p").
QByteArray tagName(QByteArrayView tag)
{
    qsizetype i = tag.startsWith("</") ? 2 : 1;
    const qsizetype start = i;
    while (i < tag.size() && !isSpace(tag[i]) && tag[i] != '>' && tag[i] != '/')
        ++i;
    return tag.sliced(start, i - start).toByteArray().toLower();
}

} // namespace

struct HtmlFormatter::Private
{
    const std::atomic_bool *cancel = nullptr;
    bool cancelled = false;
    QByteArray input; // what is not processed yet: an incomplete token at most
    QByteArray output;
    QList<QByteArray> open; // names of the open elements, outermost first
    // The last start tag, not written yet: it goes on one line with its text when its end tag follows.
    QByteArray pendingTag;
    QByteArray pendingText;
    bool hasPending = false;
    // Inside <script>, <style>, <pre> or <textarea>: its name, and the start tag that opened it.
    QByteArray verbatim;
    QByteArray verbatimTag;

    void line(qsizetype depth, QByteArrayView text)
    {
        if (!output.isEmpty() || wroteLine)
            output += '\n';
        wroteLine = true;
        output.append(2 * std::min<qsizetype>(depth, 100), ' ');
        output += text;
    }
    bool wroteLine = false;

    qsizetype depth() const { return open.size(); }

    void flushPending()
    {
        if (!hasPending)
            return;
        hasPending = false;
        line(depth() - 1, pendingTag);
        if (!pendingText.isEmpty())
            line(depth(), pendingText);
        pendingTag.clear();
        pendingText.clear();
    }

    void text(QByteArrayView raw)
    {
        const QByteArray text = collapsed(raw);
        if (text.isEmpty())
            return;
        if (hasPending && pendingText.isEmpty() && text.size() <= InlineTextBytes) {
            pendingText = text;
            return;
        }
        flushPending();
        line(depth(), text);
    }

    /// Pops open elements until `name` is gone; nothing when it is not open.
    bool close(QByteArrayView name)
    {
        for (qsizetype i = open.size() - 1; i >= 0; --i) {
            if (open.at(i) == name) {
                open.resize(i);
                return true;
            }
        }
        return false;
    }

    /// The end tags HTML implies before `name` starts.
    void impliedEnds(QByteArrayView name)
    {
        const auto topIs = [this](std::initializer_list<const char *> names) {
            return !open.isEmpty() && isOneOf(open.constLast(), names);
        };
        const auto popWhile = [this, &topIs](std::initializer_list<const char *> names) {
            while (topIs(names))
                open.removeLast();
        };
        if (closesParagraph(name))
            popWhile({"p"});
        if (name == "li")
            popWhile({"li"});
        if (name == "dt" || name == "dd")
            popWhile({"dt", "dd"});
        if (name == "option" || name == "optgroup")
            popWhile({"option"});
        const bool cell = name == "td" || name == "th";
        const bool row = name == "tr";
        const bool section = isOneOf(name, {"thead", "tbody", "tfoot"});
        if (cell || row || section)
            popWhile({"td", "th"});
        if (row || section)
            popWhile({"tr"});
        if (section)
            popWhile({"thead", "tbody", "tfoot"});
    }

    void startTag(QByteArrayView tag)
    {
        const QByteArray name = tagName(tag);
        if (hasPending) {
            // An element whose end tag HTML lets out ("<li>one<li>two"): with its text on one line.
            const QList<QByteArray> before = open;
            impliedEnds(name);
            const bool pendingClosed = open.size() < before.size();
            open = before;
            if (pendingClosed) {
                hasPending = false;
                line(depth() - 1, QByteArray(pendingTag + pendingText));
                pendingTag.clear();
                pendingText.clear();
            }
        }
        flushPending();
        impliedEnds(name);
        const bool selfClosing = tag.endsWith("/>");
        if (isVoid(name) || selfClosing) {
            line(depth(), tag);
            return;
        }
        if (isVerbatim(name)) {
            verbatim = name;
            verbatimTag = tag.toByteArray();
            return;
        }
        open.append(name);
        pendingTag = tag.toByteArray();
        hasPending = true;
    }

    void endTag(QByteArrayView tag)
    {
        const QByteArray name = tagName(tag);
        if (hasPending && open.constLast() == name) {
            hasPending = false;
            open.removeLast();
            line(depth(), QByteArray(pendingTag + pendingText + tag));
            pendingTag.clear();
            pendingText.clear();
            return;
        }
        if (hasPending && open.contains(name)) {
            // It closes the pending element too ("<li>three</ul>"): that one stays on one line.
            hasPending = false;
            line(depth() - 1, QByteArray(pendingTag + pendingText));
            pendingTag.clear();
            pendingText.clear();
        }
        flushPending();
        close(name); // a stray end tag changes nothing
        line(depth(), tag);
    }

    /// The content of a verbatim element and its end tag, at `end` in the input.
    void verbatimElement(QByteArrayView content, QByteArrayView endTag)
    {
        if (verbatim == "pre" || verbatim == "textarea") {
            // Whitespace is content here: the tags hug it.
            line(depth(), QByteArray(verbatimTag + content + endTag));
        } else {
            // A script or style: its lines as they are, between its tags.
            line(depth(), verbatimTag);
            QByteArrayView body = content;
            while (!body.isEmpty() && (body.front() == '\n' || body.front() == '\r'))
                body = body.sliced(1);
            while (!body.isEmpty() && isSpace(body.back()))
                body.chop(1);
            if (!body.isEmpty()) {
                output += '\n';
                output += body;
            }
            line(depth(), endTag);
        }
        verbatim.clear();
        verbatimTag.clear();
    }

    /// True when the '<' at `at` starts no tag, comment or declaration (a letter, '/' and a letter,
    /// '!' or '?' must follow it), so it is text.
    bool startsText(qsizetype at) const
    {
        const char next = at + 1 < input.size() ? input.at(at + 1) : '\0';
        if (isLetter(next) || next == '!' || next == '?')
            return false;
        return !(next == '/' && at + 2 < input.size() && isLetter(input.at(at + 2)));
    }

    /// Where the tag starting at `from` (a '<') ends, past its '>'; -1 when the input does not hold
    /// it all yet. Quoted attribute values may hold '>'.
    qsizetype tagEnd(qsizetype from) const
    {
        char quote = 0;
        for (qsizetype i = from + 1; i < input.size(); ++i) {
            const char c = input.at(i);
            if (quote) {
                if (c == quote)
                    quote = 0;
            } else if (c == '"' || c == '\'') {
                // Only inside an attribute value: after '='.
                qsizetype j = i - 1;
                while (j > from && isSpace(input.at(j)))
                    --j;
                if (input.at(j) == '=')
                    quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return -1;
    }

    /// Processes the complete tokens at the start of `input`; with `atEnd`, the rest too.
    void process(bool atEnd)
    {
        qsizetype pos = 0;
        while (pos < input.size()) {
            if (cancel && cancel->load(std::memory_order_relaxed)) {
                cancelled = true;
                return;
            }
            if (!verbatim.isEmpty()) {
                const QByteArray close = "</" + verbatim;
                qsizetype at = pos;
                qsizetype found = -1;
                while ((at = input.indexOf('<', at)) >= 0) {
                    if (at + close.size() > input.size())
                        break;
                    if (QByteArrayView(input).sliced(at, close.size()).compare(close, Qt::CaseInsensitive)
                        == 0) {
                        found = at;
                        break;
                    }
                    ++at;
                }
                const qsizetype end = found >= 0 ? tagEnd(found) : -1;
                if (end < 0) {
                    if (atEnd) { // never closed: what is left is its content
                        verbatimElement(QByteArrayView(input).sliced(pos), {});
                        pos = input.size();
                    }
                    break;
                }
                verbatimElement(QByteArrayView(input).sliced(pos, found - pos),
                    QByteArrayView(input).sliced(found, end - found));
                pos = end;
                continue;
            }
            if (input.at(pos) != '<' || startsText(pos)) {
                // Text runs to the next '<' that starts a tag or a comment: "1 < 2" is text.
                qsizetype end = pos;
                bool complete = false;
                while ((end = input.indexOf('<', end + 1)) >= 0) {
                    if (end + 2 >= input.size() && !atEnd)
                        break; // cannot tell yet what this '<' starts
                    if (!startsText(end)) {
                        complete = true;
                        break;
                    }
                }
                if (!complete && !atEnd)
                    break; // the text may go on in the next chunk
                if (!complete)
                    end = input.size();
                text(QByteArrayView(input).sliced(pos, end - pos));
                pos = end;
                continue;
            }
            // A '<': what follows says what it is.
            if (pos + 1 >= input.size() && !atEnd)
                break;
            const char next = pos + 1 < input.size() ? input.at(pos + 1) : '\0';
            if (next == '!' && input.mid(pos, 4) == "<!--") {
                const qsizetype end = input.indexOf("-->", pos + 4);
                if (end < 0 && !atEnd)
                    break;
                const qsizetype stop = end < 0 ? input.size() : end + 3;
                flushPending();
                line(depth(), QByteArrayView(input).sliced(pos, stop - pos));
                pos = stop;
                continue;
            }
            if (next == '!' && pos + 4 > input.size() && !atEnd)
                break; // may still become a comment
            if (next == '/' && pos + 2 >= input.size() && !atEnd)
                break;
            const qsizetype end = tagEnd(pos);
            if (end < 0) {
                if (!atEnd)
                    break;
                text(QByteArrayView(input).sliced(pos)); // an unfinished tag at the end: as text
                pos = input.size();
                continue;
            }
            const QByteArray token = normalizedTag(QByteArrayView(input).sliced(pos, end - pos));
            if (next == '!' || next == '?') {
                flushPending();
                line(depth(), token);
            } else if (next == '/') {
                endTag(token);
            } else {
                startTag(token);
            }
            pos = end;
        }
        input.remove(0, pos);
    }
};

HtmlFormatter::HtmlFormatter(const std::atomic_bool *cancel)
    : d(std::make_unique<Private>())
{
    d->cancel = cancel;
}

HtmlFormatter::~HtmlFormatter() = default;

bool HtmlFormatter::feed(QByteArrayView chunk)
{
    if (d->cancelled)
        return false;
    d->input += chunk;
    d->process(false);
    return !d->cancelled;
}

QByteArray HtmlFormatter::takeOutput()
{
    return std::exchange(d->output, {});
}

FormatResult HtmlFormatter::finish()
{
    FormatResult result;
    if (!d->cancelled)
        d->process(true);
    if (d->cancelled) {
        result.cancelled = true;
        result.error = QStringLiteral("Cancelled");
        return result;
    }
    d->flushPending();
    result.ok = true;
    result.output = std::exchange(d->output, {});
    return result;
}

FormatResult formatHtml(QByteArrayView input, const std::atomic_bool *cancel)
{
    HtmlFormatter formatter(cancel);
    formatter.feed(input);
    QByteArray output = formatter.takeOutput();
    FormatResult result = formatter.finish();
    if (result.ok)
        result.output = output + result.output;
    else if (!result.cancelled)
        result.output = input.toByteArray();
    return result;
}

} // namespace Sonde
