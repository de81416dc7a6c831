#pragma once

#include "http/ClientCertificate.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace Sonde {

class FilePathEdit;

/// Adds or edits one client certificate entry: host pattern, PEM certificate and key or PKCS#12 file,
/// and the passphrase. OK reads the files and stays open with the reason in words when the entry cannot
/// be used (no such file, wrong passphrase, key of another certificate).
class ClientCertificateDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ClientCertificateDialog(const ClientCertificate &certificate, QWidget *parent = nullptr);

    ClientCertificate certificate() const;

    QLineEdit *hostEdit() const { return m_host; }
    QComboBox *formatBox() const { return m_format; }
    FilePathEdit *certificateEdit() const { return m_certificate; }
    FilePathEdit *keyEdit() const { return m_key; }
    QLineEdit *passphraseEdit() const { return m_passphrase; }
    QLabel *problemLabel() const { return m_problem; }

    /// Why the entry cannot be used, in words; empty when it can.
    QString problem() const;

public Q_SLOTS:
    void accept() override;

private:
    void updateState();

    QLineEdit *m_host;
    QComboBox *m_format;
    QLabel *m_certificateLabel;
    FilePathEdit *m_certificate;
    QLabel *m_keyLabel;
    FilePathEdit *m_key;
    QLabel *m_passphraseLabel;
    QLineEdit *m_passphrase;
    QLabel *m_problem;
};

} // namespace Sonde
