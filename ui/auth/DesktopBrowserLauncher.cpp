#include "auth/DesktopBrowserLauncher.h"

#include <QDesktopServices>

namespace Sonde {

bool DesktopBrowserLauncher::open(const QUrl &url, QString *problem)
{
    if (QDesktopServices::openUrl(url))
        return true;
    *problem = QStringLiteral("no web browser could be started for %1").arg(url.toString());
    return false;
}

} // namespace Sonde
