// The history dock: its model (days, lazy pages) and the panel (search, filters, open, delete, clear)
// over a real history database in a temporary folder.
#include "../core/HistoryTestSupport.h"
#include "formats/HarImport.h"
#include "history/HistoryListModel.h"
#include "history/HistoryPanel.h"
#include "history/HistoryRecorder.h"
#include "history/HistorySettings.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>

using namespace Sonde;
using namespace Qt::StringLiterals;

namespace {

/// Local noon of the day `days` from today, in UTC as history stores it.
QDateTime localDay(int days, QTime time = QTime(12, 0))
{
    return QDateTime(QDate::currentDate().addDays(days), time).toUTC();
}

QStringList shownUrls(const QAbstractItemModel &model)
{
    QStringList urls;
    for (int day = 0; day < model.rowCount(); ++day) {
        const QModelIndex parent = model.index(day, 0);
        for (int row = 0; row < model.rowCount(parent); ++row)
            urls.append(model.index(row, 0, parent).data(HistoryListModel::UrlRole).toString());
    }
    return urls;
}

QStringList shownDays(const QAbstractItemModel &model)
{
    QStringList labels;
    for (int day = 0; day < model.rowCount(); ++day)
        labels.append(model.index(day, 0).data().toString());
    return labels;
}

/// Presses the button of the next message box that has `role`, once the box is shown.
void answerMessageBox(QMessageBox::ButtonRole role)
{
    auto *timer = new QTimer(qApp);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, role] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        for (QAbstractButton *button : box->buttons()) {
            if (box->buttonRole(button) == role) {
                timer->deleteLater();
                button->click();
                return;
            }
        }
    });
    timer->start(10);
}

} // namespace

class TestHistoryPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void dayLabels_data();
    void dayLabels();
    void groupsByLocalDay();
    void loadsPagesAsViewsAsk();
    void modelPassesTester();
    void liveSearchNarrowsTheList_data();
    void liveSearchNarrowsTheList();
    void filters_data();
    void filters();
    void openEmitsTheRecord_data();
    void openEmitsTheRecord();
    void saveEmitsTheRecord();
    void exportHar_data();
    void exportHar();
    void exportHarSaysWhyNot();
    void deleteRemovesTheEntry();
    void clearAsksFirst();
    void recordedEntriesAppear();
    void unavailableStoreSaysWhy();
    void screenshot();
    void settingsRoundTrip();

private:
    /// The search sample of the history tests, moved to today (local time), an hour apart from 09:00.
    void insertSample();
    QTreeView *tree(HistoryPanel &panel) const { return panel.findChild<QTreeView *>(u"historyTree"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<HistoryRecorder> m_recorder;
};

void TestHistoryPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QString path = m_dir->filePath(u"history.sqlite"_s);
    QString error;
    m_store = HistoryStore::open(path, &error);
    QVERIFY2(m_store, qPrintable(error));
    m_recorder = std::make_unique<HistoryRecorder>(path);
}

void TestHistoryPanel::cleanup()
{
    m_recorder.reset();
    m_store.reset();
    m_dir.reset();
}

void TestHistoryPanel::insertSample()
{
    using HistoryTest::exchange;
    QList<Exchange> sample;
    sample << exchange(u"GET"_s, u"https://api.example.com/users/42"_s, 200,
                       R"({"name":"Ada Lovelace","role":"analyst"})");
    HistoryTest::addHeader(sample.last(), "X-Request-Id", "abc123");
    sample << exchange(u"POST"_s, u"https://shop.test/orders"_s, 201, R"({"order":1})");
    HistoryTest::addHeader(sample.last(), "X-Shop", "north");
    HistoryTest::setRequestBody(sample.last(), R"({"sku":"widget-9","qty":2})", u"application/json"_s);
    sample << exchange(u"DELETE"_s, u"http://internal.local/items/7"_s, 404, "no such item", "text/plain");
    sample << exchange(u"GET"_s, u"https://api.example.com/health"_s, 0);
    sample.last().error = {TransportError::Kind::Timeout, u"The server did not answer in time"_s, {}};
    sample << exchange(u"PUT"_s, u"https://cdn.test/blob.bin"_s, 503, "binaryword inside",
                       "application/octet-stream");
    // Inserted oldest first, like the recorder would: the list shows them the other way round.
    for (int i = 0; i < sample.size(); ++i) {
        sample[i].startedAt = localDay(0, QTime(9 + i, 0));
        QVERIFY(m_store->insert(HistoryTest::record(sample[i])));
    }
}

