#include "response/ResponseSummary.h"

#include "response/DisplayFormat.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

namespace Sonde {

QColor statusColor(int statusCode, bool darkBackground)
{
    switch (statusCode / 100) {
    case 1:
    case 2: return darkBackground ? QColor(0x6c, 0xd4, 0x7e) : QColor(0x1b, 0x7f, 0x37);
    case 3: return darkBackground ? QColor(0x6c, 0xb6, 0xff) : QColor(0x0b, 0x5c, 0xc4);
    case 4: return darkBackground ? QColor(0xff, 0xb0, 0x4d) : QColor(0xb3, 0x5c, 0x00);
    default: return darkBackground ? QColor(0xff, 0x7b, 0x72) : QColor(0xc6, 0x28, 0x28);
    }
}

QString responseSizeText(const Sizes &sizes)
{
    QString text = DisplayFormat::byteSize(sizes.decodedBodyBytes);
    if (!sizes.contentEncoding.isEmpty()) {
        text += QStringLiteral(" (%1 %2 on the wire)")
                    .arg(QString::fromLatin1(sizes.contentEncoding), DisplayFormat::byteSize(sizes.wireBodyBytes));
    }
    return text;
}

ResponseSummary::ResponseSummary(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_time(new QLabel(this))
    , m_size(new QLabel(this))
{
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    for (QLabel *label : {m_status, m_time, m_size})
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_time->setToolTip(tr("Total time"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(18);
    layout->addWidget(m_status);
    layout->addWidget(m_time);
    layout->addWidget(m_size);
    layout->addStretch(1);
}

void ResponseSummary::setExchange(const Exchange &exchange)
{
    m_error = !exchange.hasResponse();
    if (exchange.hasResponse()) {
        const ResponseHead &head = *exchange.response;
        m_statusCode = head.statusCode;
        m_status->setText(QString::number(head.statusCode) + u' ' + QString::fromLatin1(head.reasonPhrase));
        m_size->setText(responseSizeText(exchange.sizes));
        m_size->setToolTip(tr("Body %1, headers %2")
                               .arg(DisplayFormat::byteSize(exchange.sizes.decodedBodyBytes),
                                    DisplayFormat::byteSize(exchange.sizes.headerBytes)));
    } else {
        m_statusCode = 0;
        m_status->setText(tr("No response"));
        m_size->clear();
        m_size->setToolTip({});
    }
    m_time->setText(DisplayFormat::duration(exchange.timings.total));
    updateStatusColor();
}

void ResponseSummary::clear()
{
    m_statusCode = 0;
    m_error = false;
    for (QLabel *label : {m_status, m_time, m_size})
        label->clear();
}

QString ResponseSummary::statusText() const
{
    return m_status->text();
}

QString ResponseSummary::timeText() const
{
    return m_time->text();
}

QString ResponseSummary::sizeText() const
{
    return m_size->text();
}

void ResponseSummary::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateStatusColor();
}

void ResponseSummary::updateStatusColor()
{
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    QPalette statusPalette = m_status->palette();
    statusPalette.setColor(QPalette::WindowText, statusColor(m_error ? 500 : m_statusCode, dark));
    m_status->setPalette(statusPalette);
}

} // namespace Sonde
