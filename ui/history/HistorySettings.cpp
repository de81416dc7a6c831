#include "history/HistorySettings.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Sonde {

namespace {

constexpr qint64 KiB = 1024;
const QString KeepDaysKey = QStringLiteral("history/keepDays");
const QString MaxMegabytesKey = QStringLiteral("history/maxMegabytes");
const QString BodyCapKey = QStringLiteral("history/bodyCapKiB");
const QString KeepSecretsKey = QStringLiteral("history/keepSecrets");

} // namespace

HistorySettings HistorySettings::load(const QSettings &settings)
{
    HistorySettings loaded;
    loaded.keepDays = std::max(0, settings.value(KeepDaysKey, loaded.keepDays).toInt());
    loaded.maxMegabytes = std::max(0, settings.value(MaxMegabytesKey, loaded.maxMegabytes).toInt());
    loaded.record.bodyCap = std::max<qint64>(
        KiB, settings.value(BodyCapKey, loaded.record.bodyCap / KiB).toLongLong() * KiB);
    loaded.record.keepSecrets = settings.value(KeepSecretsKey, false).toBool();
    return loaded;
}

void HistorySettings::save(QSettings &settings) const
{
    settings.setValue(KeepDaysKey, keepDays);
    settings.setValue(MaxMegabytesKey, maxMegabytes);
    settings.setValue(BodyCapKey, record.bodyCap / KiB);
    settings.setValue(KeepSecretsKey, record.keepSecrets);
}

HistorySettingsDialog::HistorySettingsDialog(const HistorySettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_days(new QSpinBox(this))
    , m_megabytes(new QSpinBox(this))
    , m_bodyCap(new QSpinBox(this))
    , m_keepSecrets(new QCheckBox(tr("Keep credentials and secret values"), this))
{
    setWindowTitle(tr("History Settings"));
    m_days->setRange(0, 3650);
    m_days->setSuffix(tr(" days"));
    m_days->setSpecialValueText(tr("Forever"));
    m_days->setValue(settings.keepDays);
    m_megabytes->setRange(0, 1024 * 1024);
    m_megabytes->setSuffix(tr(" MB"));
    m_megabytes->setSpecialValueText(tr("No limit"));
    m_megabytes->setValue(settings.maxMegabytes);
    m_bodyCap->setRange(1, 1024 * 1024);
    m_bodyCap->setSuffix(tr(" KiB"));
    m_bodyCap->setValue(int(settings.record.bodyCap / KiB));
    m_keepSecrets->setChecked(settings.record.keepSecrets);
    m_keepSecrets->setToolTip(tr("Authorization and Proxy-Authorization headers, cookies and the values of secret "
                                 "variables are replaced by “[redacted]” unless this is on."));

    auto *form = new QFormLayout;
    form->addRow(tr("Keep entries for:"), m_days);
    form->addRow(tr("Keep at most:"), m_megabytes);
    form->addRow(tr("Store response bodies up to:"), m_bodyCap);
    form->addRow(QString(), m_keepSecrets);
    auto *note = new QLabel(tr("Larger bodies keep their first part. Limits apply now and each time Sonde starts."), this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

HistorySettings HistorySettingsDialog::settings() const
{
    HistorySettings chosen;
    chosen.keepDays = m_days->value();
    chosen.maxMegabytes = m_megabytes->value();
    chosen.record.bodyCap = qint64(m_bodyCap->value()) * KiB;
    chosen.record.keepSecrets = m_keepSecrets->isChecked();
    return chosen;
}

} // namespace Sonde
