#pragma once

#include <QStringList>

/// `sonde-cli query EXPR [FILE|-] [--type json|xml] [--paths] [--default-ns PREFIX] [--ns PREFIX=URI]...`:
/// evaluates a JSONPath (RFC 9535) or XPath 1.0 expression on a JSON or XML document read from FILE
/// or standard input, and prints each result as one line of JSON. The input type is sniffed (a first
/// non-blank byte '<' means XML) unless --type says it. Returns the process exit code: 0 when the
/// expression was evaluated (even with no result), 2 on a usage error, 4 on an invalid expression,
/// 5 on malformed input.
int runQueryCommand(const QStringList &arguments);
