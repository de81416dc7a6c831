#pragma once

#include "model/Request.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Sonde {

/// The Settings tab of the request editor: time limit, redirects, TLS certificate verification and
/// HTTP version of one request, its proxy, and whether it uses the cookie jar. Turning verification off
/// shows a warning next to the box; a proxy password that is not a `{{variable}}` reference is flagged,
/// since the request file stores it as written.
class RequestSettingsEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit RequestSettingsEditor(QWidget *parent = nullptr);

    RequestSettings settings() const;
    /// Shows `settings`; emits nothing.
    void setSettings(const RequestSettings &settings);

    QSpinBox *timeoutBox() const { return m_timeout; }
    QCheckBox *followRedirectsBox() const { return m_followRedirects; }
    QSpinBox *maxRedirectsBox() const { return m_maxRedirects; }
    QCheckBox *verifyTlsBox() const { return m_verifyTls; }
    QLabel *tlsWarningLabel() const { return m_tlsWarning; }
    QComboBox *httpVersionBox() const { return m_httpVersion; }
    QCheckBox *sendCookiesBox() const { return m_sendCookies; }
    QComboBox *proxyModeBox() const { return m_proxyMode; }
    QLineEdit *proxyUrlEdit() const { return m_proxyUrl; }
    QLineEdit *proxyUserEdit() const { return m_proxyUser; }
    QLineEdit *proxyPasswordEdit() const { return m_proxyPassword; }
    QLabel *proxyPasswordWarning() const { return m_proxyPasswordWarning; }

Q_SIGNALS:
    void settingsEdited();

private:
    void updateState();
    QWidget *createProxyRows();

    QSpinBox *m_timeout;
    QCheckBox *m_followRedirects;
    QSpinBox *m_maxRedirects;
    QLabel *m_maxLabel;
    QCheckBox *m_verifyTls;
    QLabel *m_tlsWarning;
    QComboBox *m_httpVersion;
    QCheckBox *m_sendCookies;
    QComboBox *m_proxyMode;
    QWidget *m_proxyDetails = nullptr;
    QLineEdit *m_proxyUrl;
    QLineEdit *m_proxyUser;
    QLineEdit *m_proxyPassword;
    QLabel *m_proxyPasswordWarning;
    bool m_updating = false;
};

} // namespace Sonde
