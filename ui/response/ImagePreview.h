#pragma once

#include <QImage>
#include <QWidget>

class QLabel;
class QScrollArea;
class QToolButton;

namespace Sonde {

/// An image body: its format, pixel size and byte size over the picture, shown fitted to the view
/// (never enlarged) or at 100% with scroll bars.
class ImagePreview : public QWidget
{
    Q_OBJECT

public:
    explicit ImagePreview(QWidget *parent = nullptr);

    /// Shows `image`; `info` is the line above it ("PNG · 640 × 480 · 12 KB").
    void setImage(const QImage &image, const QString &info);
    void clear();

    /// Fit to the view (the default) or 100%.
    void setFitToView(bool fit);
    bool fitsToView() const { return m_fit; }

    QString info() const;
    QImage image() const { return m_image; }
    /// The size the picture is drawn at now.
    QSize shownSize() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updatePixmap();

    QLabel *m_info;
    QToolButton *m_fitButton;
    QToolButton *m_actualButton;
    QScrollArea *m_scroll;
    QLabel *m_picture;
    QImage m_image;
    bool m_fit = true;
};

} // namespace Sonde
