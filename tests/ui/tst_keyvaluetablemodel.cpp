#include "UiTestPrinters.h"
#include "request/KeyValueTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Sonde;

class TestKeyValueTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyModelHasOnePlaceholderRow();
    void typingIntoPlaceholderAddsRow_data();
    void typingIntoPlaceholderAddsRow();
    void emptyTextInPlaceholderChangesNothing();
    void setRowsIsSilent();
    void editCells();
    void checkboxTogglesEnabled();
    void removeRows();
    void flags();
    void activeCount();

private:
    static KeyValueList sample()
    {
        return {{QStringLiteral("a"), QStringLiteral("1"), true},
            {QStringLiteral("b"), QStringLiteral("2"), false}, {QStringLiteral("c"), QString(), true}};
    }
};

void TestKeyValueTableModel::emptyModelHasOnePlaceholderRow()
{
    KeyValueTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), int(KeyValueTableModel::ColumnCount));
    QVERIFY(model.isPlaceholderRow(0));
    QVERIFY(model.rows().isEmpty());
    QCOMPARE(model.index(0, KeyValueTableModel::KeyColumn)
                 .data(KeyValueTableModel::PlaceholderTextRole)
                 .toString(),
        QStringLiteral("Key"));
    QVERIFY(!model.index(0, KeyValueTableModel::EnabledColumn).data(Qt::CheckStateRole).isValid());
}

void TestKeyValueTableModel::typingIntoPlaceholderAddsRow_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::addColumn<KeyValue>("expected");

    QTest::newRow("key") << int(KeyValueTableModel::KeyColumn) << QStringLiteral("page")
                         << KeyValue {QStringLiteral("page"), QString(), true};
    QTest::newRow("value") << int(KeyValueTableModel::ValueColumn) << QStringLiteral("7")
                           << KeyValue {QString(), QStringLiteral("7"), true};
}

void TestKeyValueTableModel::typingIntoPlaceholderAddsRow()
{
    QFETCH(int, column);
    QFETCH(QString, text);
    QFETCH(KeyValue, expected);

    KeyValueTableModel model;
    model.setRows({{QStringLiteral("a"), QStringLiteral("1"), true}});
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy edited(&model, &KeyValueTableModel::rowsEdited);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    QVERIFY(model.setData(model.index(1, column), text));

    QCOMPARE(edited.count(), 1);
    QCOMPARE(inserted.count(), 1);
    // The new empty row goes below: the row typed into keeps its index.
    QCOMPARE(inserted.at(0).at(1).toInt(), 2);
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(model.isPlaceholderRow(2));
    QCOMPARE(model.rows(), (KeyValueList {{QStringLiteral("a"), QStringLiteral("1"), true}, expected}));
    QCOMPARE(model.index(1, column).data().toString(), text);
    QCOMPARE(
        model.index(1, KeyValueTableModel::EnabledColumn).data(Qt::CheckStateRole).value<Qt::CheckState>(),
        Qt::Checked);
}

void TestKeyValueTableModel::emptyTextInPlaceholderChangesNothing()
{
    KeyValueTableModel model;
    QSignalSpy edited(&model, &KeyValueTableModel::rowsEdited);
    QVERIFY(!model.setData(model.index(0, KeyValueTableModel::KeyColumn), QString()));
    QVERIFY(
        !model.setData(model.index(0, KeyValueTableModel::EnabledColumn), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(edited.count(), 0);
}

void TestKeyValueTableModel::setRowsIsSilent()
{
    KeyValueTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy edited(&model, &KeyValueTableModel::rowsEdited);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    model.setRows(sample());
    QCOMPARE(model.rows(), sample());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(reset.count(), 1);
    model.setRows(sample()); // unchanged: no reset
    QCOMPARE(reset.count(), 1);
    model.setRows({});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(edited.count(), 0);
}

void TestKeyValueTableModel::editCells()
{
    KeyValueTableModel model;
    model.setRows(sample());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy edited(&model, &KeyValueTableModel::rowsEdited);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    QVERIFY(model.setData(model.index(0, KeyValueTableModel::ValueColumn), QStringLiteral("one")));
    QVERIFY(model.setData(model.index(1, KeyValueTableModel::KeyColumn), QStringLiteral("bee")));
    QCOMPARE(edited.count(), 2);
    QCOMPARE(changed.count(), 2);
    // The same text again is not an edit.
    QVERIFY(model.setData(model.index(0, KeyValueTableModel::ValueColumn), QStringLiteral("one")));
    QCOMPARE(edited.count(), 2);

    KeyValueList expected = sample();
    expected[0].value = QStringLiteral("one");
    expected[1].key = QStringLiteral("bee");
    QCOMPARE(model.rows(), expected);
    QCOMPARE(
        model.index(1, KeyValueTableModel::KeyColumn).data(Qt::EditRole).toString(), QStringLiteral("bee"));
}

void TestKeyValueTableModel::checkboxTogglesEnabled()
{
    KeyValueTableModel model;
    model.setRows(sample());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy edited(&model, &KeyValueTableModel::rowsEdited);

    const QModelIndex box = model.index(0, KeyValueTableModel::EnabledColumn);
    QVERIFY(model.setData(box, Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(box.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QVERIFY(!model.rows().at(0).enabled);
    QVERIFY(model.setData(box, Qt::Checked, Qt::CheckStateRole));
    QVERIFY(model.rows().at(0).enabled);
    QCOMPARE(edited.count(), 2);
}

void TestKeyValueTableModel::removeRows()
{
    KeyValueTableModel model;
    model.setRows(sample());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy edited(&model, &KeyValueTableModel::rowsEdited);

    QVERIFY(!model.removeRows(3, 1)); // the placeholder stays
    QVERIFY(model.removeRows(1, 1));
    QCOMPARE(model.rows(), (KeyValueList {sample().at(0), sample().at(2)}));
    QVERIFY(model.removeRows(1, 5)); // clipped to the real rows
    QCOMPARE(model.rows(), KeyValueList {sample().at(0)});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(edited.count(), 2);
}

void TestKeyValueTableModel::flags()
{
    KeyValueTableModel model;
    model.setRows(sample());
    QVERIFY(model.flags(model.index(0, KeyValueTableModel::EnabledColumn)) & Qt::ItemIsUserCheckable);
    QVERIFY(!(model.flags(model.index(0, KeyValueTableModel::EnabledColumn)) & Qt::ItemIsEditable));
    QVERIFY(model.flags(model.index(0, KeyValueTableModel::KeyColumn)) & Qt::ItemIsEditable);
    QVERIFY(model.flags(model.index(0, KeyValueTableModel::ValueColumn)) & Qt::ItemIsEditable);
    QVERIFY(!(model.flags(model.index(3, KeyValueTableModel::EnabledColumn)) & Qt::ItemIsUserCheckable));
    QVERIFY(model.flags(model.index(3, KeyValueTableModel::KeyColumn)) & Qt::ItemIsEditable);
}

void TestKeyValueTableModel::activeCount()
{
    KeyValueTableModel model;
    QCOMPARE(model.activeCount(), 0);
    model.setRows(sample()); // a, (off) b, c
    QCOMPARE(model.activeCount(), 2);
    model.setRows({{QString(), QStringLiteral("no key"), true}});
    QCOMPARE(model.activeCount(), 0);
}

QTEST_MAIN(TestKeyValueTableModel)
#include "tst_keyvaluetablemodel.moc"