void TestHistoryPanel::dayLabels_data()
{
    QTest::addColumn<int>("days");
    QTest::addColumn<QString>("label");
    const QDate today(2024, 5, 10);
    QTest::newRow("today") << 0 << u"Today"_s;
    QTest::newRow("yesterday") << -1 << u"Yesterday"_s;
    QTest::newRow("two days ago") << -2 << QLocale().toString(today.addDays(-2), QLocale::LongFormat);
    QTest::newRow("a year ago") << -366 << QLocale().toString(today.addDays(-366), QLocale::LongFormat);
    QTest::newRow("tomorrow (clock moved back)")
        << 1 << QLocale().toString(today.addDays(1), QLocale::LongFormat);
}

void TestHistoryPanel::dayLabels()
{
    QFETCH(int, days);
    QFETCH(QString, label);
    HistoryListModel model(nullptr);
    model.setToday(QDate(2024, 5, 10));
    QCOMPARE(model.dayLabel(QDate(2024, 5, 10).addDays(days)), label);
}

void TestHistoryPanel::groupsByLocalDay()
{
    const QList<std::pair<QString, QDateTime>> sent = {
        {u"https://a.test/old"_s, QDateTime(QDate(2024, 5, 1), QTime(12, 0)).toUTC()},
        {u"https://a.test/yesterday-late"_s, localDay(-1, QTime(23, 30))},
        // Just after local midnight: another UTC day in some zones, today here.
        {u"https://a.test/today-early"_s, localDay(0, QTime(0, 5))},
        {u"https://a.test/today"_s, localDay(0, QTime(0, 10))},
    };
    for (const auto &[url, startedAt] : sent) {
        Exchange e = HistoryTest::exchange(u"GET"_s, url, 200);
        e.startedAt = startedAt;
        QVERIFY(m_store->insert(HistoryTest::record(e)));
    }
    HistoryListModel model(m_store.get());
    QCOMPARE(shownDays(model),
             QStringList({u"Today"_s, u"Yesterday"_s, QLocale().toString(QDate(2024, 5, 1), QLocale::LongFormat)}));
    QCOMPARE(model.rowCount(model.index(0, 0)), 2);
    QCOMPARE(shownUrls(model),
             QStringList({u"https://a.test/today"_s, u"https://a.test/today-early"_s,
                          u"https://a.test/yesterday-late"_s, u"https://a.test/old"_s}));
    const QModelIndex today = model.index(0, 0, model.index(0, 0));
    QCOMPARE(today.data(HistoryListModel::MethodRole).toString(), u"GET"_s);
    QCOMPARE(today.data(HistoryListModel::StatusRole).toInt(), 200);
    QCOMPARE(today.data(HistoryListModel::StartedAtRole).toDateTime(), localDay(0, QTime(0, 10)));
    QCOMPARE(model.index(0, HistoryListModel::TimeColumn, model.index(0, 0)).data().toString(), u"00:10:00"_s);
    QCOMPARE(model.indexOfId(today.data(HistoryListModel::IdRole).toLongLong()), today);
    QCOMPARE(model.totalCount(), qint64(4));
}

