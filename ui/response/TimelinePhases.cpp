#include "response/TimelinePhases.h"

#include <QCoreApplication>

namespace Sonde {

QList<TimelinePhase> timelinePhases(const Timings &timings, bool tls)
{
    using Kind = TimelinePhase::Kind;
    const auto tr = [](const char *text) { return QCoreApplication::translate("Sonde::TimelineView", text); };
    QList<TimelinePhase> phases{
        {Kind::Dns, tr("DNS lookup"), 0, timings.dns},
        {Kind::Connect, tls ? tr("Connect + TLS") : tr("Connect"), 0, timings.connect},
        {Kind::Send, tr("Send"), 0, timings.send},
        {Kind::Wait, tr("Waiting (TTFB)"), 0, timings.wait},
        {Kind::Download, tr("Download"), 0, timings.download},
    };
    double at = 0;
    for (TimelinePhase &phase : phases) {
        phase.start = at;
        if (phase.happened())
            at += phase.duration;
    }
    phases.append({Kind::Total, tr("Total"), 0, timings.total >= 0 ? timings.total : at});
    return phases;
}

} // namespace Sonde
