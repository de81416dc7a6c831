#pragma once

#include "auth/BrowserLauncher.h"

#include <QUrl>

namespace SondeTest {

/// A browser launcher that remembers the URL it was asked to open; the test plays the browser.
class RecordingLauncher final : public Sonde::BrowserLauncher
{
public:
    bool open(const QUrl &url, QString *) override
    {
        opened = url;
        return true;
    }
    QUrl opened;
};

} // namespace SondeTest
