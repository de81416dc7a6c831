#include "response/DisplayFormat.h"

#include <cmath>

namespace Sonde::DisplayFormat {

QString byteSize(qint64 bytes)
{
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    static const char *const units[] = {"KB", "MB", "GB", "TB"};
    double value = double(bytes);
    int unit = -1;
    while (value >= 1024 && unit < 3) {
        value /= 1024;
        ++unit;
    }
    const QString number = value < 10 ? QString::number(value, 'f', 1) : QString::number(std::round(value), 'f', 0);
    return number + u' ' + QLatin1StringView(units[unit]);
}

QString duration(double milliseconds)
{
    if (milliseconds < 0)
        return QStringLiteral("–");
    if (milliseconds < 10)
        return QString::number(milliseconds, 'f', 1) + QStringLiteral(" ms");
    if (milliseconds < 1000)
        return QString::number(std::round(milliseconds), 'f', 0) + QStringLiteral(" ms");
    if (milliseconds < 60'000)
        return QString::number(milliseconds / 1000, 'f', 2) + QStringLiteral(" s");
    const qint64 seconds = qint64(std::round(milliseconds / 1000));
    return QStringLiteral("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
}

} // namespace Sonde::DisplayFormat
