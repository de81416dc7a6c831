#pragma once

#include "settings/AppSettings.h"

#include <QObject>
#include <QPointer>

class QSettings;

namespace Sonde {

class HttpEngine;
class SecretStore;

/// Keeps the application's settings: reads them from the one QSettings object the application owns,
/// applies them (theme, editor font, the engine's memory threshold, certificate authorities, client
/// certificates and default proxy), and saves changes, the proxy password and the client certificates'
/// passphrases into the secret store.
class AppSettingsController final : public QObject
{
    Q_OBJECT
public:
    /// Reads `settings` (which must outlive this); nothing is applied before apply().
    AppSettingsController(QSettings *settings, HttpEngine *engine, QObject *parent = nullptr);

    /// The object every setting of the application is read from and written to.
    QSettings *store() const { return m_store; }
    /// The settings, client certificates with their passphrases (once the secret store gave them).
    AppSettings settings() const { return m_settings; }
    QString proxyPassword() const { return m_proxyPassword; }

    /// Where the default proxy's password and the client certificates' passphrases are kept; they are
    /// read at once and applied when they arrive.
    void setSecretStore(SecretStore *secrets);

    /// Applies the current settings to the application and the engine.
    void apply();
    /// Saves `settings` (and `proxyPassword` and the passphrases of its client certificates, into the
    /// secret store) and applies them.
    void change(const AppSettings &settings, const QString &proxyPassword);

Q_SIGNALS:
    /// After apply() or change().
    void applied(const AppSettings &settings);
    /// Something could not be applied or kept (a certificate file, the secret store), in words.
    void problem(const QString &message);

private:
    void applyToEngine();
    void keepSecret(const QString &key, const QString &value, const QString &what);

    QSettings *m_store;
    HttpEngine *m_engine;
    QPointer<SecretStore> m_secrets;
    AppSettings m_settings;
    QString m_proxyPassword;
};

} // namespace Sonde
