// The cookie manager dialog and its model, offscreen, editing a real jar.
#include "cookies/CookieJarModel.h"
#include "cookies/CookieManagerDialog.h"
#include "http/CookieJar.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>
#include <QTimeZone>
#include <optional>

using namespace Sonde;

namespace {

QNetworkCookie makeCookie(
    const QByteArray &name, const QString &domain, const QString &path = QStringLiteral("/"))
{
    QNetworkCookie cookie(name, "v");
    cookie.setDomain(domain);
    cookie.setPath(path);
    cookie.setExpirationDate(QDateTime(QDate(2099, 1, 1), QTime(0, 0), QTimeZone::utc()));
    return cookie;
}

std::optional<QNetworkCookie> find(const CookieJar &jar, const QByteArray &name)
{
    for (const QNetworkCookie &cookie : jar.cookies()) {
        if (cookie.name() == name)
            return cookie;
    }
    return std::nullopt;
}

} // namespace

class TestCookieManager : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void modelIsSound();
    void listsByDomain();
    void editInPlace_data();
    void editInPlace();
    void invalidEditsRefused_data();
    void invalidEditsRefused();
    void flagsToggle();
    void addThenEditName();
    void deleteSelected();
    void deleteDomain();
    void followsJarChanges();

private:
    std::unique_ptr<CookieJar> m_jar;
};

void TestCookieManager::init()
{
    m_jar = std::make_unique<CookieJar>();
    m_jar->insertCookie(makeCookie("b", QStringLiteral("api.test")));
    m_jar->insertCookie(makeCookie("a", QStringLiteral(".api.test")));
    m_jar->insertCookie(makeCookie("z", QStringLiteral("127.0.0.1")));
}

void TestCookieManager::modelIsSound()
{
    CookieJarModel model(m_jar.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.setData(model.index(0, CookieJarModel::ValueColumn), QStringLiteral("x")));
    QCOMPARE(model.addCookie(QStringLiteral("new.test")), 3);
    QVERIFY(model.removeRows(0, 2));
    m_jar->clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestCookieManager::listsByDomain()
{
    CookieManagerDialog dialog(m_jar.get());
    QComboBox *domains = dialog.domainBox();
    QCOMPARE(domains->count(), 3);
    QCOMPARE(domains->itemText(1), QStringLiteral("127.0.0.1"));
    QCOMPARE(domains->itemText(2), QStringLiteral("api.test"));
    QCOMPARE(dialog.view()->model()->rowCount(), 3);
    QVERIFY(!dialog.deleteDomainButton()->isEnabled());

    dialog.setDomainFilter(QStringLiteral("api.test"));
    // The host-only and the domain cookie both belong to api.test.
    QCOMPARE(dialog.view()->model()->rowCount(), 2);
    QCOMPARE(
        dialog.view()->model()->index(0, CookieJarModel::NameColumn).data().toString(), QStringLiteral("a"));
    QVERIFY(dialog.deleteDomainButton()->isEnabled());
}

void TestCookieManager::editInPlace_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::newRow("value") << int(CookieJarModel::ValueColumn) << QStringLiteral("new value")
                           << QStringLiteral("new value");
    QTest::newRow("name") << int(CookieJarModel::NameColumn) << QStringLiteral("renamed")
                          << QStringLiteral("renamed");
    QTest::newRow("path") << int(CookieJarModel::PathColumn) << QStringLiteral("v2") << QStringLiteral("/v2");
    QTest::newRow("expires") << int(CookieJarModel::ExpiresColumn) << QStringLiteral("2098-05-06T07:08:09Z")
                             << QStringLiteral("2098-05-06T07:08:09Z");
    QTest::newRow("session") << int(CookieJarModel::ExpiresColumn) << QString() << QStringLiteral("Session");
}

