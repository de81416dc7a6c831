#pragma once

#include <QStringList>

class QIODevice;

/// `sonde-cli format [--type json|xml] [FILE|-]`: pretty-prints a JSON or XML document.
///
/// JSON goes through the streaming JsonFormatter in chunks (no document tree); XML through
/// XmlFormatter. Malformed input is printed unchanged to `out`, the error with its line and column
/// to `err`, and the exit status is 5. `arguments` exclude the program and command names.
int runFormatCommand(const QStringList &arguments);

/// The same, with explicit streams (for tests): `in` is read when no FILE or `-` is given.
int runFormatCommand(const QStringList &arguments, QIODevice &in, QIODevice &out, QIODevice &err);