void TestHistoryPanel::loadsPagesAsViewsAsk()
{
    // 120 entries today, 30 yesterday, recorded oldest first.
    QList<HistoryRecord> records;
    for (int i = 0; i < 150; ++i) {
        Exchange e = HistoryTest::exchange(u"GET"_s, u"https://a.test/%1"_s.arg(149 - i), 200);
        e.startedAt = i < 30 ? localDay(-1, QTime(10, 0).addSecs(i)) : localDay(0, QTime(10, 0).addSecs(i));
        records.append(HistoryTest::record(e));
    }
    QVERIFY(m_store->insert(records));
    // No model tester here: it fetches on its own (modelPassesTester has one).
    HistoryListModel model(m_store.get());
    model.setPageSize(50);
    model.setFilter({}); // from the first page
    QCOMPARE(model.shownCount(), 50);
    QCOMPARE(model.totalCount(), qint64(150));
    const QModelIndex today = model.index(0, 0);
    // The next entries are today's: only that day may grow, no new day row yet.
    QVERIFY(model.canFetchMore(today));
    QVERIFY(!model.canFetchMore({}));
    model.fetchMore({}); // not asked the right parent: nothing
    QCOMPARE(model.shownCount(), 50);
    model.fetchMore(today);
    model.fetchMore(today);
    QCOMPARE(model.rowCount(today), 120);
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(!model.canFetchMore(today));
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowCount(model.index(1, 0)), 30);
    QVERIFY(!model.hasMore());
    QCOMPARE(shownUrls(model).first(), u"https://a.test/0"_s);
    QCOMPARE(shownUrls(model).last(), u"https://a.test/149"_s);
    QCOMPARE(shownUrls(model).size(), 150);
    // A reload keeps what was shown.
    model.reload();
    QCOMPARE(model.shownCount(), 150);
}

void TestHistoryPanel::modelPassesTester()
{
    insertSample();
    HistoryListModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(2);
    model.setFilter({});
    while (model.hasMore())
        model.fetchNextPage();
    QCOMPARE(model.shownCount(), 5);
    HistoryFilter filter;
    filter.methods = {u"GET"_s};
    model.setFilter(filter);
    QCOMPARE(model.shownCount(), 2);
    model.setFilter({});
    model.setToday(QDate(2000, 1, 1));
    QCOMPARE(shownDays(model), QStringList {QLocale().toString(QDate::currentDate(), QLocale::LongFormat)});
}

void TestHistoryPanel::liveSearchNarrowsTheList_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QStringList>("urls");
    QTest::newRow("a word of a response body") << u"lovelace"_s << QStringList {u"https://api.example.com/users/42"_s};
    QTest::newRow("a word of a request body") << u"widget-9"_s << QStringList {u"https://shop.test/orders"_s};
    QTest::newRow("a header value") << u"abc123"_s << QStringList {u"https://api.example.com/users/42"_s};
    QTest::newRow("a host, as typed")
        << u"api.exa"_s << QStringList {u"https://api.example.com/health"_s, u"https://api.example.com/users/42"_s};
    QTest::newRow("nothing") << u"zebra"_s << QStringList {};
}

void TestHistoryPanel::liveSearchNarrowsTheList()
{
    QFETCH(QString, typed);
    QFETCH(QStringList, urls);
    insertSample();
    HistoryPanel panel(m_store.get(), m_recorder.get());
    QCOMPARE(shownUrls(*panel.model()).size(), 5);
    auto *search = panel.findChild<QLineEdit *>(u"historySearch"_s);
    QVERIFY(search);
    QTest::keyClicks(search, typed);
    QTRY_COMPARE(shownUrls(*panel.model()), urls);
    auto *count = panel.findChild<QLabel *>(u"historyCount"_s);
    QCOMPARE(count->text(), urls.isEmpty()          ? u"Nothing matches"_s
                            : urls.size() == 1      ? u"1 matching entry"_s
                                                    : u"%1 matching entries"_s.arg(urls.size()));
    search->clear();
    QTRY_COMPARE(shownUrls(*panel.model()).size(), 5);
    QCOMPARE(count->text(), u"5 entries"_s);
}

