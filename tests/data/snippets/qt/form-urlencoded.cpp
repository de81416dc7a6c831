#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTextStream>
#include <QUrl>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QNetworkAccessManager manager;

    QNetworkRequest request(QUrl(QStringLiteral("https://api.example.com/login")));
    request.setRawHeader("Content-Type", "application/x-www-form-urlencoded");
    const QByteArray body = QByteArrayLiteral("name=Ada+Lovelace&note=a%26b%3Dc%2Bd&drink=caf%C3%A9+%E2%98%95");

    QNetworkReply *reply = manager.post(request, body);
    QObject::connect(reply, &QNetworkReply::finished, &app, [reply] {
        QTextStream out(stdout);
        out << reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() << '\n';
        out << reply->readAll() << '\n';
        reply->deleteLater();
        QCoreApplication::quit();
    });
    return app.exec();
}
