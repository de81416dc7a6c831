// The Cookies tab: Set-Cookie headers parsed into a table with every attribute.

#include "response/CookiesTableModel.h"
#include "response/CookiesView.h"
#include "response/ResponseViewer.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace Sonde;

namespace {

QString cell(const CookiesTableModel &model, int row, CookiesTableModel::Column column)
{
    return model.index(row, column).data().toString();
}

const HeaderList Headers = {
    {"Content-Type", "text/html"},
    {"Set-Cookie", "session=abc123; Path=/; Secure; HttpOnly; SameSite=Strict"},
    {"set-cookie", "theme=dark; Domain=example.com; Expires=Wed, 21 Oct 2037 07:28:00 GMT; SameSite=Lax"},
    {"Set-Cookie", "tracking=1; Path=/ads; SameSite=None; Secure"},
};

} // namespace

class TestCookiesTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void attributes()
    {
        CookiesTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResponse(Headers, QUrl(QStringLiteral("https://api.example.com/v1/login")));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(CookiesTableModel::ColumnCount));

        QCOMPARE(cell(model, 0, CookiesTableModel::NameColumn), QStringLiteral("session"));
        QCOMPARE(cell(model, 0, CookiesTableModel::ValueColumn), QStringLiteral("abc123"));
        QCOMPARE(cell(model, 0, CookiesTableModel::DomainColumn), QStringLiteral("api.example.com"));
        QCOMPARE(cell(model, 0, CookiesTableModel::PathColumn), QStringLiteral("/"));
        QCOMPARE(cell(model, 0, CookiesTableModel::ExpiresColumn), QStringLiteral("Session"));
        QCOMPARE(cell(model, 0, CookiesTableModel::SecureColumn), QStringLiteral("Yes"));
        QCOMPARE(cell(model, 0, CookiesTableModel::HttpOnlyColumn), QStringLiteral("Yes"));
        QCOMPARE(cell(model, 0, CookiesTableModel::SameSiteColumn), QStringLiteral("Strict"));

        QCOMPARE(cell(model, 1, CookiesTableModel::DomainColumn), QStringLiteral(".example.com"));
        // QNetworkCookie::normalize() keeps the trailing slash of the default path.
        QCOMPARE(cell(model, 1, CookiesTableModel::PathColumn), QStringLiteral("/v1/"));
        QCOMPARE(cell(model, 1, CookiesTableModel::ExpiresColumn), QStringLiteral("2037-10-21 07:28:00 UTC"));
        QCOMPARE(cell(model, 1, CookiesTableModel::SecureColumn), QString());
        QCOMPARE(cell(model, 1, CookiesTableModel::SameSiteColumn), QStringLiteral("Lax"));
        QCOMPARE(cell(model, 2, CookiesTableModel::SameSiteColumn), QStringLiteral("None"));
        QCOMPARE(model.headerData(CookiesTableModel::HttpOnlyColumn, Qt::Horizontal).toString(), QStringLiteral("HttpOnly"));

        model.setResponse({{"Content-Type", "text/plain"}}, {});
        QCOMPARE(model.rowCount(), 0);
    }

    void tabInTheViewer()
    {
        Exchange exchange;
        exchange.sent.url = QUrl(QStringLiteral("https://example.com/"));
        ResponseHead head;
        head.statusCode = 200;
        head.headers = Headers;
        exchange.response = head;
        exchange.body = BodyData::fromBytes("<p>hi</p>");
        ResponseViewer viewer;
        viewer.resize(900, 400);
        viewer.show();
        QSignalSpy rendered(&viewer, &ResponseViewer::bodyRendered);
        viewer.showExchange(exchange);
        QTRY_COMPARE(rendered.count(), 1);
        auto *view = viewer.findChild<CookiesView *>();
        QVERIFY(view);
        QCOMPARE(viewer.tabs()->tabText(viewer.tabs()->indexOf(view)), QStringLiteral("Cookies (3)"));
        QCOMPARE(viewer.cookiesModel()->rowCount(), 3);

        const QString directory = qEnvironmentVariable("SONDE_SCREENSHOT_DIR");
        if (!directory.isEmpty()) {
            viewer.tabs()->setCurrentWidget(view);
            QTest::qWait(50);
            QVERIFY(viewer.grab().save(directory + QStringLiteral("/cookies.png")));
        }
    }
};

QTEST_MAIN(TestCookiesTableModel)

#include "tst_cookiestablemodel.moc"
