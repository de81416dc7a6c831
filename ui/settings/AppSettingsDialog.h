#pragma once

#include "settings/AppSettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QFontComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;

namespace Sonde {

class ClientCertificateModel;

/// Edits AppSettings: appearance (theme, editor font), requests (default time limit, Ctrl+Enter),
/// network (default proxy with its password, extra certificate authorities) and big responses
/// (memory threshold), and client certificates for mutual TLS. The proxy password is handed over
/// separately, for the secret store; the client certificates carry their passphrases. OK stays open
/// on the Certificates page, saying why, while a client certificate cannot be used.
class AppSettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    AppSettingsDialog(const AppSettings &settings, const QString &proxyPassword, QWidget *parent = nullptr);

    AppSettings settings() const;
    QString proxyPassword() const;

    QComboBox *themeBox() const { return m_theme; }
    /// The KSyntaxHighlighting colour themes; null in a build without KSyntaxHighlighting.
    QComboBox *highlightingBox() const { return m_highlighting; }
    QCheckBox *systemFontBox() const { return m_systemFont; }
    QFontComboBox *fontBox() const { return m_font; }
    QSpinBox *fontSizeBox() const { return m_fontSize; }
    QSpinBox *timeoutBox() const { return m_timeout; }
    QCheckBox *ctrlEnterBox() const { return m_ctrlEnter; }
    QComboBox *proxyModeBox() const { return m_proxyMode; }
    QLineEdit *proxyUrlEdit() const { return m_proxyUrl; }
    QLineEdit *proxyUserEdit() const { return m_proxyUser; }
    QLineEdit *proxyPasswordEdit() const { return m_proxyPassword; }
    QListWidget *caCertificateList() const { return m_caFiles; }
    QSpinBox *memoryThresholdBox() const { return m_threshold; }
    QTabWidget *tabs() const { return m_tabs; }
    QTableView *clientCertificateView() const { return m_clientView; }
    ClientCertificateModel *clientCertificateModel() const { return m_clientModel; }
    QLabel *clientCertificateProblemLabel() const { return m_clientProblem; }
    /// Adds a certificate authority file (as the Add… button does after its file dialog).
    void addCaCertificateFile(const QString &path);
    /// Adds a client certificate entry (as the Add… button does after its dialog).
    void addClientCertificate(const ClientCertificate &certificate);
    /// Shows the page whose tab reads `title` ("Certificates"); false when there is none.
    bool showPage(const QString &title);

public Q_SLOTS:
    void accept() override;

private:
    QWidget *createAppearancePage();
    QWidget *createRequestsPage();
    QWidget *createNetworkPage();
    QWidget *createCertificatesPage();
    void editClientCertificate(int row);
    void updateState();

    QComboBox *m_theme;
    QComboBox *m_highlighting = nullptr;
    QCheckBox *m_systemFont;
    QFontComboBox *m_font;
    QSpinBox *m_fontSize;
    QSpinBox *m_timeout;
    QCheckBox *m_ctrlEnter;
    QComboBox *m_proxyMode;
    QLineEdit *m_proxyUrl;
    QLineEdit *m_proxyUser;
    QLineEdit *m_proxyPassword;
    QListWidget *m_caFiles;
    QPushButton *m_removeCa;
    QSpinBox *m_threshold;
    QTabWidget *m_tabs;
    ClientCertificateModel *m_clientModel;
    QTableView *m_clientView;
    QPushButton *m_editClient;
    QPushButton *m_removeClient;
    QLabel *m_clientProblem;
};

} // namespace Sonde
