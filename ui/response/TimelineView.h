#pragma once

#include "model/Exchange.h"

#include <QScrollArea>

namespace Sonde {

/// The Timeline tab: one row per phase (DNS, Connect/TLS, Send, Waiting, Download, Total) with its
/// duration and a bar to scale, then whether the connection was reused, the TLS session and the
/// redirects followed.
class TimelineView : public QScrollArea
{
    Q_OBJECT

public:
    explicit TimelineView(QWidget *parent = nullptr);

    void setExchange(const Exchange &exchange);
    void clear();

    /// The phase rows shown, as "name<TAB>duration" lines (for tests and copying).
    QStringList rowTexts() const;

private:
    QStringList m_rowTexts;
};

} // namespace Sonde
