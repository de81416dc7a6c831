#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace Sonde {

/// One item of an XPath result: a node of the document, or the scalar an expression like
/// `count(//item)` or `string(/a/@id)` evaluates to.
struct XPathItem
{
    enum class Kind { Node, String, Number, Boolean };
    Kind kind = Kind::String;
    /// Node: the node as XML text (`<b>x</b>`, `id="5"`, `a &amp; b` for a text node);
    /// String: the string; Number: XPath's string form ("3", "0.5", "NaN", "Infinity");
    /// Boolean: "true" or "false".
    QString text;
    double number = 0;
    bool boolean = false;
};

/// The outcome of XPathQuery::evaluate(): the items, or why there are none.
struct XPathResult
{
    enum class Error {
        None,
        MalformedDocument, ///< the XML is not well-formed, or is an entity-expansion attack
        InvalidExpression, ///< the XPath expression does not compile or cannot be evaluated
    };
    QList<XPathItem> items;
    Error error = Error::None;
    /// The problem in words, e.g. "Malformed XML at line 3, column 7: Opening and ending tag
    /// mismatch: b line 2 and a".
    QString errorMessage;
    /// For MalformedDocument: where the problem is (1-based), or 0 when unknown.
    int errorLine = 0;
    int errorColumn = 0;

    bool ok() const { return error == Error::None; }
};

/// Namespace bindings for the prefixes an XPath expression uses.
///
/// Every namespace declared on the document's root element is bound to its own prefix. XPath 1.0
/// has no default namespace for names in expressions, so the root's default namespace
/// (`xmlns="…"`) is reachable only through a prefix of the caller's choosing: with
/// `defaultNamespacePrefix = "d"`, `//d:item` selects the `item` elements of that namespace.
struct XPathOptions
{
    QString defaultNamespacePrefix;
    /// Further prefix → namespace URI bindings; they take precedence over the root's.
    QHash<QString, QString> namespaces;
};

/// XPath 1.0 over XML documents, through libxml2.
///
/// The document is parsed without network access, without loading external DTDs or external
/// entities, and without substituting entities (XXE-safe); documents whose internal entities would
/// expand beyond a few megabytes ("billion laughs") are refused. Documents larger than libxml2's
/// default limits are accepted. Safe to call from any thread.
class XPathQuery
{
public:
    static XPathResult evaluate(
        const QByteArray &document, const QString &expression, const XPathOptions &options = {});
};

} // namespace Sonde
