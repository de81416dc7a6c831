#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <optional>

namespace Sonde {

class AppSettingsController;
class MainWindow;
struct Exchange;

/// `sonde --self-test` (and `--screenshot`): sends the current tab's request through the window, as a
/// user would, and reports whether a 2xx response was received and its body rendered.
///
/// Optionally saves a picture of the window once the response is on screen. Emits done() once, with
/// the process exit code: 0 on success, 1 on an error, a non-2xx status or no answer in time.
class SelfTest final : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultTimeoutMs = 20000;

    explicit SelfTest(MainWindow *window, QObject *parent = nullptr);

    /// Where to save a PNG of the window after the response rendered; none by default.
    void setScreenshotPath(const QString &path) { m_screenshotPath = path; }
    /// With a screenshot path: picture Request ▸ Generate Code… showing the snippet for target `id`
    /// instead of the window.
    void setSnippetTarget(const QString &id) { m_snippetTarget = id; }
    /// With a screenshot path: picture File ▸ Settings… on the page titled `page` ("Certificates")
    /// instead of the window.
    void setSettingsPage(const QString &page, AppSettingsController *settings)
    {
        m_settingsPage = page;
        m_settings = settings;
    }

    /// Sends the request of the current tab.
    void start(int timeoutMs = DefaultTimeoutMs);

Q_SIGNALS:
    void done(int exitCode);

private:
    void onExchange(const Exchange &exchange);
    void check();
    void succeed();
    void fail(const QString &why);

    MainWindow *m_window;
    QString m_screenshotPath;
    QString m_snippetTarget;
    QString m_settingsPage;
    AppSettingsController *m_settings = nullptr;
    QTimer m_timeout;
    std::optional<int> m_status;
    bool m_rendered = false;
    bool m_capturing = false;
    bool m_finished = false;
};

} // namespace Sonde
