#include <QAuthenticator>
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
    // Answers the server's challenge.
    QObject::connect(&manager, &QNetworkAccessManager::authenticationRequired, &app,
        [](QNetworkReply *, QAuthenticator *authenticator) {
            authenticator->setUser(QStringLiteral("ada"));
            authenticator->setPassword(QStringLiteral("pa$$"));
        });

    QNetworkRequest request(QUrl(QStringLiteral("https://api.example.com/items/3")));

    QNetworkReply *reply = manager.deleteResource(request);
    QObject::connect(reply, &QNetworkReply::finished, &app, [reply] {
        QTextStream out(stdout);
        out << reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() << '\n';
        out << reply->readAll() << '\n';
        reply->deleteLater();
        QCoreApplication::quit();
    });
    return app.exec();
}