void TestHistoryPanel::filters_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QStringList>("urls");
    QTest::newRow("all") << u"All statuses"_s << u"All methods"_s
                         << QStringList {u"https://cdn.test/blob.bin"_s, u"https://api.example.com/health"_s,
                                         u"http://internal.local/items/7"_s, u"https://shop.test/orders"_s,
                                         u"https://api.example.com/users/42"_s};
    QTest::newRow("2xx") << u"2xx"_s << u"All methods"_s
                         << QStringList {u"https://shop.test/orders"_s, u"https://api.example.com/users/42"_s};
    QTest::newRow("4xx") << u"4xx"_s << u"All methods"_s << QStringList {u"http://internal.local/items/7"_s};
    QTest::newRow("5xx") << u"5xx"_s << u"All methods"_s << QStringList {u"https://cdn.test/blob.bin"_s};
    QTest::newRow("errors") << u"Errors"_s << u"All methods"_s << QStringList {u"https://api.example.com/health"_s};
    QTest::newRow("GET") << u"All statuses"_s << u"GET"_s
                         << QStringList {u"https://api.example.com/health"_s, u"https://api.example.com/users/42"_s};
    QTest::newRow("GET 2xx") << u"2xx"_s << u"GET"_s << QStringList {u"https://api.example.com/users/42"_s};
    QTest::newRow("POST 4xx") << u"4xx"_s << u"POST"_s << QStringList {};
}

void TestHistoryPanel::filters()
{
    QFETCH(QString, status);
    QFETCH(QString, method);
    QFETCH(QStringList, urls);
    insertSample();
    HistoryPanel panel(m_store.get(), m_recorder.get());
    auto *statusFilter = panel.findChild<QComboBox *>(u"historyStatusFilter"_s);
    auto *methodFilter = panel.findChild<QComboBox *>(u"historyMethodFilter"_s);
    QVERIFY(statusFilter && methodFilter);
    QVERIFY(statusFilter->findText(status) >= 0);
    QVERIFY(methodFilter->findText(method) >= 0);
    statusFilter->setCurrentIndex(statusFilter->findText(status));
    methodFilter->setCurrentIndex(methodFilter->findText(method));
    QCOMPARE(shownUrls(*panel.model()), urls);
}

void TestHistoryPanel::openEmitsTheRecord_data()
{
    QTest::addColumn<bool>("byDoubleClick");
    QTest::newRow("Enter") << false;
    QTest::newRow("double-click") << true;
}

void TestHistoryPanel::openEmitsTheRecord()
{
    QFETCH(bool, byDoubleClick);
    insertSample();
    HistoryPanel panel(m_store.get(), m_recorder.get());
    panel.resize(700, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy opened(&panel, &HistoryPanel::openRequested);
    QTreeView *view = tree(panel);
    const QModelIndex orders = panel.model()->index(3, 0, panel.model()->index(0, 0));
    QCOMPARE(orders.data(HistoryListModel::UrlRole).toString(), u"https://shop.test/orders"_s);
    if (byDoubleClick) {
        view->scrollTo(orders);
        const QPoint centre = view->visualRect(orders).center();
        QVERIFY(view->viewport()->rect().contains(centre));
        // As a platform sends it: a click, then a press that is a double-click, then a release.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, centre);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, centre);
    } else {
        view->setFocus();
        view->setCurrentIndex(orders);
        QTest::keyClick(view, Qt::Key_Return);
    }
    QCOMPARE(opened.size(), 1);
    const HistoryRecord record = opened.first().first().value<HistoryRecord>();
    QCOMPARE(record.entry.id, orders.data(HistoryListModel::IdRole).toLongLong());
    const Request request = record.toRequest();
    QCOMPARE(request.method, u"POST"_s);
    QCOMPARE(request.url, u"https://shop.test/orders"_s);
    QVERIFY(request.headers.contains(KeyValue {u"X-Shop"_s, u"north"_s, true}));
    QCOMPARE(request.body.kind, Body::Kind::Raw);
    QCOMPARE(request.body.contentType, u"application/json"_s);
    QCOMPARE(request.body.data, QByteArray(R"({"sku":"widget-9","qty":2})"));

    // A day row is not an entry: nothing opens.
    view->setCurrentIndex(panel.model()->index(0, 0));
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(opened.size(), 1);
}

void TestHistoryPanel::saveEmitsTheRecord()
{
    insertSample();
    HistoryPanel panel(m_store.get(), m_recorder.get());
    QSignalSpy saved(&panel, &HistoryPanel::saveToCollectionRequested);
    auto *save = panel.findChild<QPushButton *>(u"historySave"_s);
    QVERIFY(save);
    QVERIFY(!save->isEnabled());
    const qint64 id = panel.model()->index(0, 0, panel.model()->index(0, 0)).data(HistoryListModel::IdRole).toLongLong();
    QVERIFY(panel.setCurrentId(id));
    QVERIFY(save->isEnabled());
    save->click();
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.first().first().value<HistoryRecord>().entry.url, u"https://cdn.test/blob.bin"_s);
}

