#pragma once

#include "history/HistoryQuery.h"
#include "history/HistoryRecord.h"

#include <QAbstractItemModel>
#include <QDate>
#include <QHash>
#include <QSet>
#include <optional>

namespace Sonde {

class HistoryStore;

/// The history list as a tree: one row per day ("Today", "Yesterday", then dates, in local time), the
/// entries of that day under it, newest first, as HistoryStore::search() returns them for filter().
///
/// Entries are read a page at a time and shown as views ask for them (canFetchMore()/fetchMore()), so a
/// history of 100k entries costs a page to open. Pages are read one ahead: each fetch shows the next run
/// of entries of one day, either under that day's row (canFetchMore() is true for that row) or as a new
/// day row (canFetchMore() is true for the root). A view thus never gets rows of another parent than the
/// one it asked for, and a busy day does not make the view load everything below it.
///
/// Days come in the order of their first entry in the list (the most recently recorded first), which is
/// newest day first as long as exchanges are recorded in the order they were sent.
///
/// The store is read on the calling thread; the model does not watch it: call reload() after it changed.
class HistoryListModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { RequestColumn, StatusColumn, TimeColumn, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1, ///< Kind, as int
        IdRole, ///< the entry's id (qint64); entries only
        MethodRole,
        UrlRole,
        StatusRole, ///< int, 0 without response
        StartedAtRole, ///< QDateTime in UTC
        ErrorKindRole, ///< errorKindName(), empty without transport error
        DayRole, ///< the local QDate of a day row or an entry
    };
    enum class Kind { Day, Entry };

    static constexpr int DefaultPageSize = 200;

    /// `store` may be null: the model is then empty. It must outlive the model.
    explicit HistoryListModel(HistoryStore *store, QObject *parent = nullptr);

    HistoryFilter filter() const { return m_filter; }
    /// Shows what matches `filter` (its limit and offset are ignored) from the first page.
    void setFilter(const HistoryFilter &filter);
    /// Reads the store again, showing at least as many entries as before (at least a page).
    void reload();

    int pageSize() const { return m_pageSize; }
    void setPageSize(int entries);
    /// The date "Today" stands for; an invalid date (the default) follows the clock at each reload.
    void setToday(const QDate &today);
    /// "Today", "Yesterday" or the date in the locale's long format.
    QString dayLabel(const QDate &day) const;

    /// How many entries match the filter in the store; -1 when it could not be counted.
    qint64 totalCount() const { return m_total; }
    /// How many entries the tree shows now.
    int shownCount() const { return m_shown; }
    /// True while entries matching the filter are not shown yet.
    bool hasMore() const { return !m_pending.isEmpty(); }
    /// Shows the next run of entries, wherever they belong; for views that scroll to the end.
    void fetchNextPage();
    /// What the last read of the store ran into; empty when it worked.
    QString lastError() const { return m_lastError; }

    std::optional<HistoryEntry> entry(const QModelIndex &index) const;
    /// The row of entry `id` (in RequestColumn) if it is shown; invalid otherwise.
    QModelIndex indexOfId(qint64 id) const;
    /// The day row of `day` if there is one; invalid otherwise.
    QModelIndex indexOfDay(const QDate &day) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    /// Reading the store failed; the message is for the user.
    void loadFailed(const QString &message);

private:
    struct Day
    {
        QDate date;
        QList<HistoryEntry> entries;
    };

    void load(int limit);
    void refill();
    QDate localDay(const HistoryEntry &entry) const;
    /// Removes and returns the entries at the front of the pending ones that share the first one's day.
    QList<HistoryEntry> takeRun();
    /// The day row the next pending entries belong under; -1 for a new one (or none pending).
    int pendingDayRow() const;
    QVariant dayData(const Day &day, int column, int role) const;
    QVariant entryData(const HistoryEntry &entry, int column, int role) const;
    QString entryText(const HistoryEntry &entry, int column) const;
    QString entryToolTip(const HistoryEntry &entry, int column) const;

    HistoryStore *m_store;
    HistoryFilter m_filter;
    int m_pageSize = DefaultPageSize;
    QDate m_fixedToday;
    QDate m_today;
    QList<Day> m_days;
    QHash<QDate, int> m_dayRows;
    QSet<qint64> m_ids;
    /// Read from the store, not shown yet.
    QList<HistoryEntry> m_pending;
    /// How many the store has returned since the last reset: the next page's offset.
    int m_read = 0;
    bool m_exhausted = true;
    bool m_resetting = false;
    int m_shown = 0;
    qint64 m_total = 0;
    QString m_lastError;
};

} // namespace Sonde
