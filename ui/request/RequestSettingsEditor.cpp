#include "request/RequestSettingsEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

namespace Sonde {

RequestSettingsEditor::RequestSettingsEditor(QWidget *parent)
    : QWidget(parent)
    , m_timeout(new QSpinBox(this))
    , m_followRedirects(new QCheckBox(tr("&Follow redirects"), this))
    , m_maxRedirects(new QSpinBox(this))
    , m_maxLabel(new QLabel(tr("&Maximum:"), this))
    , m_verifyTls(new QCheckBox(tr("&Verify TLS certificates"), this))
    , m_tlsWarning(new QLabel(this))
    , m_httpVersion(new QComboBox(this))
    , m_sendCookies(new QCheckBox(tr("Use the &cookie jar"), this))
    , m_proxyMode(new QComboBox(this))
    , m_proxyUrl(new QLineEdit(this))
    , m_proxyUser(new QLineEdit(this))
    , m_proxyPassword(new QLineEdit(this))
    , m_proxyPasswordWarning(new QLabel(this))
{
    m_timeout->setRange(0, 24 * 60 * 60 * 1000);
    m_timeout->setSingleStep(1000);
    m_timeout->setSuffix(tr(" ms"));
    m_timeout->setSpecialValueText(tr("No limit"));
    m_timeout->setGroupSeparatorShown(true);
    m_timeout->setAccessibleName(tr("Timeout in milliseconds"));
    m_timeout->setToolTip(tr("Time allowed for the whole exchange; 0 means no limit"));

    m_maxRedirects->setRange(0, 1000);
    m_maxRedirects->setAccessibleName(tr("Maximum number of redirects"));

    m_verifyTls->setToolTip(
        tr("Refuse servers whose certificate is self-signed, expired or for another host"));
    const int iconSize = m_tlsWarning->style()->pixelMetric(QStyle::PM_SmallIconSize);
    auto *warningIcon = new QLabel(this);
    warningIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize, iconSize));
    m_tlsWarning->setText(tr("Certificates are not checked: anyone between you and the server can read "
                             "and change this request."));
    m_tlsWarning->setTextFormat(Qt::PlainText);
    m_tlsWarning->setBuddy(m_verifyTls);
    QPalette palette = m_tlsWarning->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc0, 0x5a, 0x00));
    m_tlsWarning->setPalette(palette);
    auto *warning = new QWidget(this);
    auto *warningLayout = new QHBoxLayout(warning);
    warningLayout->setContentsMargins(0, 0, 0, 0);
    warningLayout->addWidget(warningIcon, 0, Qt::AlignTop);
    warningLayout->addWidget(m_tlsWarning, 1);

    m_httpVersion->addItem(tr("Automatic"), int(HttpVersionPolicy::Automatic));
    m_httpVersion->addItem(tr("HTTP/1.1 only"), int(HttpVersionPolicy::Http1Only));
    m_httpVersion->addItem(tr("HTTP/2 (prior knowledge)"), int(HttpVersionPolicy::Http2PriorKnowledge));
    m_httpVersion->setItemData(
        0, tr("HTTP/2 when the server offers it over TLS, HTTP/1.1 otherwise"), Qt::ToolTipRole);
    m_httpVersion->setItemData(
        2, tr("HTTP/2 from the first byte, also without TLS: the server must speak it"), Qt::ToolTipRole);

    auto *redirects = new QHBoxLayout;
    redirects->setContentsMargins(0, 0, 0, 0);
    redirects->addWidget(m_followRedirects);
    redirects->addSpacing(12);
    m_maxLabel->setBuddy(m_maxRedirects);
    redirects->addWidget(m_maxLabel);
    redirects->addWidget(m_maxRedirects);
    redirects->addStretch();

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(tr("&Timeout:"), m_timeout);
    form->addRow(tr("Redirects:"), redirects);
    form->addRow(tr("TLS:"), m_verifyTls);
    form->addRow(QString(), warning);
    form->addRow(tr("&HTTP version:"), m_httpVersion);
    m_sendCookies->setToolTip(tr("Send the workspace's cookies with this request and keep the ones its "
                                 "responses set; off, the request neither sends nor stores cookies"));
    form->addRow(tr("Cookies:"), m_sendCookies);
    form->addRow(tr("&Proxy:"), m_proxyMode);
    form->addRow(QString(), createProxyRows());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 8, 4, 4);
    layout->addLayout(form);
    layout->addStretch();

    const auto notify = [this] {
        updateState();
        if (!m_updating)
            Q_EMIT settingsEdited();
    };
    connect(m_timeout, &QSpinBox::valueChanged, this, notify);
    connect(m_followRedirects, &QCheckBox::toggled, this, notify);
    connect(m_maxRedirects, &QSpinBox::valueChanged, this, notify);
    connect(m_verifyTls, &QCheckBox::toggled, this, notify);
    connect(m_httpVersion, &QComboBox::currentIndexChanged, this, notify);
    connect(m_sendCookies, &QCheckBox::toggled, this, notify);
    connect(m_proxyMode, &QComboBox::currentIndexChanged, this, notify);
    for (QLineEdit *edit : {m_proxyUrl, m_proxyUser, m_proxyPassword})
        connect(edit, &QLineEdit::textChanged, this, notify);

    setSettings({});
}

