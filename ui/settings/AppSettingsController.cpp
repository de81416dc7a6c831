#include "settings/AppSettingsController.h"

#include "editor/CodeEditor.h"
#include "http/HttpEngine.h"
#include "storage/SecretStore.h"

#include <QApplication>
#include <QHash>
#include <QSet>
#include <QSettings>

namespace Sonde {

AppSettingsController::AppSettingsController(QSettings *settings, HttpEngine *engine, QObject *parent)
    : QObject(parent)
    , m_store(settings)
    , m_engine(engine)
    , m_settings(AppSettings::load(*settings))
{ }

void AppSettingsController::setSecretStore(SecretStore *secrets)
{
    m_secrets = secrets;
    if (!m_secrets)
        return;
    for (const ClientCertificate &certificate : std::as_const(m_settings.clientCertificates)) {
        const QString key = clientCertificateSecretKey(certificate);
        m_secrets->read(key, this, [this, key](const std::optional<QString> &value, const QString &error) {
            if (!error.isEmpty()) {
                Q_EMIT problem(tr("The passphrase of a client certificate could not be read: %1").arg(error));
                return;
            }
            if (!value)
                return;
            for (ClientCertificate &entry : m_settings.clientCertificates) {
                if (clientCertificateSecretKey(entry) == key)
                    entry.passphrase = *value;
            }
            applyToEngine();
        });
    }
    if (m_settings.defaultProxy.mode != ProxySettings::Mode::Custom)
        return;
    m_secrets->read(DefaultProxyPasswordKey.toString(), this,
        [this](const std::optional<QString> &value, const QString &error) {
            if (!error.isEmpty()) {
                Q_EMIT problem(tr("The default proxy's password could not be read: %1").arg(error));
                return;
            }
            m_proxyPassword = value.value_or(QString());
            applyToEngine();
        });
}

void AppSettingsController::apply()
{
    if (qobject_cast<QApplication *>(QCoreApplication::instance())) {
        applyTheme(m_settings.theme);
        CodeEditor::setEditorFont(m_settings.editorFont());
        CodeEditor::setHighlightingTheme(m_settings.highlightingTheme);
    }
    applyToEngine();
    Q_EMIT applied(m_settings);
}

void AppSettingsController::applyToEngine()
{
    if (!m_engine)
        return;
    m_engine->setMemoryThreshold(qint64(m_settings.memoryThresholdMb) * 1024 * 1024);
    QString certificateProblem;
    const QList<QSslCertificate> authorities = HttpEngine::loadCertificates(m_settings.caCertificateFiles, &certificateProblem);
    m_engine->setExtraCaCertificates(authorities);
    if (!certificateProblem.isEmpty())
        Q_EMIT problem(tr("Extra certificate authorities are not used: %1").arg(certificateProblem));
    // Problems of client certificates show when a request goes to their host (and in the dialog).
    m_engine->setClientCertificates(m_settings.clientCertificates);
    ProxySettings proxy = m_settings.defaultProxy;
    if (proxy.mode == ProxySettings::Mode::Custom)
        proxy.password = m_proxyPassword;
    m_engine->setDefaultProxy(proxy);
}

void AppSettingsController::change(const AppSettings &settings, const QString &proxyPassword)
{
    const AppSettings previous = std::exchange(m_settings, settings);
    m_settings.save(*m_store);
    if (proxyPassword != m_proxyPassword)
        keepSecret(DefaultProxyPasswordKey.toString(), proxyPassword, tr("The default proxy's password"));
    m_proxyPassword = proxyPassword;

    // A passphrase is kept under its entry's host and file: entries that went, or lost their
    // passphrase, leave nothing behind.
    QHash<QString, QString> before;
    for (const ClientCertificate &certificate : previous.clientCertificates)
        before.insert(clientCertificateSecretKey(certificate), certificate.passphrase);
    QSet<QString> now;
    for (const ClientCertificate &certificate : std::as_const(m_settings.clientCertificates)) {
        const QString key = clientCertificateSecretKey(certificate);
        now.insert(key);
        if (!before.contains(key) || before.value(key) != certificate.passphrase)
            keepSecret(key, certificate.passphrase,
                tr("The passphrase of the client certificate for “%1”").arg(certificate.host));
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!now.contains(it.key()))
            keepSecret(it.key(), QString(), tr("A client certificate's passphrase"));
    }
    apply();
}

void AppSettingsController::keepSecret(const QString &key, const QString &value, const QString &what)
{
    if (!m_secrets)
        return;
    const auto done = [this, what](const QString &error) {
        if (!error.isEmpty())
            Q_EMIT problem(tr("%1 could not be kept: %2").arg(what, error));
    };
    if (value.isEmpty())
        m_secrets->remove(key, this, done);
    else
        m_secrets->write(key, value, this, done);
}

} // namespace Sonde
