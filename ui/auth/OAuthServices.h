#pragma once

#include <QString>
#include <functional>

class QNetworkAccessManager;

namespace Sonde {

class BrowserLauncher;
class TokenSource;

/// What the OAuth 2.0 parts of the Auth tab need to run flows: the application's network manager, the
/// token cache (through its TokenSource) and a way to open the browser. Created by the window, passed
/// down; none of them is owned here.
struct OAuthServices
{
    QNetworkAccessManager *network = nullptr;
    TokenSource *tokens = nullptr;
    BrowserLauncher *browser = nullptr;

    bool isValid() const { return network && tokens && browser; }
};

/// Resolves `{{variables}}` in a field the way sending the request would.
using VariableResolver = std::function<QString(const QString &text)>;

} // namespace Sonde
