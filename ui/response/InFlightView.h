#pragma once

#include <QElapsedTimer>
#include <QTimer>
#include <QUrl>
#include <QWidget>

class QLabel;
class QProgressBar;

namespace Sonde {

/// Shown while a request is on its way: what is being sent, the time elapsed (ticking) and the
/// bytes received so far.
class InFlightView : public QWidget
{
    Q_OBJECT

public:
    explicit InFlightView(QWidget *parent = nullptr);

    void start(const QString &method, const QUrl &url);
    void setProgress(qint64 received, qint64 total);
    /// The request body going out (a file upload): shown until the first response bytes come.
    void setUploadProgress(qint64 sent, qint64 total);
    void stop();

    QString progressText() const;

private:
    void updateElapsed();

    QLabel *m_what;
    QLabel *m_elapsed;
    QLabel *m_progress;
    QProgressBar *m_bar;
    QElapsedTimer m_clock;
    QTimer m_ticker;
};

} // namespace Sonde
