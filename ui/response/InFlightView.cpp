#include "response/InFlightView.h"

#include "response/DisplayFormat.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace Sonde {

InFlightView::InFlightView(QWidget *parent)
    : QWidget(parent)
    , m_what(new QLabel(this))
    , m_elapsed(new QLabel(this))
    , m_progress(new QLabel(this))
    , m_bar(new QProgressBar(this))
{
    m_what->setAlignment(Qt::AlignCenter);
    m_what->setWordWrap(true);
    m_what->setTextFormat(Qt::PlainText);
    m_elapsed->setAlignment(Qt::AlignCenter);
    m_progress->setAlignment(Qt::AlignCenter);
    m_progress->setForegroundRole(QPalette::PlaceholderText);
    m_bar->setTextVisible(false);
    m_bar->setMaximumWidth(320);
    m_bar->setMaximumHeight(6);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_what);
    layout->addWidget(m_bar, 0, Qt::AlignHCenter);
    layout->addWidget(m_elapsed);
    layout->addWidget(m_progress);
    layout->addStretch(1);

    m_ticker.setInterval(100);
    connect(&m_ticker, &QTimer::timeout, this, &InFlightView::updateElapsed);
}

void InFlightView::start(const QString &method, const QUrl &url)
{
    m_what->setText(tr("Sending %1 %2…").arg(method, url.toDisplayString()));
    m_bar->setRange(0, 0); // busy indicator until the size is known
    m_progress->clear();
    m_clock.start();
    m_ticker.start();
    updateElapsed();
}

void InFlightView::setProgress(qint64 received, qint64 total)
{
    if (total > 0) {
        m_bar->setRange(0, 1000);
        m_bar->setValue(int(1000 * std::clamp(double(received) / double(total), 0.0, 1.0)));
        m_progress->setText(tr("Received %1 of %2").arg(DisplayFormat::byteSize(received), DisplayFormat::byteSize(total)));
    } else {
        m_progress->setText(tr("Received %1").arg(DisplayFormat::byteSize(received)));
    }
}

void InFlightView::setUploadProgress(qint64 sent, qint64 total)
{
    if (total <= 0)
        return;
    m_bar->setRange(0, 1000);
    m_bar->setValue(int(1000 * std::clamp(double(sent) / double(total), 0.0, 1.0)));
    m_progress->setText(sent < total
            ? tr("Sent %1 of %2").arg(DisplayFormat::byteSize(sent), DisplayFormat::byteSize(total))
            : tr("Sent %1; waiting for the response").arg(DisplayFormat::byteSize(total)));
}

void InFlightView::stop()
{
    m_ticker.stop();
}

QString InFlightView::progressText() const
{
    return m_progress->text();
}

void InFlightView::updateElapsed()
{
    m_elapsed->setText(DisplayFormat::duration(double(m_clock.elapsed())));
}

} // namespace Sonde
