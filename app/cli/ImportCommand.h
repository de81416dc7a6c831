#pragma once

#include <QStringList>

/// `sonde-cli import FILE [--format auto|curl|har|postman|insomnia|openapi] [--out DIR] [--name NAME]`: reads
/// FILE (or stdin for `-`) and prints the imported collection as JSON, or with --out writes it into a
/// workspace. Returns 0 on success, 2 on a usage error, 3 when FILE cannot be read or DIR written, 5 when the
/// input is not valid for its format (the message names the line or JSON path).
int runImportCommand(const QStringList &arguments);

/// `sonde-cli export --workspace DIR [COLLECTION[/FOLDER…[/REQUEST]]] --format curl|har [--multiline]`:
/// prints saved requests as curl commands or as a HAR log. Returns 0, 1 when the path names nothing,
/// 2 on a usage error, 3 when the workspace cannot be loaded.
int runExportCommand(const QStringList &arguments);
