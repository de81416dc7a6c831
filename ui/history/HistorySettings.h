#pragma once

#include "history/ExchangeRecord.h"

#include <QDialog>

class QCheckBox;
class QSettings;
class QSpinBox;

namespace Sonde {

/// What the user chose about history: how long and how much it keeps, the body cap, and whether
/// credentials and secret values are kept (off by default). Stored in QSettings under "history/".
struct HistorySettings
{
    /// Entries older than this many days are deleted; 0 keeps them whatever their age.
    int keepDays = 0;
    /// The oldest entries are deleted while the database is larger than this; 0: no limit.
    int maxMegabytes = 500;
    RecordOptions record;

    static HistorySettings load(const QSettings &settings);
    void save(QSettings &settings) const;
    qint64 maxBytes() const { return qint64(maxMegabytes) * 1024 * 1024; }

    friend bool operator==(const HistorySettings &, const HistorySettings &) = default;
};

/// Edits HistorySettings.
class HistorySettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit HistorySettingsDialog(const HistorySettings &settings, QWidget *parent = nullptr);

    HistorySettings settings() const;

    QSpinBox *keepDaysBox() const { return m_days; }
    QSpinBox *maxMegabytesBox() const { return m_megabytes; }
    QSpinBox *bodyCapBox() const { return m_bodyCap; }
    QCheckBox *keepSecretsBox() const { return m_keepSecrets; }

private:
    QSpinBox *m_days;
    QSpinBox *m_megabytes;
    QSpinBox *m_bodyCap;
    QCheckBox *m_keepSecrets;
};

} // namespace Sonde
