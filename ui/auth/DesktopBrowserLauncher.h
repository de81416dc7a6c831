#pragma once

#include "auth/BrowserLauncher.h"

namespace Sonde {

/// Opens authorization URLs in the user's browser through QDesktopServices.
class DesktopBrowserLauncher final : public BrowserLauncher
{
public:
    bool open(const QUrl &url, QString *problem) override;
};

} // namespace Sonde
