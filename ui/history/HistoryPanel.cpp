#include "history/HistoryPanel.h"

#include "history/HistoryEntryDelegate.h"
#include "history/HistoryListModel.h"
#include "history/HistoryRecorder.h"
#include "history/HistoryStore.h"
#include "response/HarSaver.h"

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>
#include <limits>

namespace Sonde {

namespace {

constexpr int SearchDelayMs = 200;
/// Recorded entries come in bursts (the recorder commits in batches): one reload for a burst.
constexpr int RefreshDelayMs = 50;

/// Status filter choices: the classes of HistoryFilter::statusClasses; -1 for all.
struct StatusChoice
{
    const char *label;
    int statusClass;
};
constexpr StatusChoice StatusChoices[] = {{QT_TRANSLATE_NOOP("Sonde::HistoryPanel", "All statuses"), -1},
                                          {QT_TRANSLATE_NOOP("Sonde::HistoryPanel", "2xx"), 2},
                                          {QT_TRANSLATE_NOOP("Sonde::HistoryPanel", "3xx"), 3},
                                          {QT_TRANSLATE_NOOP("Sonde::HistoryPanel", "4xx"), 4},
                                          {QT_TRANSLATE_NOOP("Sonde::HistoryPanel", "5xx"), 5},
                                          {QT_TRANSLATE_NOOP("Sonde::HistoryPanel", "Errors"), 0}};

const char *const Methods[] = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"};

} // namespace

HistoryPanel::HistoryPanel(HistoryStore *store, HistoryRecorder *recorder, const QString &unavailableReason,
                           QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_recorder(recorder)
    , m_model(new HistoryListModel(store, this))
{
    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(SearchDelayMs);
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(RefreshDelayMs);
    m_layoutTimer.setSingleShot(true);
    m_layoutTimer.setInterval(0);
    connect(&m_searchTimer, &QTimer::timeout, this, &HistoryPanel::applyFilter);
    connect(&m_refreshTimer, &QTimer::timeout, this, &HistoryPanel::refresh);
    connect(&m_layoutTimer, &QTimer::timeout, this, [this] {
        expandDays();
        fetchIfAtEnd();
    });

    createActions();
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(createListPage());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    if (!m_store) {
        m_stack->addWidget(createUnavailablePage(unavailableReason));
        m_stack->setCurrentIndex(1);
    }

    connect(m_model, &HistoryListModel::loadFailed, this, &HistoryPanel::showMessage);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &under) {
        // Not from within the insertion: expanding a day may make the view fetch into it.
        if (!under.isValid())
            m_layoutTimer.start();
        updateCount();
    });
    if (m_recorder) {
        connect(m_recorder, &HistoryRecorder::recorded, this, [this] { m_refreshTimer.start(); });
        connect(m_recorder, &HistoryRecorder::changed, this, [this] { m_refreshTimer.start(); });
        connect(m_recorder, &HistoryRecorder::failed, this, &HistoryPanel::showMessage);
    }
    if (m_store && !m_store->hasFullTextSearch())
        m_search->setToolTip(m_store->fullTextNote());
    expandDays();
    updateActions();
    updateCount();
}

HistoryPanel::~HistoryPanel() = default;

void HistoryPanel::createActions()
{
    m_openAction = new QAction(tr("&Open"), this);
    m_openAction->setToolTip(tr("Open the request in a new tab (double-click or Enter)"));
    connect(m_openAction, &QAction::triggered, this, &HistoryPanel::openCurrent);
    m_saveAction = new QAction(tr("&Save to Collection…"), this);
    m_saveAction->setToolTip(tr("Save the request into a collection"));
    connect(m_saveAction, &QAction::triggered, this, &HistoryPanel::saveCurrentToCollection);
    m_deleteAction = new QAction(tr("&Delete"), this);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetShortcut);
    m_deleteAction->setToolTip(tr("Delete this entry from history (Del)"));
    connect(m_deleteAction, &QAction::triggered, this, &HistoryPanel::deleteCurrent);
    m_clearAction = new QAction(tr("&Clear History…"), this);
    m_clearAction->setToolTip(tr("Delete every entry from history"));
    connect(m_clearAction, &QAction::triggered, this, &HistoryPanel::clearHistory);
    m_exportHarAction = new QAction(tr("Export as &HAR…"), this);
    m_exportHarAction->setToolTip(
        tr("Save the selected entries (all those shown when none is selected) as a HAR file"));
    connect(m_exportHarAction, &QAction::triggered, this, &HistoryPanel::chooseFileAndExportHar);
}

