#pragma once

#include "http/ClientCertificate.h"
#include "model/Request.h"

#include <QFont>
#include <QString>
#include <QStringList>
#include <optional>

class QSettings;

namespace Sonde {

/// What the user chose in Settings: the look (theme, editor font), the defaults of new requests and of
/// the engine (time limit, proxy, extra certificate authorities, body memory threshold) and whether
/// Ctrl+Enter sends. Stored in the application's one QSettings object under "app/".
///
/// The default proxy's password and the passphrases of client certificates are no settings: they live
/// in the secret store (see DefaultProxyPasswordKey, clientCertificateSecretKey()), never in the
/// settings file.
struct AppSettings
{
    enum class Theme { System, Light, Dark };

    Theme theme = Theme::System;
    /// Empty: the system's fixed-width font.
    QString editorFontFamily {};
    /// Points; 0: the size of the system's fixed-width font.
    int editorFontSize = 0;
    /// The KSyntaxHighlighting colour theme of editors; empty: its light or dark one, as the theme is.
    QString highlightingTheme {};
    /// The time limit new requests start with (ms; 0 = none).
    int defaultTimeoutMs = 30000;
    /// The proxy of requests that use the application's (mode None, System or Custom; no password).
    ProxySettings defaultProxy {ProxySettings::Mode::None};
    /// PEM or DER files of certificate authorities trusted besides the system's.
    QStringList caCertificateFiles {};
    /// Client certificates for mutual TLS, by host pattern; the first match is presented. load() leaves
    /// their passphrases empty and save() does not write them.
    QList<ClientCertificate> clientCertificates {};
    /// Response bodies above this many MiB are kept in a temporary file rather than in memory.
    int memoryThresholdMb = 8;
    bool sendOnCtrlEnter = true;

    static AppSettings load(const QSettings &settings);
    void save(QSettings &settings) const;

    /// The editor font chosen, or nullopt for the system's.
    std::optional<QFont> editorFont() const;

    friend bool operator==(const AppSettings &, const AppSettings &) = default;
};

/// The secret store key of the default proxy's password.
inline constexpr QStringView DefaultProxyPasswordKey = u"sonde/settings/default-proxy-password";

/// The secret store key of the passphrase of a client certificate entry (by host pattern and file).
QString clientCertificateSecretKey(const ClientCertificate &certificate);

/// Makes the whole application look as `theme` says: System gives back the style and palette the
/// application started with; Light and Dark use the Fusion style with a light or dark palette. Editors
/// follow the palette (see CodeEditor). Needs a QApplication.
void applyTheme(AppSettings::Theme theme);

} // namespace Sonde
