#include "settings/AppSettingsDialog.h"

#include "editor/LexerFactory.h"
#include "settings/ClientCertificateDialog.h"
#include "settings/ClientCertificateModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Sonde {

AppSettingsDialog::AppSettingsDialog(
    const AppSettings &settings, const QString &proxyPassword, QWidget *parent)
    : QDialog(parent)
    , m_theme(new QComboBox(this))
    , m_systemFont(new QCheckBox(tr("The system's fixed-width font"), this))
    , m_font(new QFontComboBox(this))
    , m_fontSize(new QSpinBox(this))
    , m_timeout(new QSpinBox(this))
    , m_ctrlEnter(new QCheckBox(tr("Send the request with Ctrl+Enter"), this))
    , m_proxyMode(new QComboBox(this))
    , m_proxyUrl(new QLineEdit(this))
    , m_proxyUser(new QLineEdit(this))
    , m_proxyPassword(new QLineEdit(this))
    , m_caFiles(new QListWidget(this))
    , m_removeCa(new QPushButton(tr("Remove"), this))
    , m_threshold(new QSpinBox(this))
    , m_tabs(new QTabWidget(this))
    , m_clientModel(new ClientCertificateModel(this))
    , m_clientView(new QTableView(this))
    , m_editClient(new QPushButton(tr("Edit…"), this))
    , m_removeClient(new QPushButton(tr("Remove"), this))
    , m_clientProblem(new QLabel(this))
{
    setWindowTitle(tr("Settings"));
    auto *tabs = m_tabs;
    tabs->addTab(createAppearancePage(), tr("Appearance"));
    tabs->addTab(createRequestsPage(), tr("Requests"));
    tabs->addTab(createNetworkPage(), tr("Network"));
    tabs->addTab(createCertificatesPage(), tr("Certificates"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &AppSettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);

    m_theme->setCurrentIndex(qMax(0, m_theme->findData(int(settings.theme))));
    if (m_highlighting)
        m_highlighting->setCurrentIndex(qMax(0, m_highlighting->findData(settings.highlightingTheme)));
    m_systemFont->setChecked(settings.editorFontFamily.isEmpty());
    if (!settings.editorFontFamily.isEmpty())
        m_font->setCurrentFont(QFont(settings.editorFontFamily));
    m_fontSize->setValue(settings.editorFontSize);
    m_timeout->setValue(settings.defaultTimeoutMs);
    m_ctrlEnter->setChecked(settings.sendOnCtrlEnter);
    m_proxyMode->setCurrentIndex(qMax(0, m_proxyMode->findData(int(settings.defaultProxy.mode))));
    m_proxyUrl->setText(settings.defaultProxy.url);
    m_proxyUser->setText(settings.defaultProxy.user);
    m_proxyPassword->setText(proxyPassword);
    for (const QString &path : settings.caCertificateFiles)
        addCaCertificateFile(path);
    m_threshold->setValue(settings.memoryThresholdMb);
    m_clientModel->setCertificates(settings.clientCertificates);
    updateState();
}

QWidget *AppSettingsDialog::createAppearancePage()
{
    auto *page = new QWidget(this);
    m_theme->addItem(tr("System"), int(AppSettings::Theme::System));
    m_theme->addItem(tr("Light"), int(AppSettings::Theme::Light));
    m_theme->addItem(tr("Dark"), int(AppSettings::Theme::Dark));
    m_theme->setToolTip(tr("The colours of the whole window, editors included"));
    m_font->setFontFilters(QFontComboBox::MonospacedFonts);
    m_font->setCurrentFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_fontSize->setRange(0, 72);
    m_fontSize->setSpecialValueText(tr("System size"));
    m_fontSize->setSuffix(tr(" pt"));
    auto *form = new QFormLayout(page);
    form->addRow(tr("&Theme:"), m_theme);
    if (const QStringList themes = LexerFactory::themeNames(); !themes.isEmpty()) {
        m_highlighting = new QComboBox(this);
        m_highlighting->addItem(tr("Light or dark, as the theme"), QString());
        for (const QString &name : themes)
            m_highlighting->addItem(name, name);
        m_highlighting->setToolTip(tr("The colours of highlighted text, from KSyntaxHighlighting's themes"));
        form->addRow(tr("&Highlighting:"), m_highlighting);
    }
    form->addRow(tr("Editor font:"), m_systemFont);
    form->addRow(QString(), m_font);
    form->addRow(tr("Font &size:"), m_fontSize);
    connect(m_systemFont, &QCheckBox::toggled, this, &AppSettingsDialog::updateState);
    return page;
}

QWidget *AppSettingsDialog::createRequestsPage()
{
    auto *page = new QWidget(this);
    m_timeout->setRange(0, 24 * 60 * 60 * 1000);
    m_timeout->setSingleStep(1000);
    m_timeout->setSuffix(tr(" ms"));
    m_timeout->setSpecialValueText(tr("No limit"));
    m_timeout->setGroupSeparatorShown(true);
    m_timeout->setToolTip(tr("The time limit a new request starts with; each request can change its own"));
    m_threshold->setRange(1, 4096);
    m_threshold->setSuffix(tr(" MiB"));
    m_threshold->setToolTip(
        tr("A response body larger than this is kept in a temporary file, not in memory"));
    auto *form = new QFormLayout(page);
    form->addRow(tr("Default &timeout:"), m_timeout);
    form->addRow(QString(), m_ctrlEnter);
    form->addRow(tr("Keep bodies in &memory up to:"), m_threshold);
    return page;
}

QWidget *AppSettingsDialog::createNetworkPage()
{
    auto *page = new QWidget(this);
    m_proxyMode->addItem(tr("No proxy"), int(ProxySettings::Mode::None));
    m_proxyMode->addItem(tr("System proxy"), int(ProxySettings::Mode::System));
    m_proxyMode->addItem(tr("Custom"), int(ProxySettings::Mode::Custom));
    m_proxyMode->setToolTip(tr("The proxy of every request whose own setting is “Application default”"));
    m_proxyUrl->setPlaceholderText(tr("http://host:port or socks5://host:port"));
    m_proxyUser->setPlaceholderText(tr("Optional"));
    m_proxyPassword->setEchoMode(QLineEdit::Password);
    m_proxyPassword->setToolTip(tr("Kept in the system keychain, not in the settings file"));
    auto *caButtons = new QHBoxLayout;
    auto *addCa = new QPushButton(tr("Add…"), page);
    caButtons->addWidget(addCa);
    caButtons->addWidget(m_removeCa);
    caButtons->addStretch();
    m_caFiles->setToolTip(tr("Certificate authorities trusted besides the system's, e.g. a company's own"));
    m_caFiles->setMaximumHeight(m_caFiles->fontMetrics().height() * 6);
    auto *form = new QFormLayout(page);
    form->addRow(tr("&Proxy:"), m_proxyMode);
    form->addRow(tr("URL:"), m_proxyUrl);
    form->addRow(tr("User:"), m_proxyUser);
    form->addRow(tr("Password:"), m_proxyPassword);
    form->addRow(tr("Extra certificate\nauthorities:"), m_caFiles);
    form->addRow(QString(), caButtons);
    connect(m_proxyMode, &QComboBox::currentIndexChanged, this, &AppSettingsDialog::updateState);
    connect(m_caFiles, &QListWidget::itemSelectionChanged, this, &AppSettingsDialog::updateState);
    connect(addCa, &QPushButton::clicked, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(this, tr("Add Certificate Authorities"),
            QString(), tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"));
        for (const QString &file : files)
            addCaCertificateFile(file);
    });
    connect(m_removeCa, &QPushButton::clicked, this, [this] {
        qDeleteAll(m_caFiles->selectedItems());
        updateState();
    });
    return page;
}

QWidget *AppSettingsDialog::createCertificatesPage()
{
    auto *page = new QWidget(this);
    auto *intro
        = new QLabel(tr("Client certificates for mutual TLS: an HTTPS request presents the first one whose "
                        "host matches. Passphrases are kept in the system keychain."),
            page);
    intro->setWordWrap(true);
    m_clientView->setModel(m_clientModel);
    m_clientView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_clientView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_clientView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_clientView->verticalHeader()->hide();
    m_clientView->horizontalHeader()->setStretchLastSection(true);
    m_clientView->horizontalHeader()->setSectionResizeMode(
        ClientCertificateModel::HostColumn, QHeaderView::Stretch);
    // Wide enough for "PKCS#12" whatever the rows are when the page is first laid out.
    m_clientView->setColumnWidth(ClientCertificateModel::FormatColumn,
        m_clientView->fontMetrics().horizontalAdvance(tr("PKCS#12")) + 24);
    m_clientProblem->setWordWrap(true);
    m_clientProblem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_clientProblem->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_clientProblem->hide();
    auto *add = new QPushButton(tr("Add…"), page);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_editClient);
    buttons->addWidget(m_removeClient);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(intro);
    layout->addWidget(m_clientView, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_clientProblem);
    connect(m_clientView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &AppSettingsDialog::updateState);
    connect(m_clientModel, &QAbstractItemModel::modelReset, this, &AppSettingsDialog::updateState);
    connect(m_clientModel, &QAbstractItemModel::rowsRemoved, this, &AppSettingsDialog::updateState);
    connect(add, &QPushButton::clicked, this, [this] { editClientCertificate(-1); });
    connect(m_editClient, &QPushButton::clicked, this,
        [this] { editClientCertificate(m_clientView->currentIndex().row()); });
    connect(m_clientView, &QAbstractItemView::doubleClicked, this,
        [this](const QModelIndex &index) { editClientCertificate(index.row()); });
    connect(m_removeClient, &QPushButton::clicked, this, [this] {
        m_clientModel->remove(m_clientView->currentIndex().row());
        m_clientProblem->hide();
    });
    return page;
}