void TestHistoryPanel::exportHar_data()
{
    QTest::addColumn<QStringList>("selectedUrls");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QStringList>("expected"); // "METHOD URL", oldest first
    QTest::newRow("none selected: all shown")
        << QStringList() << QString()
        << QStringList {u"GET https://api.example.com/users/42"_s, u"POST https://shop.test/orders"_s,
               u"DELETE http://internal.local/items/7"_s, u"GET https://api.example.com/health"_s,
               u"PUT https://cdn.test/blob.bin"_s};
    QTest::newRow("none selected, filtered")
        << QStringList() << u"GET"_s
        << QStringList {u"GET https://api.example.com/users/42"_s, u"GET https://api.example.com/health"_s};
    QTest::newRow("two selected") << QStringList {u"https://cdn.test/blob.bin"_s,
        u"https://shop.test/orders"_s}
                                  << QString()
                                  << QStringList {u"POST https://shop.test/orders"_s,
                                         u"PUT https://cdn.test/blob.bin"_s};
}

void TestHistoryPanel::exportHar()
{
    QFETCH(QStringList, selectedUrls);
    QFETCH(QString, method);
    QFETCH(QStringList, expected);
    insertSample();
    HistoryPanel panel(m_store.get(), m_recorder.get());
    if (!method.isEmpty()) {
        auto *methodFilter = panel.findChild<QComboBox *>(u"historyMethodFilter"_s);
        methodFilter->setCurrentIndex(methodFilter->findText(method));
    }
    QItemSelectionModel *selection = tree(panel)->selectionModel();
    selection->clearSelection();
    for (const QString &url : selectedUrls) {
        const QModelIndex day = panel.model()->index(0, 0);
        for (int row = 0; row < panel.model()->rowCount(day); ++row) {
            const QModelIndex index = panel.model()->index(row, 0, day);
            if (panel.model()->entry(index)->url == url)
                selection->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
    }
    QCOMPARE(selection->selectedRows().size(), selectedUrls.size());

    const QString path = m_dir->filePath(u"out/history.har"_s);
    QSignalSpy exported(&panel, &HistoryPanel::harExported);
    panel.exportHar(path);
    QTRY_COMPARE(exported.size(), 1);
    QCOMPARE(exported.first().at(2).toString(), QString());
    QCOMPARE(exported.first().at(1).toInt(), expected.size());
    QVERIFY(panel.findChild<QLabel *>(u"historyMessage"_s)->text().contains(u"history.har"_s));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const ImportResult back = HarImport::parse(file.readAll());
    QVERIFY2(back.ok(), qPrintable(back.error.toString()));
    QStringList read;
    for (const Request &request : back.collection.requests)
        read.append(request.method + u' ' + request.url);
    QCOMPARE(read, expected);
    // The exchanges come back too: the POST's body and the status of the 404.
    for (const ImportedExample &example : back.examples) {
        if (example.exchange.request.method == u"POST")
            QCOMPARE(example.exchange.sent.body, QByteArray(R"({"sku":"widget-9","qty":2})"));
        if (example.exchange.request.method == u"DELETE")
            QCOMPARE(example.exchange.response->statusCode, 404);
    }
}

void TestHistoryPanel::exportHarSaysWhyNot()
{
    insertSample();
    HistoryPanel panel(m_store.get(), m_recorder.get());
    // A folder where the file should go: it cannot be written, and the panel says so.
    const QString path = m_dir->filePath(u"taken.har"_s);
    QVERIFY(QDir().mkpath(path));
    QSignalSpy exported(&panel, &HistoryPanel::harExported);
    panel.exportHar(path);
    QTRY_COMPARE(exported.size(), 1);
    const QString error = exported.first().at(2).toString();
    QVERIFY(!error.isEmpty());
    QCOMPARE(exported.first().at(1).toInt(), 0);
    auto *message = panel.findChild<QLabel *>(u"historyMessage"_s);
    QCOMPARE(message->text(), u"Not exported: "_s + error);
    QVERIFY(message->text().contains(path));
}

void TestHistoryPanel::deleteRemovesTheEntry()
{
    insertSample();
    HistoryPanel panel(m_store.get(), m_recorder.get());
    panel.show();
    panel.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&panel));
    const QModelIndex day = panel.model()->index(0, 0);
    const qint64 deleted = panel.model()->index(1, 0, day).data(HistoryListModel::IdRole).toLongLong();
    const qint64 below = panel.model()->index(2, 0, day).data(HistoryListModel::IdRole).toLongLong();
    QVERIFY(panel.setCurrentId(deleted));
    tree(panel)->setFocus();
    QTest::keyClick(tree(panel), Qt::Key_Delete);
    QTRY_COMPARE(panel.model()->shownCount(), 4);
    QVERIFY(!panel.model()->indexOfId(deleted).isValid());
    QCOMPARE(m_store->count({}), qint64(4));
    QVERIFY(!m_store->record(deleted));
    // The entry below takes its place.
    QCOMPARE(panel.currentId(), below);
    QCOMPARE(panel.findChild<QLabel *>(u"historyCount"_s)->text(), u"4 entries"_s);
}

