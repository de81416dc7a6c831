#pragma once

#include "history/HistoryRecord.h"

#include <QDate>
#include <QSet>
#include <QTimer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTreeView;

namespace Sonde {

class HistoryListModel;
class HistoryRecorder;
class HistoryStore;

/// The history dock: every exchange sent, grouped by day, newest first, to search, reopen, save or delete.
///
/// A search box (searching as you type, 200 ms after the last key: URLs, headers and textual bodies),
/// filters by status class and method, the list (method badge, URL, status in the colour of its class,
/// local time), how many entries match, and the actions Open (double-click or Enter), Save to
/// Collection…, Delete (Del) and Clear History… (after a confirmation), as buttons and in a context menu,
/// and Export as HAR… (the selected entries, or every entry the filter shows when none is selected) in
/// the context menu.
///
/// The panel reads through `store` on the UI thread and changes history through `recorder` (which
/// writes on its worker thread); it reloads after the recorder's recorded() and changed(), and shows its
/// failed() messages. It never sends nor edits requests: Open and Save emit signals with the full
/// record, and the window decides what to do (a tab with record.toRequest(), a save dialog, …).
///
/// Wiring, in the window:
/// \code
///   auto *panel = new HistoryPanel(store.get(), recorder, store ? QString() : openError, dock);
///   connect(panel, &HistoryPanel::openRequested, this, [this](const HistoryRecord &r) { … r.toRequest() …
///   }); connect(panel, &HistoryPanel::saveToCollectionRequested, this, …);
/// \endcode
class HistoryPanel final : public QWidget
{
    Q_OBJECT
public:
    /// `store` (may be null when the database could not be opened; `unavailableReason` then says why, in
    /// the user's words, and the panel shows it instead of the list) and `recorder` (may be null: Delete
    /// and Clear are then unavailable) must outlive the panel.
    explicit HistoryPanel(HistoryStore *store, HistoryRecorder *recorder,
                          const QString &unavailableReason = {}, QWidget *parent = nullptr);
    ~HistoryPanel() override;

    /// True when there is a store to show.
    bool isAvailable() const { return m_store != nullptr; }
    /// The id of the selected entry; 0 when none is.
    qint64 currentId() const;
    /// Selects entry `id` if the list shows it; returns whether it did.
    bool setCurrentId(qint64 id);
    /// The list's model, e.g. to count what it shows.
    HistoryListModel *model() const { return m_model; }

public Q_SLOTS:
    /// Reads the store again, keeping the filter, the selection and what was shown.
    void refresh();
    /// Puts the keyboard focus in the search box, its text selected.
    void focusSearch();
    /// Emits openRequested() for the selected entry.
    void openCurrent();
    /// Emits saveToCollectionRequested() for the selected entry.
    void saveCurrentToCollection();
    /// Deletes the selected entry (through the recorder).
    void deleteCurrent();
    /// Asks for confirmation, then deletes every entry (through the recorder).
    void clearHistory();
    /// Asks for a file, then exports there as HAR (see exportHar()).
    void chooseFileAndExportHar();
    /// Writes the selected entries (every entry the filter shows when none is selected), oldest first,
    /// as a HAR 1.2 file at `path`, off the UI thread; harExported() follows and the panel says how it
    /// went.
    void exportHar(const QString &path);

Q_SIGNALS:
    /// The user wants `record` opened, e.g. in a new request tab from record.toRequest().
    void openRequested(const Sonde::HistoryRecord &record);
    /// The user wants `record`'s request saved into a collection.
    void saveToCollectionRequested(const Sonde::HistoryRecord &record);
    /// `count` entries were written to the HAR file `path` (`error` is empty), or not (`error` says why).
    void harExported(const QString &path, int count, const QString &error);

private:
    QWidget *createListPage();
    QWidget *createUnavailablePage(const QString &reason);
    void createActions();
    void applyFilter();
    void reloadKeepingSelection(qint64 selectId);
    void expandDays();
    void fetchIfAtEnd();
    void updateActions();
    void updateCount();
    void showMessage(const QString &message);
    /// The full record of the selected entry; nullopt (with a message shown) when it cannot be read.
    std::optional<HistoryRecord> currentRecord();
    void showContextMenu(const QPoint &position);
    /// The entries Export as HAR… writes, oldest first: the selected ones, or all the filter shows.
    QList<HistoryEntry> entriesToExport();

    HistoryStore *m_store;
    HistoryRecorder *m_recorder;
    HistoryListModel *m_model;
    QStackedWidget *m_stack = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QComboBox *m_methodFilter = nullptr;
    QTreeView *m_tree = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_message = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_clearAction = nullptr;
    QAction *m_exportHarAction = nullptr;
    QTimer m_searchTimer;
    QTimer m_refreshTimer;
    QTimer m_layoutTimer;
    QSet<QDate> m_collapsedDays;
    /// The entry to select after the next reload (the neighbour of a deleted one); 0 for none.
    qint64 m_selectAfterReload = 0;
};

} // namespace Sonde
