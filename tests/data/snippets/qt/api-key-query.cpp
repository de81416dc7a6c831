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

    QNetworkRequest request(QUrl(QStringLiteral("https://api.example.com/search?q=owl&api_key=k-123%20456")));

    QNetworkReply *reply = manager.get(request);
    QObject::connect(reply, &QNetworkReply::finished, &app, [reply] {
        QTextStream out(stdout);
        out << reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() << '\n';
        out << reply->readAll() << '\n';
        reply->deleteLater();
        QCoreApplication::quit();
    });
    return app.exec();
}