void TestHistoryPanel::clearAsksFirst()
{
    insertSample();
    HistoryPanel panel(m_store.get(), m_recorder.get());
    auto *clear = panel.findChild<QPushButton *>(u"historyClear"_s);
    QVERIFY(clear && clear->isEnabled());
    QSignalSpy changed(m_recorder.get(), &HistoryRecorder::changed);

    answerMessageBox(QMessageBox::RejectRole);
    clear->click();
    QCOMPARE(m_recorder->flush(), QString());
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_store->count({}), qint64(5));

    answerMessageBox(QMessageBox::DestructiveRole);
    clear->click();
    QTRY_COMPARE(panel.model()->shownCount(), 0);
    QCOMPARE(m_store->count({}), qint64(0));
    QCOMPARE(panel.findChild<QLabel *>(u"historyCount"_s)->text(),
             u"No history yet: requests you send appear here"_s);
    QVERIFY(!clear->isEnabled());
}

void TestHistoryPanel::recordedEntriesAppear()
{
    insertSample();
    HistoryPanel panel(m_store.get(), m_recorder.get());
    QVERIFY(panel.setCurrentId(panel.model()->index(2, 0, panel.model()->index(0, 0))
                                   .data(HistoryListModel::IdRole).toLongLong()));
    const qint64 selected = panel.currentId();
    m_recorder->record(HistoryTest::exchange(u"PATCH"_s, u"https://fresh.test/new"_s, 200));
    QTRY_COMPARE(shownUrls(*panel.model()).value(0), u"https://fresh.test/new"_s);
    QCOMPARE(panel.model()->shownCount(), 6);
    QCOMPARE(panel.currentId(), selected);
}

