#include "cookies/CookieManagerDialog.h"

#include "cookies/CookieJarModel.h"
#include "http/CookieJar.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace Sonde {

CookieManagerDialog::CookieManagerDialog(CookieJar *jar, QWidget *parent)
    : QDialog(parent)
    , m_model(new CookieJarModel(jar, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_domains(new QComboBox(this))
    , m_view(new QTableView(this))
    , m_add(new QPushButton(tr("&Add"), this))
    , m_delete(new QPushButton(tr("&Delete"), this))
    , m_deleteDomain(new QPushButton(tr("Delete all for d&omain"), this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("Cookies"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(CookieJarModel::DomainColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
        | QAbstractItemView::AnyKeyPressed);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(CookieJarModel::ValueColumn, QHeaderView::Stretch);
    m_view->setAccessibleName(tr("Cookies"));

    m_domains->setAccessibleName(tr("Domain"));
    m_delete->setToolTip(tr("Delete the selected cookies"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->hide();

    auto *top = new QHBoxLayout;
    auto *domainLabel = new QLabel(tr("Do&main:"), this);
    domainLabel->setBuddy(m_domains);
    top->addWidget(domainLabel);
    top->addWidget(m_domains, 1);
    top->addWidget(m_deleteDomain);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_add, QDialogButtonBox::ActionRole);
    buttons->addButton(m_delete, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(760, 420);

    connect(m_domains, &QComboBox::currentIndexChanged, this, &CookieManagerDialog::applyFilter);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CookieManagerDialog::updateDomains);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &CookieManagerDialog::updateDomains);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &CookieManagerDialog::updateDomains);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &CookieManagerDialog::updateDomains);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &CookieManagerDialog::updateButtons);
    connect(m_add, &QPushButton::clicked, this, &CookieManagerDialog::addCookie);
    connect(m_delete, &QPushButton::clicked, this, &CookieManagerDialog::deleteSelected);
    connect(m_deleteDomain, &QPushButton::clicked, this, &CookieManagerDialog::deleteDomain);
    connect(jar, &CookieJar::saveFailed, this, [this](const QString &message) {
        m_status->setText(message);
        m_status->show();
    });

    updateDomains();
}

QString CookieManagerDialog::domainFilter() const
{
    return m_domains->currentData().toString();
}

void CookieManagerDialog::setDomainFilter(const QString &domain)
{
    m_domains->setCurrentIndex(std::max(0, m_domains->findData(domain)));
}

void CookieManagerDialog::updateDomains()
{
    const QString current = domainFilter();
    const QStringList domains = m_model->domains();
    QStringList shown;
    for (int i = 1; i < m_domains->count(); ++i)
        shown.append(m_domains->itemData(i).toString());
    if (shown != domains || m_domains->count() == 0) {
        const QSignalBlocker blocker(m_domains);
        m_domains->clear();
        m_domains->addItem(tr("All domains"), QString());
        for (const QString &domain : domains)
            m_domains->addItem(domain, domain);
        // The chosen domain stays chosen while it has cookies; then all are shown.
        m_domains->setCurrentIndex(std::max(0, m_domains->findData(current)));
        applyFilter();
    }
    updateButtons();
}

void CookieManagerDialog::applyFilter()
{
    const QString domain = domainFilter();
    // A domain cookie (".example.com") belongs to the domain as much as a host-only one.
    m_proxy->setFilterRegularExpression(domain.isEmpty()
            ? QRegularExpression()
            : QRegularExpression(QStringLiteral("^\\.?") + QRegularExpression::escape(domain) + u'$',
                QRegularExpression::CaseInsensitiveOption));
    updateButtons();
}

void CookieManagerDialog::updateButtons()
{
    m_delete->setEnabled(m_view->selectionModel()->hasSelection());
    m_deleteDomain->setEnabled(!domainFilter().isEmpty());
}

void CookieManagerDialog::addCookie()
{
    const QString domain = domainFilter().isEmpty() ? QStringLiteral("localhost") : domainFilter();
    const int row = m_model->addCookie(domain);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, CookieJarModel::NameColumn));
    m_view->setCurrentIndex(index);
    m_view->edit(index);
}

void CookieManagerDialog::deleteSelected()
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows.append(m_proxy->mapToSource(index).row());
    // From the bottom up, so the rows still to delete keep their numbers.
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : std::as_const(rows))
        m_model->removeRow(row);
}

void CookieManagerDialog::deleteDomain()
{
    const QString domain = domainFilter();
    if (domain.isEmpty())
        return;
    m_model->deleteDomain(domain);
}

} // namespace Sonde
