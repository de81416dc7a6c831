#include "storage/FormatProblem.h"

namespace Sonde {

QString FormatProblem::toString() const
{
    QString where = path;
    if (line > 0) {
        where += u':' + QString::number(line);
        if (column > 0)
            where += u':' + QString::number(column);
    }
    return (where.isEmpty() ? QString() : where + QStringLiteral(": ")) + (warning ? QStringLiteral("warning: ") : QString())
        + message;
}

} // namespace Sonde