void TestHistoryPanel::unavailableStoreSaysWhy()
{
    HistoryPanel panel(nullptr, nullptr, u"The disk is full."_s);
    QVERIFY(!panel.isAvailable());
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *message = panel.findChild<QLabel *>(u"historyUnavailable"_s);
    QVERIFY(message);
    QVERIFY(message->isVisible());
    QVERIFY(message->text().contains(u"History is unavailable"_s));
    QVERIFY(message->text().contains(u"The disk is full."_s));
    QVERIFY(!tree(panel)->isVisible());
    QCOMPARE(panel.model()->rowCount(), 0);
}

void TestHistoryPanel::screenshot()
{
    const QString folder = qEnvironmentVariable("SONDE_SCREENSHOT_DIR");
    if (folder.isEmpty())
        QSKIP("set SONDE_SCREENSHOT_DIR to save a picture of the panel");
    // Recorded in time order, as the recorder does.
    Exchange old = HistoryTest::exchange(u"OPTIONS"_s, u"https://cors.test/preflight"_s, 204);
    old.startedAt = localDay(-4, QTime(8, 3, 55));
    QVERIFY(m_store->insert(HistoryTest::record(old)));
    old = HistoryTest::exchange(u"GET"_s, u"https://api.example.com/users?page=2&sort=name"_s, 302);
    old.startedAt = localDay(-1, QTime(18, 42, 7));
    QVERIFY(m_store->insert(HistoryTest::record(old)));
    insertSample();
    HistoryPanel panel(m_store.get(), m_recorder.get());
    panel.resize(520, 420);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setCurrentId(panel.model()->index(1, 0, panel.model()->index(0, 0)).data(HistoryListModel::IdRole).toLongLong());
    QVERIFY(panel.grab().save(QDir(folder).filePath(u"history-panel.png"_s)));
    // The context menu, with Export as HAR…
    QTreeView *view = tree(panel);
    const QModelIndex entry = panel.model()->indexOfId(panel.currentId());
    bool grabbed = false;
    QTimer::singleShot(0, this, [&] {
        if (QWidget *popup = QApplication::activePopupWidget()) {
            grabbed = popup->grab().save(QDir(folder).filePath(u"history-panel-menu.png"_s));
            popup->close();
        }
    });
    Q_EMIT view->customContextMenuRequested(view->visualRect(entry).center());
    QVERIFY(grabbed);
    HistoryPanel unavailable(nullptr, nullptr, u"Could not open /home/ada/.local/share/Sonde/history.sqlite: disk I/O error"_s);
    unavailable.resize(520, 260);
    unavailable.show();
    QVERIFY(QTest::qWaitForWindowExposed(&unavailable));
    QVERIFY(unavailable.grab().save(QDir(folder).filePath(u"history-panel-unavailable.png"_s)));
}

void TestHistoryPanel::settingsRoundTrip()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"sonde.ini"_s), QSettings::IniFormat);
    // Nothing stored: no age limit, 500 MB, 1 MiB bodies, secrets redacted.
    const HistorySettings defaults = HistorySettings::load(settings);
    QCOMPARE(defaults, HistorySettings());
    QCOMPARE(defaults.record.bodyCap, RecordOptions::DefaultBodyCap);
    QVERIFY(!defaults.record.keepSecrets);

    HistorySettingsDialog dialog(defaults);
    QCOMPARE(dialog.settings(), defaults);
    dialog.keepDaysBox()->setValue(30);
    dialog.maxMegabytesBox()->setValue(0);
    dialog.bodyCapBox()->setValue(64);
    dialog.keepSecretsBox()->setChecked(true);
    const HistorySettings chosen = dialog.settings();
    QCOMPARE(chosen.keepDays, 30);
    QCOMPARE(chosen.maxBytes(), 0);
    QCOMPARE(chosen.record.bodyCap, 64 * 1024);
    QVERIFY(chosen.record.keepSecrets);
    chosen.save(settings);
    QCOMPARE(HistorySettings::load(settings), chosen);
}

QTEST_MAIN(TestHistoryPanel)
#include "tst_historypanel.moc"
