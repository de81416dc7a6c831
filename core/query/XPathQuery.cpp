#include "XPathQuery.h"

#include <climits>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <libxml/SAX2.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <memory>

namespace Sonde {

namespace {

// XML_PARSE_HUGE lifts libxml2's size limits for big responses but, in libxml2 2.9, also its
// entity-amplification check; these limits take its place. No legitimate API response comes near.
constexpr qint64 MaxEntityExpansion = 16 * 1024 * 1024;
constexpr qint64 MaxTotalEntityExpansion = 64 * 1024 * 1024;
constexpr int MaxEntityNesting = 40;

// No XML_PARSE_NOENT (entities stay references), no XML_PARSE_DTDLOAD/DTDVALID (nothing external is
// read), XML_PARSE_NONET (nor fetched); errors come through the handler below, not stderr.
constexpr int ParseOptions = XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;

struct DocFree
{
    void operator()(xmlDoc *doc) const { xmlFreeDoc(doc); }
};
struct ParserFree
{
    void operator()(xmlParserCtxt *context) const { xmlFreeParserCtxt(context); }
};
struct XPathContextFree
{
    void operator()(xmlXPathContext *context) const { xmlXPathFreeContext(context); }
};
struct XPathCompFree
{
    void operator()(xmlXPathCompExpr *expression) const { xmlXPathFreeCompExpr(expression); }
};
struct XPathObjectFree
{
    void operator()(xmlXPathObject *object) const { xmlXPathFreeObject(object); }
};
struct XmlFree
{
    void operator()(xmlChar *text) const { xmlFree(text); }
};

QString fromXml(const xmlChar *text)
{
    return text ? QString::fromUtf8(reinterpret_cast<const char *>(text)) : QString();
}

const xmlChar *toXml(const QByteArray &utf8)
{
    return reinterpret_cast<const xmlChar *>(utf8.constData());
}

// What the parse callbacks learn; reached through xmlParserCtxt::_private.
struct ParseState
{
    QString message;
    int line = 0;
    int column = 0;
    bool fatalSeen = false;
    bool refused = false;
    qint64 totalExpansion = 0;
    QHash<QByteArray, qint64> expansion;
};

ParseState &stateOf(void *context)
{
    return *static_cast<ParseState *>(static_cast<xmlParserCtxt *>(context)->_private);
}

void recordParseError(void *context, xmlError *error)
{
    ParseState &state = stateOf(context);
    if (!error || error->level < XML_ERR_ERROR || state.refused || state.fatalSeen)
        return;
    // Keep the first fatal error; an earlier recoverable one (a namespace error) only until then.
    if (!state.message.isEmpty() && error->level != XML_ERR_FATAL)
        return;
    state.fatalSeen = error->level == XML_ERR_FATAL;
    state.message = QString::fromUtf8(error->message).trimmed();
    state.line = error->line;
    state.column = error->int2;
}

// The size in bytes entity `name` expands to, all nested references included, saturated just
// above MaxEntityExpansion (also for a reference loop, which libxml2 reports on its own).
qint64 expandedSize(xmlDoc *doc, const QByteArray &name, QHash<QByteArray, qint64> &memo, int depth)
{
    if (const auto known = memo.constFind(name); known != memo.constEnd())
        return *known;
    if (depth > MaxEntityNesting)
        return MaxEntityExpansion + 1;
    const xmlEntity *entity = doc ? xmlGetDocEntity(doc, toXml(name)) : nullptr;
    qint64 size = 0;
    if (entity && entity->etype == XML_INTERNAL_PREDEFINED_ENTITY) {
        size = 1;
    } else if (entity && entity->etype == XML_INTERNAL_GENERAL_ENTITY && entity->content) {
        memo.insert(name, MaxEntityExpansion + 1);
        const char *text = reinterpret_cast<const char *>(entity->content);
        while (*text && size <= MaxEntityExpansion) {
            const char *end = text[0] == '&' && text[1] != '#' ? std::strchr(text, ';') : nullptr;
            if (end) {
                size += expandedSize(doc, QByteArray(text + 1, end - text - 1), memo, depth + 1);
                text = end + 1;
            } else {
                ++size;
                ++text;
            }
        }
    }
    // External entities expand to nothing: they are never loaded.
    size = std::min(size, MaxEntityExpansion + 1);
    memo.insert(name, size);
    return size;
}

void entityDeclared(void *context, const xmlChar *name, int type, const xmlChar *publicId,
    const xmlChar *systemId, xmlChar *content)
{
    xmlSAX2EntityDecl(context, name, type, publicId, systemId, content);
    stateOf(context).expansion.clear(); // a new declaration can change what earlier ones expand to
}

// Every entity reference, in content, attribute values or other entities, is looked up here
// before libxml2 expands it: the place to stop an expansion attack before it costs anything.
xmlEntity *entityLookedUp(void *context, const xmlChar *name)
{
    xmlEntity *entity = xmlSAX2GetEntity(context, name);
    ParseState &state = stateOf(context);
    if (!entity || entity->etype != XML_INTERNAL_GENERAL_ENTITY || state.refused)
        return state.refused ? nullptr : entity;
    auto *parser = static_cast<xmlParserCtxt *>(context);
    const QByteArray entityName(reinterpret_cast<const char *>(name));
    const qint64 size = expandedSize(parser->myDoc, entityName, state.expansion, 0);
    state.totalExpansion += size;
    if (size <= MaxEntityExpansion && state.totalExpansion <= MaxTotalEntityExpansion)
        return entity;
    state.refused = true;
    state.message = QStringLiteral("Entity '%1' expands to more than %2 MiB in all: refused as an "
                                   "entity-expansion attack")
                        .arg(QString::fromUtf8(entityName))
                        .arg(MaxTotalEntityExpansion / (1024 * 1024));
    state.line = xmlSAX2GetLineNumber(context);
    state.column = xmlSAX2GetColumnNumber(context);
    xmlStopParser(parser);
    return nullptr;
}

void initLibxml()
{
    static const bool initialised = [] {
        xmlInitParser();
        return true;
    }();
    Q_UNUSED(initialised)
}

std::unique_ptr<xmlDoc, DocFree> parseDocument(const QByteArray &document, XPathResult &result)
{
    const auto fail = [&result](const QString &message, int line, int column) {
        result.error = XPathResult::Error::MalformedDocument;
        result.errorLine = line;
        result.errorColumn = column;
        result.errorMessage = line > 0
            ? QStringLiteral("Malformed XML at line %1, column %2: %3").arg(line).arg(column).arg(message)
            : QStringLiteral("Malformed XML: ") + message;
        return nullptr;
    };
    if (document.size() > INT_MAX)
        return fail(QStringLiteral("the document is larger than 2 GiB"), 0, 0);
    std::unique_ptr<xmlParserCtxt, ParserFree> parser(xmlNewParserCtxt());
    if (!parser)
        return fail(QStringLiteral("out of memory"), 0, 0);
    ParseState state;
    parser->_private = &state;
    parser->sax->serror = &recordParseError;
    parser->sax->entityDecl = &entityDeclared;
    parser->sax->getEntity = &entityLookedUp;
    std::unique_ptr<xmlDoc, DocFree> doc(xmlCtxtReadMemory(
        parser.get(), document.constData(), int(document.size()), nullptr, nullptr, ParseOptions));
    if (doc && !state.refused)
        return doc;
    if (state.message.isEmpty())
        state.message = QStringLiteral("the document could not be parsed");
    return fail(state.message, state.line, state.column);
}

// libxml2 2.9 hands XPath errors over with a code but no message.
QString xpathErrorText(int code)
{
    switch (code) {
    case XML_XPATH_NUMBER_ERROR:
        return QStringLiteral("Malformed number");
    case XML_XPATH_UNFINISHED_LITERAL_ERROR:
        return QStringLiteral("Unfinished string literal");
    case XML_XPATH_START_LITERAL_ERROR:
        return QStringLiteral("Expected a string literal");
    case XML_XPATH_VARIABLE_REF_ERROR:
        return QStringLiteral("Expected a variable name after '$'");
    case XML_XPATH_UNDEF_VARIABLE_ERROR:
        return QStringLiteral("Undefined variable");
    case XML_XPATH_INVALID_PREDICATE_ERROR:
        return QStringLiteral("Invalid predicate");
    case XML_XPATH_UNCLOSED_ERROR:
        return QStringLiteral("Missing closing bracket");
    case XML_XPATH_UNKNOWN_FUNC_ERROR:
        return QStringLiteral("Unknown function");
    case XML_XPATH_INVALID_OPERAND:
        return QStringLiteral("Invalid operand");
    case XML_XPATH_INVALID_TYPE:
        return QStringLiteral("Wrong type of argument");
    case XML_XPATH_INVALID_ARITY:
        return QStringLiteral("Wrong number of arguments");
    case XML_XPATH_MEMORY_ERROR:
        return QStringLiteral("Out of memory");
    case XML_XPATH_UNDEF_PREFIX_ERROR:
        return QStringLiteral("Undefined namespace prefix");
    case XML_XPATH_ENCODING_ERROR:
        return QStringLiteral("Invalid character encoding");
    case XML_XPATH_INVALID_CHAR_ERROR:
        return QStringLiteral("Character out of the XML range");
    default:
        return QStringLiteral("Invalid expression");
    }
}

struct XPathErrorState
{
    QString message;
    QString detail;
    bool compiling = true;
};

void recordXPathError(void *userData, xmlError *error)
{
    auto *state = static_cast<XPathErrorState *>(userData);
    if (!state->message.isEmpty() || !error)
        return;
    state->message = xpathErrorText(error->code);
    // Offsets are meaningful while compiling only; at evaluation libxml2 reports 0.
    if (state->compiling) {
        const QByteArray expression(error->str1 ? error->str1 : "");
        const qsizetype offset = QString::fromUtf8(expression.left(error->int1)).size();
        state->message += QStringLiteral(" at offset ") + QString::number(offset);
    }
}

// libxml2 writes a few details (an unknown function's name) through its generic error function,
// to stderr by default; they belong in the message instead.
void recordXPathDetail(void *userData, const char *format, ...)
{
    char text[512];
    va_list arguments;
    va_start(arguments, format);
    std::vsnprintf(text, sizeof text, format, arguments);
    va_end(arguments);
    auto *state = static_cast<XPathErrorState *>(userData);
    QString detail = QString::fromUtf8(text).trimmed();
    const qsizetype colon = detail.indexOf(QStringLiteral(": "));
    if (detail.startsWith(u"xmlXPath") && colon > 0)
        detail.remove(0, colon + 2);
    if (state->detail.isEmpty())
        state->detail = detail;
}

// Routes libxml2's (per-thread) generic error function to an XPathErrorState while alive.
class GenericErrorCapture
{
public:
    explicit GenericErrorCapture(XPathErrorState *state)
        : m_function(xmlGenericError)
        , m_context(xmlGenericErrorContext)
    {
        xmlSetGenericErrorFunc(state, &recordXPathDetail);
    }
    ~GenericErrorCapture() { xmlSetGenericErrorFunc(m_context, m_function); }
    GenericErrorCapture(const GenericErrorCapture &) = delete;
    GenericErrorCapture &operator=(const GenericErrorCapture &) = delete;

private:
    xmlGenericErrorFunc m_function;
    void *m_context;
};

void registerNamespaces(xmlXPathContext *context, xmlDoc *doc, const XPathOptions &options)
{
    if (const xmlNode *root = xmlDocGetRootElement(doc)) {
        for (const xmlNs *ns = root->nsDef; ns; ns = ns->next) {
            if (ns->prefix)
                xmlXPathRegisterNs(context, ns->prefix, ns->href);
            else if (!options.defaultNamespacePrefix.isEmpty())
                xmlXPathRegisterNs(context, toXml(options.defaultNamespacePrefix.toUtf8()), ns->href);
        }
    }
    for (auto it = options.namespaces.constBegin(); it != options.namespaces.constEnd(); ++it)
        xmlXPathRegisterNs(context, toXml(it.key().toUtf8()), toXml(it.value().toUtf8()));
}

QString serializeNode(xmlDoc *doc, xmlNode *node)
{
    if (node->type == XML_NAMESPACE_DECL) {
        // libxml2 hands namespace nodes over as xmlNs, which xmlNodeDump cannot write.
        const auto *ns = reinterpret_cast<const xmlNs *>(node);
        const QString name
            = ns->prefix ? QStringLiteral("xmlns:") + fromXml(ns->prefix) : QStringLiteral("xmlns");
        return name + QStringLiteral("=\"") + fromXml(ns->href) + u'"';
    }
    std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> buffer(xmlBufferCreate(), &xmlBufferFree);
    if (!buffer || xmlNodeDump(buffer.get(), doc, node, 0, 0) < 0)
        return fromXml(std::unique_ptr<xmlChar, XmlFree>(xmlNodeGetContent(node)).get());
    QString text = fromXml(xmlBufferContent(buffer.get()));
    if (node->type == XML_ATTRIBUTE_NODE && text.startsWith(u' '))
        text.remove(0, 1);
    return text;
}

QList<XPathItem> toItems(xmlDoc *doc, xmlXPathObject *object)
{
    QList<XPathItem> items;
    XPathItem item;
    switch (object->type) {
    case XPATH_NODESET:
        if (object->nodesetval) {
            for (int i = 0; i < object->nodesetval->nodeNr; ++i)
                items.append({XPathItem::Kind::Node, serializeNode(doc, object->nodesetval->nodeTab[i])});
        }
        return items;
    case XPATH_BOOLEAN:
        item.kind = XPathItem::Kind::Boolean;
        item.boolean = object->boolval != 0;
        item.text = item.boolean ? QStringLiteral("true") : QStringLiteral("false");
        break;
    case XPATH_NUMBER:
        item.kind = XPathItem::Kind::Number;
        item.number = object->floatval;
        item.text
            = fromXml(std::unique_ptr<xmlChar, XmlFree>(xmlXPathCastNumberToString(object->floatval)).get());
        break;
    default:
        item.kind = XPathItem::Kind::String;
        item.text = fromXml(std::unique_ptr<xmlChar, XmlFree>(xmlXPathCastToString(object)).get());
        break;
    }
    items.append(item);
    return items;
}

} // namespace

XPathResult XPathQuery::evaluate(
    const QByteArray &document, const QString &expression, const XPathOptions &options)
{
    initLibxml();
    XPathResult result;
    const std::unique_ptr<xmlDoc, DocFree> doc = parseDocument(document, result);
    if (!doc)
        return result;

    const auto invalid = [&result](const QString &message) {
        result.error = XPathResult::Error::InvalidExpression;
        result.errorMessage = message.isEmpty() ? QStringLiteral("Invalid XPath expression") : message;
        return result;
    };
    if (expression.trimmed().isEmpty())
        return invalid(QStringLiteral("The XPath expression is empty"));
    std::unique_ptr<xmlXPathContext, XPathContextFree> context(xmlXPathNewContext(doc.get()));
    if (!context)
        return invalid(QStringLiteral("Out of memory"));
    XPathErrorState errors;
    const GenericErrorCapture capture(&errors);
    context->error = &recordXPathError;
    context->userData = &errors;
    registerNamespaces(context.get(), doc.get(), options);
    const auto message = [&errors] {
        return errors.detail.isEmpty() ? errors.message
                                       : errors.message + QStringLiteral(" (") + errors.detail + u')';
    };

    const QByteArray utf8 = expression.toUtf8();
    const std::unique_ptr<xmlXPathCompExpr, XPathCompFree> compiled(
        xmlXPathCtxtCompile(context.get(), toXml(utf8)));
    if (!compiled)
        return invalid(message());
    errors.compiling = false;
    const std::unique_ptr<xmlXPathObject, XPathObjectFree> object(
        xmlXPathCompiledEval(compiled.get(), context.get()));
    if (!object)
        return invalid(message());
    result.items = toItems(doc.get(), object.get());
    return result;
}

} // namespace Sonde
