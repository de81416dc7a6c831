#include <QCoreApplication>
#include <QFile>
#include <QHttpMultiPart>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTextStream>
#include <QUrl>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QNetworkAccessManager manager;

    QNetworkRequest request(QUrl(QStringLiteral("https://api.example.com/upload")));
    auto *form = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    {
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentDispositionHeader, QByteArrayLiteral("form-data; name=\"title\""));
        part.setBody(QByteArrayLiteral("Q3 report"));
        form->append(part);
    }
    {
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentDispositionHeader, QByteArrayLiteral("form-data; name=\"file\"; filename=\"report.csv\""));
        part.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/csv"));
        auto *file = new QFile(QStringLiteral("/home/ada/files/report.csv"), form);
        if (!file->open(QIODevice::ReadOnly))
            return 1;
        part.setBodyDevice(file);
        form->append(part);
    }
    {
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentDispositionHeader, QByteArrayLiteral("form-data; name=\"photo\"; filename=\"renamed.png\""));
        auto *file = new QFile(QStringLiteral("/home/ada/files/photo.png"), form);
        if (!file->open(QIODevice::ReadOnly))
            return 1;
        part.setBodyDevice(file);
        form->append(part);
    }

    QNetworkReply *reply = manager.post(request, form);
    form->setParent(reply);
    QObject::connect(reply, &QNetworkReply::finished, &app, [reply] {
        QTextStream out(stdout);
        out << reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() << '\n';
        out << reply->readAll() << '\n';
        reply->deleteLater();
        QCoreApplication::quit();
    });
    return app.exec();
}