QWidget *HistoryPanel::createListPage()
{
    auto *page = new QWidget(this);
    m_search = new QLineEdit(page);
    m_search->setObjectName(QStringLiteral("historySearch"));
    m_search->setPlaceholderText(tr("Search URLs, headers, bodies…"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchTimer.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, &HistoryPanel::applyFilter);

    m_statusFilter = new QComboBox(page);
    m_statusFilter->setObjectName(QStringLiteral("historyStatusFilter"));
    for (const StatusChoice &choice : StatusChoices)
        m_statusFilter->addItem(tr(choice.label), choice.statusClass);
    m_statusFilter->setToolTip(tr("Show only these statuses"));
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &HistoryPanel::applyFilter);

    m_methodFilter = new QComboBox(page);
    m_methodFilter->setObjectName(QStringLiteral("historyMethodFilter"));
    m_methodFilter->addItem(tr("All methods"), QString());
    for (const char *method : Methods)
        m_methodFilter->addItem(QString::fromLatin1(method), QString::fromLatin1(method));
    m_methodFilter->setToolTip(tr("Show only this method"));
    connect(m_methodFilter, &QComboBox::currentIndexChanged, this, &HistoryPanel::applyFilter);

    m_tree = new QTreeView(page);
    m_tree->setObjectName(QStringLiteral("historyTree"));
    m_tree->setModel(m_model);
    m_tree->setItemDelegate(new HistoryEntryDelegate(m_tree));
    // Uniform rows keep scrolling through many thousands of entries cheap.
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    // Several entries can be selected, for Export as HAR…; the other actions act on the current one.
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setTextElideMode(Qt::ElideMiddle);
    m_tree->addAction(m_deleteAction);
    QHeaderView *header = m_tree->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(HistoryListModel::RequestColumn, QHeaderView::Stretch);
    // Fixed widths: sizing to contents would measure every row.
    const QFontMetrics metrics(m_tree->font());
    header->setSectionResizeMode(HistoryListModel::StatusColumn, QHeaderView::Interactive);
    header->resizeSection(HistoryListModel::StatusColumn,
                          metrics.horizontalAdvance(QStringLiteral("connection-refused")) / 2 + 24);
    header->setSectionResizeMode(HistoryListModel::TimeColumn, QHeaderView::Fixed);
    header->resizeSection(HistoryListModel::TimeColumn, metrics.horizontalAdvance(QStringLiteral("00:00:00")) + 16);
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (m_model->entry(index))
            openCurrent();
    });
    connect(m_tree, &QWidget::customContextMenuRequested, this, &HistoryPanel::showContextMenu);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &HistoryPanel::updateActions);
    connect(m_tree, &QTreeView::collapsed, this, [this](const QModelIndex &index) {
        m_collapsedDays.insert(index.data(HistoryListModel::DayRole).toDate());
    });
    connect(m_tree, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        m_collapsedDays.remove(index.data(HistoryListModel::DayRole).toDate());
    });
    connect(m_tree->verticalScrollBar(), &QScrollBar::valueChanged, this, &HistoryPanel::fetchIfAtEnd);
    connect(m_tree->verticalScrollBar(), &QScrollBar::rangeChanged, this, [this] { m_layoutTimer.start(); });

    m_count = new QLabel(page);
    m_count->setObjectName(QStringLiteral("historyCount"));
    m_message = new QLabel(page);
    m_message->setObjectName(QStringLiteral("historyMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    // Short captions, so that the panel fits a narrow side bar; the tooltips say the rest.
    const auto button = [page](QAction *action, const QString &name, const QString &caption = {}) {
        auto *b = new QPushButton(caption.isEmpty() ? action->text() : caption, page);
        b->setObjectName(name);
        b->setToolTip(action->toolTip());
        connect(b, &QPushButton::clicked, action, &QAction::trigger);
        connect(action, &QAction::changed, b, [b, action] { b->setEnabled(action->isEnabled()); });
        b->setEnabled(action->isEnabled());
        return b;
    };

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_statusFilter, 1);
    filters->addWidget(m_methodFilter, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(button(m_openAction, QStringLiteral("historyOpen")));
    buttons->addWidget(button(m_saveAction, QStringLiteral("historySave"), tr("Save…")));
    buttons->addWidget(button(m_deleteAction, QStringLiteral("historyDelete")));
    buttons->addStretch(1);
    buttons->addWidget(button(m_clearAction, QStringLiteral("historyClear"), tr("Clear…")));
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_search);
    layout->addLayout(filters);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_count);
    layout->addLayout(buttons);
    return page;
}

