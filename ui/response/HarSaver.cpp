#include "response/HarSaver.h"

#include "formats/HarExport.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QtConcurrent>

namespace Sonde {

void saveHar(QObject *context, const QString &path, const QList<Exchange> &exchanges,
    std::function<void(const QString &error)> done)
{
    HarExportOptions options;
    options.creatorVersion = QCoreApplication::applicationVersion();
    auto *watcher = new QFutureWatcher<QString>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        done(watcher->future().resultCount() > 0
                ? watcher->future().result()
                : QCoreApplication::translate("Sonde::HarSaver", "Saving failed"));
    });
    watcher->setFuture(QtConcurrent::run(&HarExport::writeFile, path, exchanges, options));
}

} // namespace Sonde
