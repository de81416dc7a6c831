#include "history/HistoryListModel.h"

#include "history/HistoryStore.h"

#include <QLocale>

namespace Sonde {

namespace {

/// internalId of a day row; an entry's is its day's row + 1.
constexpr quintptr DayId = 0;

} // namespace

HistoryListModel::HistoryListModel(HistoryStore *store, QObject *parent)
    : QAbstractItemModel(parent)
    , m_store(store)
{
    m_filter.limit = 0;
    reload();
}

void HistoryListModel::setFilter(const HistoryFilter &filter)
{
    m_filter = filter;
    m_filter.limit = 0;
    m_filter.offset = 0;
    load(m_pageSize);
}

void HistoryListModel::reload()
{
    load(qMax(m_pageSize, m_shown));
}

void HistoryListModel::setPageSize(int entries)
{
    m_pageSize = qMax(1, entries);
}

void HistoryListModel::setToday(const QDate &today)
{
    m_fixedToday = today;
    m_today = today.isValid() ? today : QDate::currentDate();
    if (!m_days.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_days.size()) - 1, 0), {Qt::DisplayRole});
}

QString HistoryListModel::dayLabel(const QDate &day) const
{
    if (day == m_today)
        return tr("Today");
    if (day == m_today.addDays(-1))
        return tr("Yesterday");
    return QLocale().toString(day, QLocale::LongFormat);
}

void HistoryListModel::load(int limit)
{
    // Whoever is told of the reset may ask for more: not until it is over.
    m_resetting = true;
    beginResetModel();
    m_days.clear();
    m_dayRows.clear();
    m_ids.clear();
    m_pending.clear();
    m_read = 0;
    m_shown = 0;
    m_exhausted = m_store == nullptr;
    m_total = 0;
    m_lastError.clear();
    m_today = m_fixedToday.isValid() ? m_fixedToday : QDate::currentDate();
    if (m_store) {
        HistoryFilter page = m_filter;
        page.limit = limit;
        page.offset = 0;
        m_pending = m_store->search(page);
        m_lastError = m_store->lastError();
        m_read = int(m_pending.size());
        m_exhausted = m_pending.size() < limit || !m_lastError.isEmpty();
        m_total = m_store->count(m_filter);
        if (m_lastError.isEmpty())
            m_lastError = m_store->lastError();
        // What was shown before is shown again at once, not a page at a time.
        while (!m_pending.isEmpty()) {
            const int row = pendingDayRow();
            QList<HistoryEntry> run = takeRun();
            for (const HistoryEntry &e : std::as_const(run))
                m_ids.insert(e.id);
            m_shown += int(run.size());
            if (row >= 0) {
                m_days[row].entries += run;
            } else {
                m_dayRows.insert(localDay(run.constFirst()), int(m_days.size()));
                m_days.append({localDay(run.constFirst()), run});
            }
        }
        refill();
    }
    endResetModel();
    m_resetting = false;
    if (!m_lastError.isEmpty())
        Q_EMIT loadFailed(m_lastError);
}

void HistoryListModel::refill()
{
    if (!m_pending.isEmpty() || m_exhausted || !m_store)
        return;
    HistoryFilter page = m_filter;
    page.limit = m_pageSize;
    page.offset = m_read;
    const QList<HistoryEntry> entries = m_store->search(page);
    const QString error = m_store->lastError();
    m_read += int(entries.size());
    m_exhausted = entries.size() < m_pageSize || !error.isEmpty();
    // Entries recorded since the last page push older ones down: those already shown come again.
    for (const HistoryEntry &e : entries) {
        if (!m_ids.contains(e.id))
            m_pending.append(e);
    }
    if (!error.isEmpty() && error != m_lastError) {
        m_lastError = error;
        Q_EMIT loadFailed(error);
    }
    // A page made only of entries already shown: read on.
    if (m_pending.isEmpty() && !m_exhausted)
        refill();
}

QDate HistoryListModel::localDay(const HistoryEntry &entry) const
{
    return entry.startedAt.toLocalTime().date();
}

QList<HistoryEntry> HistoryListModel::takeRun()
{
    QList<HistoryEntry> run;
    if (m_pending.isEmpty())
        return run;
    const QDate day = localDay(m_pending.constFirst());
    qsizetype count = 0;
    while (count < m_pending.size() && count < m_pageSize && localDay(m_pending.at(count)) == day)
        ++count;
    run = m_pending.mid(0, count);
    m_pending.remove(0, count);
    return run;
}

int HistoryListModel::pendingDayRow() const
{
    if (m_pending.isEmpty())
        return -1;
    return m_dayRows.value(localDay(m_pending.constFirst()), -1);
}

bool HistoryListModel::canFetchMore(const QModelIndex &parent) const
{
    if (m_pending.isEmpty() || m_resetting)
        return false;
    if (!parent.isValid())
        return pendingDayRow() < 0;
    return parent.internalId() == DayId && parent.row() == pendingDayRow();
}

void HistoryListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const QList<HistoryEntry> run = takeRun();
    for (const HistoryEntry &e : run)
        m_ids.insert(e.id);
    if (parent.isValid()) {
        Day &day = m_days[parent.row()];
        const int first = int(day.entries.size());
        beginInsertRows(parent, first, first + int(run.size()) - 1);
        day.entries += run;
        m_shown += int(run.size());
        endInsertRows();
    } else {
        const int row = int(m_days.size());
        beginInsertRows({}, row, row);
        m_dayRows.insert(localDay(run.constFirst()), row);
        m_days.append({localDay(run.constFirst()), run});
        m_shown += int(run.size());
        endInsertRows();
    }
    refill();
}

void HistoryListModel::fetchNextPage()
{
    const int row = pendingDayRow();
    fetchMore(row < 0 ? QModelIndex() : index(row, 0));
}

std::optional<HistoryEntry> HistoryListModel::entry(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == DayId)
        return std::nullopt;
    return m_days.at(int(index.internalId() - 1)).entries.at(index.row());
}

QModelIndex HistoryListModel::indexOfId(qint64 id) const
{
    if (!m_ids.contains(id))
        return {};
    for (int dayRow = 0; dayRow < m_days.size(); ++dayRow) {
        const QList<HistoryEntry> &entries = m_days.at(dayRow).entries;
        for (int row = 0; row < entries.size(); ++row) {
            if (entries.at(row).id == id)
                return createIndex(row, RequestColumn, quintptr(dayRow) + 1);
        }
    }
    return {};
}

QModelIndex HistoryListModel::indexOfDay(const QDate &day) const
{
    const int row = m_dayRows.value(day, -1);
    return row < 0 ? QModelIndex() : index(row, 0);
}

QModelIndex HistoryListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, DayId);
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex HistoryListModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == DayId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, DayId);
}

int HistoryListModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_days.size());
    if (parent.column() != 0 || parent.internalId() != DayId)
        return 0;
    return int(m_days.at(parent.row()).entries.size());
}

int HistoryListModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool HistoryListModel::hasChildren(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return !m_days.isEmpty();
    return parent.column() == 0 && parent.internalId() == DayId;
}

Qt::ItemFlags HistoryListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.internalId() == DayId)
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant HistoryListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == DayId)
        return dayData(m_days.at(index.row()), index.column(), role);
    return entryData(m_days.at(int(index.internalId() - 1)).entries.at(index.row()), index.column(), role);
}

QVariant HistoryListModel::dayData(const Day &day, int column, int role) const
{
    switch (role) {
    case KindRole:
        return int(Kind::Day);
    case DayRole:
        return day.date;
    case Qt::DisplayRole:
        return column == RequestColumn ? QVariant(dayLabel(day.date)) : QVariant();
    case Qt::ToolTipRole:
        return QLocale().toString(day.date, QLocale::LongFormat);
    default:
        return {};
    }
}

QVariant HistoryListModel::entryData(const HistoryEntry &entry, int column, int role) const
{
    switch (role) {
    case KindRole:
        return int(Kind::Entry);
    case IdRole:
        return entry.id;
    case MethodRole:
        return entry.method;
    case UrlRole:
        return entry.url;
    case StatusRole:
        return entry.status;
    case StartedAtRole:
        return entry.startedAt;
    case ErrorKindRole:
        return entry.errorKind;
    case DayRole:
        return localDay(entry);
    case Qt::DisplayRole:
        return entryText(entry, column);
    case Qt::ToolTipRole:
        return entryToolTip(entry, column);
    case Qt::TextAlignmentRole:
        if (column == StatusColumn || column == TimeColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    default:
        return {};
    }
}

QString HistoryListModel::entryText(const HistoryEntry &entry, int column) const
{
    switch (column) {
    case RequestColumn:
        return entry.url;
    case StatusColumn:
        if (entry.hasResponse())
            return QString::number(entry.status);
        return entry.hasError() ? entry.errorKind : tr("no response");
    case TimeColumn:
        return entry.startedAt.toLocalTime().time().toString(QStringLiteral("HH:mm:ss"));
    default:
        return {};
    }
}

QString HistoryListModel::entryToolTip(const HistoryEntry &entry, int column) const
{
    switch (column) {
    case RequestColumn: {
        QString tip = entry.method + u' ' + entry.url;
        if (!entry.workspaceRequest.isEmpty())
            tip += u'\n' + tr("Saved request: %1").arg(entry.workspaceRequest);
        return tip;
    }
    case StatusColumn:
        return entry.hasError() ? entry.errorMessage : QString();
    case TimeColumn: {
        QString tip = QLocale().toString(entry.startedAt.toLocalTime(), QLocale::LongFormat);
        if (entry.durationMs >= 0)
            tip += u'\n' + tr("Took %1 ms").arg(qRound(entry.durationMs));
        return tip;
    }
    default:
        return {};
    }
}

QVariant HistoryListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RequestColumn:
        return tr("Request");
    case StatusColumn:
        return tr("Status");
    case TimeColumn:
        return tr("Time");
    default:
        return {};
    }
}

} // namespace Sonde
