#include "settings/AppSettingsController.h"

#include "editor/CodeEditor.h"
#include "http/HttpEngine.h"
#include "storage/SecretStore.h"

#include <QApplication>
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
    if (!m_secrets || m_settings.defaultProxy.mode != ProxySettings::Mode::Custom)
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
    ProxySettings proxy = m_settings.defaultProxy;
    if (proxy.mode == ProxySettings::Mode::Custom)
        proxy.password = m_proxyPassword;
    m_engine->setDefaultProxy(proxy);
}

void AppSettingsController::change(const AppSettings &settings, const QString &proxyPassword)
{
    m_settings = settings;
    m_settings.save(*m_store);
    if (proxyPassword != m_proxyPassword && m_secrets) {
        const auto done = [this](const QString &error) {
            if (!error.isEmpty())
                Q_EMIT problem(tr("The default proxy's password could not be kept: %1").arg(error));
        };
        if (proxyPassword.isEmpty())
            m_secrets->remove(DefaultProxyPasswordKey.toString(), this, done);
        else
            m_secrets->write(DefaultProxyPasswordKey.toString(), proxyPassword, this, done);
    }
    m_proxyPassword = proxyPassword;
    apply();
}

} // namespace Sonde
