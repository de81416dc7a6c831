#pragma once

#include "editor/TextDocument.h"
#include "model/BodyData.h"

#include <QString>

#include <atomic>
#include <memory>

namespace Sonde {

/// What BodyView asks a worker to filter: the body, the query language and expression, and the
/// document to fill with the matches (created on the UI thread, as Scintilla requires).
struct BodyFilterRequest
{
    enum class Syntax { JsonPath, XPath };

    BodyData body;
    QString contentType;
    Syntax syntax = Syntax::JsonPath;
    QString expression;
    TextDocument document;
    std::shared_ptr<std::atomic_bool> cancel;
};

/// The matches of a filter, or why there are none.
struct BodyFilterResult
{
    bool ok = false;
    bool cancelled = false;
    /// The problem in words ("Invalid JSONPath: unexpected ']' at offset 7"); empty on success.
    QString error;
    /// How many values (JSONPath) or items (XPath) matched.
    qsizetype matches = 0;
    /// JSONPath: the matched values as one pretty JSON array; XPath: the matched nodes (or the
    /// scalar result), one per line.
    TextDocument document;
};

/// Evaluates a JSONPath or XPath filter over a body. Runs in a worker thread; polls `request.cancel`
/// between steps.
BodyFilterResult filterBody(BodyFilterRequest request);

} // namespace Sonde
