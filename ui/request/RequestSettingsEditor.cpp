#include "request/RequestSettingsEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
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

    setSettings({});
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
    updateState();
}

void RequestSettingsEditor::updateState()
{
    m_maxRedirects->setEnabled(m_followRedirects->isChecked());
    m_maxLabel->setEnabled(m_followRedirects->isChecked());
    m_tlsWarning->parentWidget()->setVisible(!m_verifyTls->isChecked());
}

} // namespace Sonde