void AppSettingsDialog::editClientCertificate(int row)
{
    // Window-modal and asynchronous: no nested event loop.
    auto *dialog
        = new ClientCertificateDialog(row >= 0 ? m_clientModel->certificate(row) : ClientCertificate(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this, [this, dialog, row] {
        if (row >= 0)
            m_clientModel->replace(row, dialog->certificate());
        else
            addClientCertificate(dialog->certificate());
        m_clientProblem->hide();
    });
    dialog->open();
}

void AppSettingsDialog::addClientCertificate(const ClientCertificate &certificate)
{
    m_clientModel->append(certificate);
    m_clientView->selectRow(m_clientModel->rowCount() - 1);
    updateState();
}

bool AppSettingsDialog::showPage(const QString &title)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->tabText(i).remove(u'&').compare(title, Qt::CaseInsensitive) == 0) {
            m_tabs->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void AppSettingsDialog::accept()
{
    // Files move and keys change: every entry is read again before it is kept.
    const QList<ClientCertificate> certificates = m_clientModel->certificates();
    for (int row = 0; row < certificates.size(); ++row) {
        const ClientCertificate &certificate = certificates.at(row);
        QString why = ClientCertificate::patternProblem(certificate.host);
        if (why.isEmpty())
            why = loadClientIdentity(certificate).error;
        if (!why.isEmpty()) {
            m_tabs->setCurrentWidget(m_clientView->parentWidget());
            m_clientView->selectRow(row);
            m_clientProblem->setText(
                tr("The client certificate for “%1” cannot be used: %2").arg(certificate.host, why));
            m_clientProblem->show();
            return;
        }
    }
    QDialog::accept();
}

void AppSettingsDialog::addCaCertificateFile(const QString &path)
{
    if (path.isEmpty() || !m_caFiles->findItems(path, Qt::MatchExactly).isEmpty())
        return;
    m_caFiles->addItem(path);
    updateState();
}

void AppSettingsDialog::updateState()
{
    m_font->setEnabled(!m_systemFont->isChecked());
    const bool custom
        = ProxySettings::Mode(m_proxyMode->currentData().toInt()) == ProxySettings::Mode::Custom;
    for (QLineEdit *edit : {m_proxyUrl, m_proxyUser, m_proxyPassword})
        edit->setEnabled(custom);
    m_removeCa->setEnabled(!m_caFiles->selectedItems().isEmpty());
    const bool clientSelected
        = m_clientView->selectionModel() && m_clientView->selectionModel()->hasSelection();
    m_editClient->setEnabled(clientSelected);
    m_removeClient->setEnabled(clientSelected);
}

AppSettings AppSettingsDialog::settings() const
{
    AppSettings s;
    s.theme = AppSettings::Theme(m_theme->currentData().toInt());
    s.editorFontFamily = m_systemFont->isChecked() ? QString() : m_font->currentFont().family();
    s.editorFontSize = m_fontSize->value();
    if (m_highlighting)
        s.highlightingTheme = m_highlighting->currentData().toString();
    s.defaultTimeoutMs = m_timeout->value();
    s.sendOnCtrlEnter = m_ctrlEnter->isChecked();
    s.defaultProxy.mode = ProxySettings::Mode(m_proxyMode->currentData().toInt());
    s.defaultProxy.url = m_proxyUrl->text().trimmed();
    s.defaultProxy.user = m_proxyUser->text();
    for (int row = 0; row < m_caFiles->count(); ++row)
        s.caCertificateFiles.append(m_caFiles->item(row)->text());
    s.memoryThresholdMb = m_threshold->value();
    s.clientCertificates = m_clientModel->certificates();
    return s;
}

QString AppSettingsDialog::proxyPassword() const
{
    return m_proxyPassword->text();
}

} // namespace Sonde
