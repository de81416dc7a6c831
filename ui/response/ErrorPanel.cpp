#include "response/ErrorPanel.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Sonde {

ErrorPanel::ErrorPanel(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_message(new QLabel(this))
    , m_detailList(new QLabel(this))
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    for (QLabel *label : {m_title, m_message, m_detailList}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_detailList->setTextFormat(Qt::PlainText);
    m_message->setTextFormat(Qt::PlainText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 14, 16, 14);
    layout->setSpacing(8);
    layout->addWidget(m_title);
    layout->addWidget(m_message);
    layout->addWidget(m_detailList);
    layout->addStretch(1);
}

void ErrorPanel::setError(const TransportError &error, bool partialResponse)
{
    const bool cancelled = error.kind == TransportError::Kind::Cancelled;
    if (partialResponse)
        m_title->setText(cancelled ? tr("Cancelled: the response is incomplete") : tr("The response is incomplete"));
    else
        m_title->setText(cancelled ? tr("Request cancelled") : tr("Could not get a response"));
    m_message->setText(error.message);
    m_details = error.details;
    QStringList bullets;
    for (const QString &detail : error.details)
        bullets << QStringLiteral("•  ") + detail;
    m_detailList->setText(bullets.join(u'\n'));
    m_detailList->setVisible(!bullets.isEmpty());
    setSizePolicy(QSizePolicy::Preferred, partialResponse ? QSizePolicy::Maximum : QSizePolicy::Expanding);
}

QString ErrorPanel::title() const
{
    return m_title->text();
}

QString ErrorPanel::message() const
{
    return m_message->text();
}

} // namespace Sonde
