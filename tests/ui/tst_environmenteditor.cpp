#include "CopyTree.h"
#include "storage/SecretStore.h"
#include "workspace/EnvironmentEditor.h"
#include "workspace/EnvironmentSelector.h"
#include "workspace/VariableTableModel.h"
#include "workspace/WorkspaceController.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDirIterator>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Sonde;

namespace {

/// A store that always fails, like a session without a keychain.
class BrokenSecretStore final : public SecretStore
{
public:
    QString description() const override { return QStringLiteral("the system keychain"); }
    void read(const QString &, QObject *context, ReadCallback callback) override
    {
        QMetaObject::invokeMethod(context, [callback] { callback(std::nullopt, QStringLiteral("No keychain service is running")); },
                                  Qt::QueuedConnection);
    }
    void write(const QString &, const QString &, QObject *context, DoneCallback callback) override
    {
        QMetaObject::invokeMethod(context, [callback] { callback(QStringLiteral("No keychain service is running")); },
                                  Qt::QueuedConnection);
    }
    void remove(const QString &, QObject *, DoneCallback) override {}
};

} // namespace

class TestEnvironmentEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void selectorSwitchesTheEnvironment();
    void variableTableModel();
    void editorEditsAndSaves();
    void keychainFailureOffersTheFallback();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FileSecretStore> m_secrets;
    std::unique_ptr<WorkspaceController> m_controller;
};

void TestEnvironmentEditor::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(copyTree(qEnvironmentVariable("SONDE_TEST_DATA") + QStringLiteral("/workspace/sample"), m_dir->filePath(QStringLiteral("ws"))));
    m_secrets = std::make_unique<FileSecretStore>(m_dir->filePath(QStringLiteral("secrets.json")));
    m_controller = std::make_unique<WorkspaceController>(m_secrets.get());
    QCOMPARE(m_controller->open(m_dir->filePath(QStringLiteral("ws"))), QString());
}

void TestEnvironmentEditor::selectorSwitchesTheEnvironment()
{
    EnvironmentSelector selector(m_controller.get());
    QCOMPARE(selector.currentText(), QStringLiteral("No environment"));
    QCOMPARE(selector.itemText(1), QStringLiteral("local"));
    QCOMPARE(selector.itemText(selector.count() - 1), QStringLiteral("Manage environments…"));
    QSignalSpy active(m_controller.get(), &WorkspaceController::activeEnvironmentChanged);
    QSignalSpy manage(&selector, &EnvironmentSelector::manageRequested);
    selector.activated(2);
    QCOMPARE(m_controller->activeEnvironment(), selector.itemText(2));
    QCOMPARE(active.size(), 1);
    const ItemRef list {{QStringLiteral("Users API")}, QStringLiteral("List users.yaml")};
    QCOMPARE(m_controller->resolverFor(list, Request()).lookup(QStringLiteral("base"))->scopeLabel,
             QStringLiteral("environment “%1”").arg(selector.itemText(2)));
    selector.activated(selector.count() - 1);
    QCOMPARE(manage.size(), 1);
    QCOMPARE(selector.currentText(), m_controller->activeEnvironment()); // "Manage" selects nothing
    m_controller->setActiveEnvironment({});
    QCOMPARE(selector.currentIndex(), 0);
}

void TestEnvironmentEditor::variableTableModel()
{
    VariableTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setVariables({{QStringLiteral("token"), QStringLiteral("abc"), true, true}, {QStringLiteral("base"), QStringLiteral("x")}});
    QCOMPARE(model.index(0, VariableTableModel::ValueColumn).data().toString(), QString::fromUtf16(VariableTableModel::Mask));
    QCOMPARE(model.index(0, VariableTableModel::ValueColumn).data(Qt::EditRole).toString(), QStringLiteral("abc"));
    model.setSecretsRevealed(true);
    QCOMPARE(model.index(0, VariableTableModel::ValueColumn).data().toString(), QStringLiteral("abc"));
    QVERIFY(model.setData(model.index(1, VariableTableModel::SecretColumn), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(model.variables().at(1).secret);
    QCOMPARE(model.addVariable(), 2);
    model.removeVariable(0);
    QCOMPARE(model.rowCount(), 2);
}

void TestEnvironmentEditor::editorEditsAndSaves()
{
    EnvironmentEditor editor(m_controller.get());
    QCOMPARE(editor.environmentList()->count(), 2);
    editor.addEnvironment(QStringLiteral("prod"));
    QCOMPARE(editor.environmentList()->currentItem()->text(), QStringLiteral("prod"));
    VariableTableModel *model = editor.variableModel();
    const int row = model->addVariable();
    model->setData(model->index(row, VariableTableModel::NameColumn), QStringLiteral("apiKey"));
    model->setData(model->index(row, VariableTableModel::ValueColumn), QStringLiteral("k3y"));
    model->setData(model->index(row, VariableTableModel::SecretColumn), Qt::Checked, Qt::CheckStateRole);
    editor.environmentList()->setCurrentRow(0);
    editor.environmentList()->item(0)->setText(QStringLiteral("localhost")); // rename in place
    QVERIFY(editor.save());
    QStringList names;
    for (const Environment &environment : m_controller->workspace().environments)
        names.append(environment.name);
    QCOMPARE(names, (QStringList {QStringLiteral("localhost"), QStringLiteral("staging"), QStringLiteral("prod")}));
    QFile prod(m_controller->root() + QStringLiteral("/environments/prod.yaml"));
    QVERIFY(prod.open(QIODevice::ReadOnly));
    QVERIFY(!prod.readAll().contains("k3y"));
    QVERIFY(!QFileInfo::exists(m_controller->root() + QStringLiteral("/environments/local.yaml")));
    editor.resize(760, 440);
    QVERIFY(!editor.grab().isNull());
}

void TestEnvironmentEditor::keychainFailureOffersTheFallback()
{
    BrokenSecretStore broken;
    m_controller->setSecretStore(&broken);
    EnvironmentEditor editor(m_controller.get());
    editor.show();
    auto *fallback = editor.findChild<QPushButton *>();
    QVERIFY(fallback);
    QList<QPushButton *> buttons = editor.findChildren<QPushButton *>();
    QPushButton *offer = nullptr;
    for (QPushButton *button : buttons) {
        if (button->text().contains(QStringLiteral("file")))
            offer = button;
    }
    QVERIFY(offer);
    QTRY_VERIFY(offer->isVisible()); // the failed read of the sample's secret token
    QSignalSpy requested(&editor, &EnvironmentEditor::fileFallbackRequested);
    offer->click();
    QCOMPARE(requested.size(), 1);
    m_controller->setSecretStore(m_secrets.get());
    editor.updateSecretStoreDescription();
    QVERIFY(editor.findChildren<QLabel *>().size() >= 2);
}

QTEST_MAIN(TestEnvironmentEditor)
#include "tst_environmenteditor.moc"
