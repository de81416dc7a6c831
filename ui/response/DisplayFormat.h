#pragma once

#include <QString>

namespace Sonde {

/// How sizes and durations read in the response viewer.
namespace DisplayFormat {

/// "512 B", "1.2 KB", "34 MB", "1.5 GB" (binary multiples, one decimal below 10).
QString byteSize(qint64 bytes);

/// "0.4 ms", "123 ms", "1.25 s", "2 min 5 s".
QString duration(double milliseconds);

} // namespace DisplayFormat

} // namespace Sonde
