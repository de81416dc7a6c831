#pragma once

#include <QList>
#include <QString>

namespace Sonde {

/// Something wrong with a workspace file, in words, with where it is (1-based line and column; 0 when
/// not known). A problem that is only a warning leaves the file loaded.
struct FormatProblem
{
    QString path;
    int line = 0;
    int column = 0;
    QString message;
    bool warning = false;

    /// "path:line:column: message", for logs and the command line.
    QString toString() const;
};

using FormatProblems = QList<FormatProblem>;

} // namespace Sonde
