#pragma once

#include "model/Exchange.h"

#include <QColor>
#include <QWidget>

class QLabel;

namespace Sonde {

/// The colour of a status code's class (2xx green, 3xx blue, 4xx orange, 5xx red), dark or light
/// enough to read as text on a background of the given darkness.
QColor statusColor(int statusCode, bool darkBackground);

/// "1.2 KB", or "1.2 KB (gzip 400 B on the wire)" for a content-encoded body.
QString responseSizeText(const Sizes &sizes);

/// The line above the response tabs: status code and reason, total time and size.
class ResponseSummary : public QWidget
{
    Q_OBJECT

public:
    explicit ResponseSummary(QWidget *parent = nullptr);

    void setExchange(const Exchange &exchange);
    void clear();

    QString statusText() const;
    QString timeText() const;
    QString sizeText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateStatusColor();

    QLabel *m_status;
    QLabel *m_time;
    QLabel *m_size;
    int m_statusCode = 0;
    bool m_error = false;
};

} // namespace Sonde
