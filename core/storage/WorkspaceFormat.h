#pragma once

#include "model/Folder.h"
#include "storage/FormatProblem.h"

#include <QByteArray>

#include <optional>

namespace Sonde::WorkspaceFormat {

/// Format version written into workspace.yaml.
constexpr int Version = 1;

// Canonical text of each kind of file (docs/workspace-format.md). Secret variables are written
// without their value.
QByteArray requestToYaml(const Request &request);
QByteArray folderToYaml(const Folder &folder);
QByteArray environmentToYaml(const Environment &environment);
QByteArray workspaceToYaml(const Workspace &workspace);

// Parsing: nullopt with `problem` filled when the text is not a file of that kind; unknown keys are
// reported in `warnings` and ignored.
std::optional<Request> requestFromYaml(const QByteArray &text, FormatProblem *problem,
                                       FormatProblems *warnings = nullptr);
/// Reads a folder's settings into `folder` (its requests and sub-folders are left alone).
bool folderFromYaml(const QByteArray &text, Folder *folder, FormatProblem *problem,
                    FormatProblems *warnings = nullptr);
std::optional<Environment> environmentFromYaml(const QByteArray &text, FormatProblem *problem,
                                               FormatProblems *warnings = nullptr);
/// Reads the workspace file's name and globals into `workspace`.
bool workspaceFromYaml(const QByteArray &text, Workspace *workspace, FormatProblem *problem,
                       FormatProblems *warnings = nullptr);

/// A file or directory name for `name`: characters that are not allowed or not portable replaced,
/// no leading dot, at most 80 characters. Never empty.
QString fileNameFor(const QString &name);

} // namespace Sonde::WorkspaceFormat
