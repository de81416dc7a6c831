#pragma once

#include "editor/CodeEditor.h"

#include <QByteArrayView>
#include <QString>

namespace Sonde {

/// What a response body is, from its Content-Type and its first bytes. Plain functions: they run in
/// worker threads.
namespace BodySniffer {

/// The image format of a body ("png", "jpeg", "gif", "webp", "svg", "bmp", "ico"), or an empty
/// string when it is not an image. Magic bytes win over the Content-Type; SVG is recognised by
/// `image/svg+xml` or an `<svg` root near the start.
QByteArray imageFormat(const QString &contentType, QByteArrayView head);

/// The language a text body is shown in. The Content-Type decides, unless it is missing, generic
/// (text/plain, application/octet-stream) or contradicted by the first non-blank byte: `{` or `[`
/// means JSON, `<?xml` or `<` XML, `<!DOCTYPE html` or `<html` HTML.
CodeEditor::Language language(const QString &contentType, QByteArrayView head);

} // namespace BodySniffer

} // namespace Sonde
