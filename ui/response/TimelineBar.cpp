#include "response/TimelineBar.h"

#include <QPainter>

namespace Sonde {

TimelineBar::TimelineBar(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void TimelineBar::setSpan(double start, double duration, double total, const QColor &color)
{
    m_start = start;
    m_duration = duration;
    m_total = total;
    m_color = color;
    update();
}

QSize TimelineBar::sizeHint() const
{
    return {240, fontMetrics().height()};
}

QSize TimelineBar::minimumSizeHint() const
{
    return {60, fontMetrics().height()};
}

void TimelineBar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF track = QRectF(rect()).adjusted(0, height() * 0.2, 0, -height() * 0.2);
    QColor trackColor = palette().color(QPalette::Text);
    trackColor.setAlphaF(0.08f);
    painter.setPen(Qt::NoPen);
    painter.setBrush(trackColor);
    painter.drawRoundedRect(track, 2, 2);
    if (m_duration < 0 || m_total <= 0)
        return;
    const double left = track.left() + track.width() * std::clamp(m_start / m_total, 0.0, 1.0);
    // At least two pixels, so a phase of a fraction of a millisecond still shows.
    const double width = std::max(2.0, track.width() * std::clamp(m_duration / m_total, 0.0, 1.0));
    painter.setBrush(m_color);
    painter.drawRoundedRect(QRectF(std::min(left, track.right() - width), track.top(), width, track.height()), 2, 2);
}

} // namespace Sonde
