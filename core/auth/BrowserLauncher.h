#pragma once

#include <QString>
#include <QUrl>

namespace Sonde {

/// Opens an authorization URL where the user can sign in: the system browser in the application, a
/// command in sonde-cli, a scripted HTTP client in tests.
class BrowserLauncher
{
public:
    virtual ~BrowserLauncher() = default;

    /// Shows `url` to the user; false with `*problem` in words when it could not be opened.
    virtual bool open(const QUrl &url, QString *problem) = 0;
};

} // namespace Sonde