void TestCookieManager::editInPlace()
{
    QFETCH(int, column);
    QFETCH(QString, text);
    QFETCH(QString, shown);
    CookieManagerDialog dialog(m_jar.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTableView *view = dialog.view();
    // Row 2 is "b" on api.test (sorted by domain, path, name: 127.0.0.1 first, then "a").
    const QModelIndex index = view->model()->index(2, column);
    QCOMPARE(view->model()->index(2, CookieJarModel::NameColumn).data().toString(), QStringLiteral("b"));
    view->setCurrentIndex(index);
    view->edit(index);
    auto *editor = view->findChild<QLineEdit *>();
    QVERIFY(editor);
    editor->selectAll();
    if (text.isEmpty())
        QTest::keyClick(editor, Qt::Key_Delete);
    else
        QTest::keyClicks(editor, text);
    // The delegate commits on Return through a queued call.
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(view->model()->index(2, column).data().toString(), shown);
    QCOMPARE(m_jar->cookies().size(), 3);
    const QByteArray name = column == CookieJarModel::NameColumn ? text.toUtf8() : QByteArray("b");
    const std::optional<QNetworkCookie> cookie = find(*m_jar, name);
    QVERIFY(cookie);
    if (column == CookieJarModel::ValueColumn)
        QCOMPARE(cookie->value(), text.toUtf8());
    if (column == CookieJarModel::PathColumn)
        QCOMPARE(cookie->path(), shown);
    if (column == CookieJarModel::ExpiresColumn)
        QCOMPARE(cookie->isSessionCookie(), text.isEmpty());
}

void TestCookieManager::invalidEditsRefused_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::newRow("empty name") << int(CookieJarModel::NameColumn) << QString();
    QTest::newRow("name with =") << int(CookieJarModel::NameColumn) << QStringLiteral("a=b");
    QTest::newRow("name taken") << int(CookieJarModel::NameColumn) << QStringLiteral("a");
    QTest::newRow("empty domain") << int(CookieJarModel::DomainColumn) << QString();
    QTest::newRow("bad expiry") << int(CookieJarModel::ExpiresColumn) << QStringLiteral("tomorrow");
}

void TestCookieManager::invalidEditsRefused()
{
    QFETCH(int, column);
    QFETCH(QString, text);
    // "a" is a domain cookie (.api.test): rename "b" to "a" with the same domain to collide.
    m_jar->insertCookie(makeCookie("a", QStringLiteral("api.test")));
    CookieJarModel model(m_jar.get());
    const QList<QNetworkCookie> before = m_jar->cookies();
    int row = 0;
    while (model.index(row, CookieJarModel::NameColumn).data().toString() != u"b")
        ++row;
    QVERIFY(!model.setData(model.index(row, column), text));
    QCOMPARE(m_jar->cookies(), before);
}

void TestCookieManager::flagsToggle()
{
    CookieJarModel model(m_jar.get());
    const QModelIndex secure = model.index(0, CookieJarModel::SecureColumn);
    QVERIFY(model.flags(secure) & Qt::ItemIsUserCheckable);
    QCOMPARE(secure.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QVERIFY(model.setData(secure, Qt::Checked, Qt::CheckStateRole));
    QVERIFY(find(*m_jar, "z")->isSecure());
    QVERIFY(model.setData(model.index(0, CookieJarModel::HttpOnlyColumn), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(find(*m_jar, "z")->isHttpOnly());
}

void TestCookieManager::addThenEditName()
{
    CookieManagerDialog dialog(m_jar.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.setDomainFilter(QStringLiteral("127.0.0.1"));
    dialog.addButton()->click();
    QCOMPARE(m_jar->cookies().size(), 4);
    QVERIFY(find(*m_jar, "cookie1"));
    QCOMPARE(find(*m_jar, "cookie1")->domain(), QStringLiteral("127.0.0.1"));
    // The new cookie's name is being edited.
    auto *editor = dialog.view()->findChild<QLineEdit *>();
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("token"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(find(*m_jar, "token"));
    QVERIFY(!find(*m_jar, "cookie1"));
    QCOMPARE(dialog.view()->model()->rowCount(), 2);
}

void TestCookieManager::deleteSelected()
{
    CookieManagerDialog dialog(m_jar.get());
    QVERIFY(!dialog.deleteButton()->isEnabled());
    dialog.view()->selectRow(1);
    QVERIFY(dialog.deleteButton()->isEnabled());
    dialog.deleteButton()->click();
    QCOMPARE(m_jar->cookies().size(), 2);
    QVERIFY(!find(*m_jar, "a"));
    QCOMPARE(dialog.view()->model()->rowCount(), 2);
}

void TestCookieManager::deleteDomain()
{
    CookieManagerDialog dialog(m_jar.get());
    dialog.setDomainFilter(QStringLiteral("api.test"));
    dialog.deleteDomainButton()->click();
    QCOMPARE(m_jar->cookies().size(), 1);
    QVERIFY(find(*m_jar, "z"));
    // The domain is gone from the list; all remaining cookies show.
    QCOMPARE(dialog.domainBox()->count(), 2);
    QCOMPARE(dialog.domainFilter(), QString());
    QCOMPARE(dialog.view()->model()->rowCount(), 1);
    QVERIFY(!dialog.deleteDomainButton()->isEnabled());
}

void TestCookieManager::followsJarChanges()
{
    CookieManagerDialog dialog(m_jar.get());
    m_jar->setCookiesFromUrl({QNetworkCookie("fresh", "1")}, QUrl(QStringLiteral("http://other.test/")));
    QCOMPARE(dialog.view()->model()->rowCount(), 4);
    QVERIFY(dialog.domainBox()->findData(QStringLiteral("other.test")) > 0);
}

QTEST_MAIN(TestCookieManager)
#include "tst_cookiemanager.moc"
