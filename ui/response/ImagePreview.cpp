#include "response/ImagePreview.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QScrollArea>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace Sonde {

ImagePreview::ImagePreview(QWidget *parent)
    : QWidget(parent)
    , m_info(new QLabel(this))
    , m_fitButton(new QToolButton(this))
    , m_actualButton(new QToolButton(this))
    , m_scroll(new QScrollArea(this))
    , m_picture(new QLabel(m_scroll))
{
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fitButton->setText(tr("Fit"));
    m_fitButton->setToolTip(tr("Fit the image to the view"));
    m_actualButton->setText(tr("100%"));
    m_actualButton->setToolTip(tr("Show the image at its actual size"));
    auto *group = new QButtonGroup(this);
    for (QToolButton *button : {m_fitButton, m_actualButton}) {
        button->setCheckable(true);
        button->setAutoRaise(true);
        group->addButton(button);
    }
    m_fitButton->setChecked(true);
    connect(m_fitButton, &QToolButton::clicked, this, [this] { setFitToView(true); });
    connect(m_actualButton, &QToolButton::clicked, this, [this] { setFitToView(false); });

    m_picture->setAlignment(Qt::AlignCenter);
    m_scroll->setWidget(m_picture);
    m_scroll->setAlignment(Qt::AlignCenter);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setBackgroundRole(QPalette::Base);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 2, 6, 2);
    bar->addWidget(m_info, 1);
    bar->addWidget(m_fitButton);
    bar->addWidget(m_actualButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_scroll, 1);
}

void ImagePreview::setImage(const QImage &image, const QString &info)
{
    m_image = image;
    m_info->setText(info);
    updatePixmap();
}

void ImagePreview::clear()
{
    setImage({}, {});
}

void ImagePreview::setFitToView(bool fit)
{
    m_fit = fit;
    (fit ? m_fitButton : m_actualButton)->setChecked(true);
    updatePixmap();
}

QString ImagePreview::info() const
{
    return m_info->text();
}

QSize ImagePreview::shownSize() const
{
    return m_picture->pixmap().isNull() ? QSize() : m_picture->pixmap().deviceIndependentSize().toSize();
}

void ImagePreview::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_fit)
        updatePixmap();
}

void ImagePreview::updatePixmap()
{
    if (m_image.isNull()) {
        m_picture->clear();
        m_picture->resize(0, 0);
        return;
    }
    const qreal ratio = devicePixelRatioF();
    QSize size = m_image.size();
    if (m_fit) {
        const QSize room = m_scroll->viewport()->size() * ratio;
        if (size.width() > room.width() || size.height() > room.height())
            size.scale(room.expandedTo(QSize(1, 1)), Qt::KeepAspectRatio);
    }
    QPixmap pixmap = QPixmap::fromImage(size == m_image.size() ? m_image
                                                               : m_image.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    pixmap.setDevicePixelRatio(ratio);
    m_picture->setPixmap(pixmap);
    m_picture->resize(pixmap.deviceIndependentSize().toSize());
    m_scroll->setWidgetResizable(m_fit);
}

} // namespace Sonde
