#pragma once

#include <QColor>
#include <QWidget>

namespace Sonde {

/// A horizontal bar for one timeline phase: the span [start, start + duration] of a total, drawn
/// to scale across the widget's width.
class TimelineBar : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineBar(QWidget *parent = nullptr);

    void setSpan(double start, double duration, double total, const QColor &color);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    double m_start = 0;
    double m_duration = -1;
    double m_total = 0;
    QColor m_color;
};

} // namespace Sonde
