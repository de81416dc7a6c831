#include "response/TimelineView.h"

#include "response/DisplayFormat.h"
#include "response/TimelineBar.h"
#include "response/TimelinePhases.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace Sonde {

namespace {

QColor phaseColor(TimelinePhase::Kind kind)
{
    // Mid-tone colours that read on light and dark backgrounds alike.
    switch (kind) {
    case TimelinePhase::Kind::Dns: return QColor(0x26, 0xa6, 0x9a);
    case TimelinePhase::Kind::Connect: return QColor(0xff, 0x98, 0x00);
    case TimelinePhase::Kind::Send: return QColor(0x7e, 0x57, 0xc2);
    case TimelinePhase::Kind::Wait: return QColor(0x42, 0xa5, 0xf5);
    case TimelinePhase::Kind::Download: return QColor(0x66, 0xbb, 0x6a);
    case TimelinePhase::Kind::Total: return QColor(0x90, 0xa4, 0xae);
    }
    return Qt::gray;
}

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

QLabel *selectableLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

void addTlsSection(QVBoxLayout *layout, const TlsInfo &tls, QWidget *parent)
{
    layout->addSpacing(12);
    layout->addWidget(sectionTitle(QObject::tr("TLS"), parent));
    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignLeft);
    // Shown also when the handshake failed: which certificate was offered is then the first question.
    form->addRow(QObject::tr("Client certificate"),
        selectableLabel(tls.clientCertificate.isEmpty()
                ? QObject::tr("None")
                : QObject::tr("%1 (set for “%2”)").arg(tls.clientCertificate, tls.clientCertificatePattern),
            parent));
    if (!tls.used) {
        layout->addLayout(form);
        return;
    }
    form->addRow(QObject::tr("Protocol"), selectableLabel(tls.protocol, parent));
    form->addRow(QObject::tr("Cipher"), selectableLabel(tls.cipher, parent));
    form->addRow(QObject::tr("Certificate"), selectableLabel(tls.peerSubject, parent));
    form->addRow(QObject::tr("Issued by"), selectableLabel(tls.peerIssuer, parent));
    if (tls.peerExpiry.isValid()) {
        const qint64 days = QDateTime::currentDateTimeUtc().daysTo(tls.peerExpiry);
        const QString when = days == 1    ? QObject::tr("in 1 day")
                             : days >= 0  ? QObject::tr("in %1 days").arg(days)
                             : days == -1 ? QObject::tr("expired 1 day ago")
                                          : QObject::tr("expired %1 days ago").arg(-days);
        form->addRow(QObject::tr("Expires"),
                     selectableLabel(QLocale().toString(tls.peerExpiry.toLocalTime(), QLocale::ShortFormat) + u" ("
                                         + when + u')',
                                     parent));
    }
    layout->addLayout(form);
}

void addRedirectsSection(QVBoxLayout *layout, const QList<RedirectHop> &redirects, QWidget *parent)
{
    layout->addSpacing(12);
    layout->addWidget(sectionTitle(QObject::tr("Redirects followed (%1)").arg(redirects.size()), parent));
    for (const RedirectHop &hop : redirects) {
        const QString status = QString::number(hop.response.statusCode) + u' '
                               + QString::fromLatin1(hop.response.reasonPhrase);
        const QString location = QString::fromLatin1(headerValue(hop.response.headers, "Location"));
        QString text = status + QStringLiteral("  ") + QString::fromLatin1(hop.sent.method) + u' '
                       + hop.sent.url.toDisplayString();
        if (!location.isEmpty())
            text += QStringLiteral("  →  ") + location;
        layout->addWidget(selectableLabel(text, parent));
    }
}

} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QScrollArea(parent)
{
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    clear();
}

void TimelineView::clear()
{
    m_rowTexts.clear();
    setWidget(new QWidget);
}

void TimelineView::setExchange(const Exchange &exchange)
{
    m_rowTexts.clear();
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 10, 12, 10);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(12);
    grid->setColumnStretch(1, 1);
    const QList<TimelinePhase> phases = timelinePhases(exchange.timings, exchange.tls.used);
    const double total = phases.last().duration;
    int row = 0;
    for (const TimelinePhase &phase : phases) {
        auto *name = new QLabel(phase.name, content);
        auto *bar = new TimelineBar(content);
        bar->setSpan(phase.kind == TimelinePhase::Kind::Total ? 0 : phase.start, phase.duration, total,
                     phaseColor(phase.kind));
        auto *duration = new QLabel(DisplayFormat::duration(phase.duration), content);
        duration->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        duration->setMinimumWidth(duration->fontMetrics().horizontalAdvance(QStringLiteral("00000 ms")));
        if (phase.kind == TimelinePhase::Kind::Total) {
            QFont bold = name->font();
            bold.setBold(true);
            name->setFont(bold);
            duration->setFont(bold);
        }
        grid->addWidget(name, row, 0);
        grid->addWidget(bar, row, 1);
        grid->addWidget(duration, row, 2);
        m_rowTexts << phase.name + u'\t' + duration->text();
        ++row;
    }
    layout->addLayout(grid);

    if (exchange.timings.connectionReused)
        layout->addWidget(selectableLabel(tr("Connection reused: no DNS lookup or connect."), content));
    if (exchange.tls.used || !exchange.tls.clientCertificate.isEmpty())
        addTlsSection(layout, exchange.tls, content);
    if (!exchange.redirects.isEmpty())
        addRedirectsSection(layout, exchange.redirects, content);
    layout->addStretch(1);
    setWidget(content);
}

QStringList TimelineView::rowTexts() const
{
    return m_rowTexts;
}

} // namespace Sonde