QWidget *RequestSettingsEditor::createProxyRows()
{
    m_proxyMode->addItem(tr("Application default"), int(ProxySettings::Mode::Default));
    m_proxyMode->addItem(tr("No proxy"), int(ProxySettings::Mode::None));
    m_proxyMode->addItem(tr("System proxy"), int(ProxySettings::Mode::System));
    m_proxyMode->addItem(tr("Custom"), int(ProxySettings::Mode::Custom));
    m_proxyMode->setItemData(0, tr("The proxy chosen in the application's settings"), Qt::ToolTipRole);
    m_proxyMode->setItemData(2, tr("The proxy the system names (http_proxy, https_proxy, no_proxy)"), Qt::ToolTipRole);

    m_proxyUrl->setPlaceholderText(tr("http://host:port or socks5://host:port"));
    m_proxyUrl->setAccessibleName(tr("Proxy URL"));
    m_proxyUser->setPlaceholderText(tr("User (optional)"));
    m_proxyUser->setAccessibleName(tr("Proxy user"));
    // The password is normally a reference to a secret variable, so it is shown as written.
    m_proxyPassword->setPlaceholderText(QStringLiteral("{{proxyPassword}}"));
    m_proxyPassword->setAccessibleName(tr("Proxy password"));
    m_proxyPassword->setToolTip(tr("Best written as a reference to a secret variable, e.g. {{proxyPassword}}: "
                                   "the request file stores this field as written"));
    m_proxyPasswordWarning->setText(tr("This password is stored in the request file as written; use a secret "
                                       "variable, e.g. {{proxyPassword}}."));
    m_proxyPasswordWarning->setWordWrap(true);
    QPalette palette = m_proxyPasswordWarning->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc0, 0x5a, 0x00));
    m_proxyPasswordWarning->setPalette(palette);

    m_proxyDetails = new QWidget(this);
    auto *form = new QFormLayout(m_proxyDetails);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("URL:"), m_proxyUrl);
    form->addRow(tr("User:"), m_proxyUser);
    form->addRow(tr("Password:"), m_proxyPassword);
    form->addRow(QString(), m_proxyPasswordWarning);
    m_proxyUrl->setMinimumWidth(m_proxyUrl->fontMetrics().horizontalAdvance(m_proxyUrl->placeholderText()) + 40);
    return m_proxyDetails;
}

RequestSettings RequestSettingsEditor::settings() const
{
    RequestSettings settings;
    settings.timeoutMs = m_timeout->value();
    settings.followRedirects = m_followRedirects->isChecked();
    settings.maxRedirects = m_maxRedirects->value();
    settings.ignoreTlsErrors = !m_verifyTls->isChecked();
    settings.httpVersion = HttpVersionPolicy(m_httpVersion->currentData().toInt());
    settings.sendCookies = m_sendCookies->isChecked();
    settings.proxy.mode = ProxySettings::Mode(m_proxyMode->currentData().toInt());
    // The custom fields are kept while another mode is chosen, so switching back loses nothing.
    settings.proxy.url = m_proxyUrl->text().trimmed();
    settings.proxy.user = m_proxyUser->text();
    settings.proxy.password = m_proxyPassword->text();
    return settings;
}

void RequestSettingsEditor::setSettings(const RequestSettings &settings)
{
    const QScopedValueRollback guard(m_updating, true);
    m_timeout->setValue(settings.timeoutMs);
    m_followRedirects->setChecked(settings.followRedirects);
    m_maxRedirects->setValue(settings.maxRedirects);
    m_verifyTls->setChecked(!settings.ignoreTlsErrors);
    m_httpVersion->setCurrentIndex(qMax(0, m_httpVersion->findData(int(settings.httpVersion))));
    m_sendCookies->setChecked(settings.sendCookies);
    m_proxyMode->setCurrentIndex(qMax(0, m_proxyMode->findData(int(settings.proxy.mode))));
    m_proxyUrl->setText(settings.proxy.url);
    m_proxyUser->setText(settings.proxy.user);
    m_proxyPassword->setText(settings.proxy.password);
    updateState();
}

void RequestSettingsEditor::updateState()
{
    m_maxRedirects->setEnabled(m_followRedirects->isChecked());
    m_maxLabel->setEnabled(m_followRedirects->isChecked());
    m_tlsWarning->parentWidget()->setVisible(!m_verifyTls->isChecked());
    const bool custom = ProxySettings::Mode(m_proxyMode->currentData().toInt()) == ProxySettings::Mode::Custom;
    m_proxyDetails->setVisible(custom);
    static const QRegularExpression reference(QStringLiteral("^\\s*\\{\\{[^{}]+\\}\\}\\s*$"));
    const QString password = m_proxyPassword->text();
    m_proxyPasswordWarning->setVisible(custom && !password.isEmpty() && !reference.match(password).hasMatch());
}

} // namespace Sonde
