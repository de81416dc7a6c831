#include "settings/ClientCertificateDialog.h"

#include "request/FilePathEdit.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace Sonde {

ClientCertificateDialog::ClientCertificateDialog(const ClientCertificate &certificate, QWidget *parent)
    : QDialog(parent)
    , m_host(new QLineEdit(this))
    , m_format(new QComboBox(this))
    , m_certificateLabel(new QLabel(this))
    , m_certificate(new FilePathEdit(this))
    , m_keyLabel(new QLabel(tr("&Key file:"), this))
    , m_key(new FilePathEdit(this))
    , m_passphraseLabel(new QLabel(this))
    , m_passphrase(new QLineEdit(this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(certificate.host.isEmpty() ? tr("Add Client Certificate") : tr("Edit Client Certificate"));
    m_host->setPlaceholderText(tr("api.example.com, api.example.com:8443 or *.example.com"));
    m_host->setToolTip(tr("Presented to HTTPS requests to this host; without a port, to any port. "
                          "*.example.com stands for every subdomain of example.com."));
    m_format->addItem(tr("PEM certificate and key"), int(ClientCertificate::Format::Pem));
    m_format->addItem(tr("PKCS#12 (.p12, .pfx)"), int(ClientCertificate::Format::Pkcs12));
    m_key->lineEdit()->setPlaceholderText(tr("Empty: the key is in the certificate file"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setToolTip(tr("Kept in the system keychain, not in the settings file"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_problem->hide();
    m_certificateLabel->setBuddy(m_certificate->lineEdit());
    m_keyLabel->setBuddy(m_key->lineEdit());
    m_passphraseLabel->setBuddy(m_passphrase);

    auto *form = new QFormLayout;
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("&Type:"), m_format);
    form->addRow(m_certificateLabel, m_certificate);
    form->addRow(m_keyLabel, m_key);
    form->addRow(m_passphraseLabel, m_passphrase);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ClientCertificateDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(560);

    m_host->setText(certificate.host);
    m_format->setCurrentIndex(qMax(0, m_format->findData(int(certificate.format))));
    m_certificate->setPath(certificate.certificateFile);
    m_key->setPath(certificate.keyFile);
    m_passphrase->setText(certificate.passphrase);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ClientCertificateDialog::updateState);
    updateState();
}

void ClientCertificateDialog::updateState()
{
    const bool pkcs12
        = ClientCertificate::Format(m_format->currentData().toInt()) == ClientCertificate::Format::Pkcs12;
    m_certificateLabel->setText(pkcs12 ? tr("PKCS#12 &file:") : tr("&Certificate file:"));
    m_passphraseLabel->setText(pkcs12 ? tr("&Password:") : tr("Key &passphrase:"));
    m_passphrase->setPlaceholderText(
        pkcs12 ? tr("The PKCS#12 file's password") : tr("Only for an encrypted key"));
    m_keyLabel->setVisible(!pkcs12);
    m_key->setVisible(!pkcs12);
}

ClientCertificate ClientCertificateDialog::certificate() const
{
    ClientCertificate c;
    c.host = m_host->text().trimmed();
    c.format = ClientCertificate::Format(m_format->currentData().toInt());
    c.certificateFile = m_certificate->path().trimmed();
    c.keyFile = c.format == ClientCertificate::Format::Pkcs12 ? QString() : m_key->path().trimmed();
    c.passphrase = m_passphrase->text();
    return c;
}

QString ClientCertificateDialog::problem() const
{
    const ClientCertificate c = certificate();
    const QString pattern = ClientCertificate::patternProblem(c.host);
    if (!pattern.isEmpty())
        return pattern;
    return loadClientIdentity(c).error;
}

void ClientCertificateDialog::accept()
{
    const QString why = problem();
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    if (why.isEmpty())
        QDialog::accept();
}

} // namespace Sonde
