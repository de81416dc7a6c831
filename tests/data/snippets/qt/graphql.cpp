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

    QNetworkRequest request(QUrl(QStringLiteral("https://api.example.com/graphql")));
    request.setRawHeader("Content-Type", "application/json");
    const QByteArray body = QByteArrayLiteral("{\"query\":\"query User($id: ID!) {\\n  user(id: $id) { name }\\n}\",\"variables\":{\"id\":\"7\"},\"operationName\":\"User\"}");

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