QWidget *HistoryPanel::createUnavailablePage(const QString &reason)
{
    auto *label = new QLabel(this);
    label->setObjectName(QStringLiteral("historyUnavailable"));
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setMargin(12);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const QString why = reason.isEmpty() ? tr("The history database could not be opened.") : reason;
    label->setText(tr("History is unavailable.\n\n%1\n\nRequests are still sent, but not recorded.").arg(why));
    return label;
}

void HistoryPanel::applyFilter()
{
    m_searchTimer.stop();
    HistoryFilter filter;
    filter.text = m_search->text().trimmed();
    if (const int statusClass = m_statusFilter->currentData().toInt(); statusClass >= 0)
        filter.statusClasses = {statusClass};
    if (const QString method = m_methodFilter->currentData().toString(); !method.isEmpty())
        filter.methods = {method};
    filter.limit = m_model->filter().limit;
    if (filter == m_model->filter())
        return;
    const qint64 selected = currentId();
    m_message->hide();
    m_model->setFilter(filter);
    m_tree->scrollToTop();
    if (selected != 0)
        setCurrentId(selected);
    expandDays();
    updateActions();
    updateCount();
}

void HistoryPanel::refresh()
{
    m_refreshTimer.stop();
    const qint64 select = m_selectAfterReload != 0 ? m_selectAfterReload : currentId();
    m_selectAfterReload = 0;
    reloadKeepingSelection(select);
}

void HistoryPanel::reloadKeepingSelection(qint64 selectId)
{
    const int scroll = m_tree->verticalScrollBar()->value();
    m_model->reload();
    expandDays();
    if (scroll > 0) {
        m_tree->doItemsLayout(); // so the scroll bar has its range again
        m_tree->verticalScrollBar()->setValue(scroll);
    }
    if (selectId != 0)
        setCurrentId(selectId);
    updateActions();
    updateCount();
}

void HistoryPanel::expandDays()
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex day = m_model->index(row, 0);
        m_tree->setFirstColumnSpanned(row, {}, true);
        if (!m_collapsedDays.contains(day.data(HistoryListModel::DayRole).toDate()) && !m_tree->isExpanded(day))
            m_tree->expand(day);
    }
}

void HistoryPanel::fetchIfAtEnd()
{
    const QScrollBar *bar = m_tree->verticalScrollBar();
    if (m_model->hasMore() && bar->value() >= bar->maximum() - bar->pageStep())
        m_model->fetchNextPage();
}

qint64 HistoryPanel::currentId() const
{
    const std::optional<HistoryEntry> entry = m_model->entry(m_tree->currentIndex());
    return entry ? entry->id : 0;
}

bool HistoryPanel::setCurrentId(qint64 id)
{
    const QModelIndex index = m_model->indexOfId(id);
    if (!index.isValid())
        return false;
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    return true;
}

void HistoryPanel::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

std::optional<HistoryRecord> HistoryPanel::currentRecord()
{
    const qint64 id = currentId();
    if (id == 0 || !m_store)
        return std::nullopt;
    std::optional<HistoryRecord> record = m_store->record(id);
    if (!record) {
        showMessage(m_store->lastError().isEmpty() ? tr("This entry is no longer in the history.")
                                                   : tr("Could not read the entry: %1").arg(m_store->lastError()));
        m_refreshTimer.start();
    }
    return record;
}

void HistoryPanel::openCurrent()
{
    if (const std::optional<HistoryRecord> record = currentRecord())
        Q_EMIT openRequested(*record);
}

void HistoryPanel::saveCurrentToCollection()
{
    if (const std::optional<HistoryRecord> record = currentRecord())
        Q_EMIT saveToCollectionRequested(*record);
}

void HistoryPanel::deleteCurrent()
{
    const QModelIndex current = m_tree->currentIndex();
    const std::optional<HistoryEntry> entry = m_model->entry(current);
    if (!entry || !m_recorder)
        return;
    // The entry below takes the deleted one's place in the selection, or the one above at the end.
    QModelIndex neighbour = m_tree->indexBelow(current);
    if (!m_model->entry(neighbour))
        neighbour = m_tree->indexAbove(current);
    if (const std::optional<HistoryEntry> next = m_model->entry(neighbour))
        m_selectAfterReload = next->id;
    m_recorder->remove(entry->id);
}

