#pragma once

#include "model/Exchange.h"

#include <QList>
#include <QString>

namespace Sonde {

/// One row of the Timeline tab: a phase of the exchange placed on the time axis (milliseconds from
/// the start). A phase that did not happen has a negative duration.
struct TimelinePhase
{
    enum class Kind { Dns, Connect, Send, Wait, Download, Total };

    Kind kind;
    QString name;
    double start = 0;
    double duration = -1;

    bool happened() const { return duration >= 0; }
};

/// The rows for `timings`: DNS, Connect (or "Connect + TLS"), Send, Waiting (TTFB), Download, Total.
QList<TimelinePhase> timelinePhases(const Timings &timings, bool tls);

} // namespace Sonde