void HistoryPanel::clearHistory()
{
    if (!m_recorder)
        return;
    QMessageBox box(QMessageBox::Warning, tr("Clear History"),
                    tr("Delete all %1 entries from history?").arg(QLocale().toString(m_store ? m_store->count({}) : 0)),
                    QMessageBox::Cancel, this);
    box.setInformativeText(tr("This cannot be undone."));
    QPushButton *clear = box.addButton(tr("Clear History"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != clear)
        return;
    m_recorder->clear();
}

void HistoryPanel::updateActions()
{
    const bool hasEntry = m_model->entry(m_tree->currentIndex()).has_value();
    m_openAction->setEnabled(hasEntry);
    m_saveAction->setEnabled(hasEntry);
    m_deleteAction->setEnabled(hasEntry && m_recorder);
    m_clearAction->setEnabled(m_recorder && m_store && m_model->totalCount() != 0);
}

void HistoryPanel::updateCount()
{
    const qint64 total = m_model->totalCount();
    const HistoryFilter filter = m_model->filter();
    const bool filtered = !filter.text.isEmpty() || !filter.statusClasses.isEmpty() || !filter.methods.isEmpty();
    QString text;
    if (!m_store)
        text.clear();
    else if (total < 0)
        text = tr("Could not count the entries");
    else if (total == 0)
        text = filtered ? tr("Nothing matches") : tr("No history yet: requests you send appear here");
    else if (filtered)
        text = total == 1 ? tr("1 matching entry") : tr("%1 matching entries").arg(QLocale().toString(total));
    else
        text = total == 1 ? tr("1 entry") : tr("%1 entries").arg(QLocale().toString(total));
    m_count->setText(text);
    m_clearAction->setEnabled(m_recorder && m_store && total != 0);
    m_exportHarAction->setEnabled(m_store && total > 0);
}

void HistoryPanel::showMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void HistoryPanel::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_tree->indexAt(position);
    // A click inside the selection keeps it, for Export as HAR…
    if (m_model->entry(index) && !m_tree->selectionModel()->isSelected(index))
        m_tree->setCurrentIndex(index);
    QMenu menu(this);
    menu.addAction(m_openAction);
    menu.addAction(m_saveAction);
    menu.addAction(m_exportHarAction);
    menu.addSeparator();
    menu.addAction(m_deleteAction);
    menu.addAction(m_clearAction);
    menu.exec(m_tree->viewport()->mapToGlobal(position));
}

QList<HistoryEntry> HistoryPanel::entriesToExport()
{
    QList<HistoryEntry> entries;
    for (const QModelIndex &index : m_tree->selectionModel()->selectedRows()) {
        if (const std::optional<HistoryEntry> entry = m_model->entry(index))
            entries.append(*entry);
    }
    if (entries.isEmpty() && m_store) {
        // Not only the pages loaded so far: everything the filter matches.
        HistoryFilter filter = m_model->filter();
        filter.offset = 0;
        filter.limit = int(std::clamp<qint64>(m_store->count(filter), 1, std::numeric_limits<int>::max()));
        entries = m_store->search(filter);
    }
    std::sort(entries.begin(), entries.end(), [](const HistoryEntry &a, const HistoryEntry &b) {
        return a.startedAt != b.startedAt ? a.startedAt < b.startedAt : a.id < b.id;
    });
    return entries;
}

void HistoryPanel::chooseFileAndExportHar()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export as HAR"), QStringLiteral("history.har"), tr("HAR files (*.har);;All files (*)"));
    if (!path.isEmpty())
        exportHar(path);
}

void HistoryPanel::exportHar(const QString &path)
{
    const QList<HistoryEntry> entries = entriesToExport();
    QList<Exchange> exchanges;
    exchanges.reserve(entries.size());
    for (const HistoryEntry &entry : entries) {
        const std::optional<HistoryRecord> record = m_store ? m_store->record(entry.id) : std::nullopt;
        if (!record) {
            const QString error = m_store && !m_store->lastError().isEmpty()
                ? tr("could not read the entry %1: %2").arg(QString::number(entry.id), m_store->lastError())
                : tr("the entry %1 is no longer in the history").arg(entry.id);
            showMessage(tr("Not exported: %1").arg(error));
            Q_EMIT harExported(path, 0, error);
            return;
        }
        exchanges.append(record->toExchange());
    }
    if (exchanges.isEmpty()) {
        const QString error = tr("there is no entry to export");
        showMessage(tr("Not exported: %1").arg(error));
        Q_EMIT harExported(path, 0, error);
        return;
    }
    m_exportHarAction->setEnabled(false);
    const int count = int(exchanges.size());
    saveHar(this, path, exchanges, [this, path, count](const QString &error) {
        updateCount();
        showMessage(
            error.isEmpty() ? (count == 1
                    ? tr("Exported 1 entry to %1").arg(QFileInfo(path).fileName())
                    : tr("Exported %1 entries to %2").arg(QString::number(count), QFileInfo(path).fileName()))
                            : tr("Not exported: %1").arg(error));
        Q_EMIT harExported(path, error.isEmpty() ? count : 0, error);
    });
}

} // namespace Sonde
