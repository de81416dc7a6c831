#include "response/BodySaver.h"

#include <QIODevice>
#include <QSaveFile>

namespace Sonde {

using namespace Qt::Literals::StringLiterals;

void saveBody(QPromise<QString> &promise, const BodyData &body, const QString &path)
{
    constexpr qint64 ChunkSize = 1024 * 1024;
    promise.setProgressRange(0, 1000);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        promise.addResult(u"Could not save to %1: %2"_s.arg(path, file.errorString()));
        return;
    }
    const std::unique_ptr<QIODevice> source = body.open();
    if (!source) {
        promise.addResult(u"Could not save: the body's temporary file is gone"_s);
        return;
    }
    const qint64 total = std::max<qint64>(1, body.size());
    qint64 written = 0;
    while (!source->atEnd()) {
        if (promise.isCanceled()) {
            file.cancelWriting();
            promise.addResult(u"Saving was cancelled"_s);
            return;
        }
        const QByteArray chunk = source->read(ChunkSize);
        if (chunk.isEmpty())
            break;
        if (file.write(chunk) != chunk.size()) {
            promise.addResult(u"Could not save to %1: %2"_s.arg(path, file.errorString()));
            return;
        }
        written += chunk.size();
        promise.setProgressValue(int(written * 1000 / total));
    }
    if (!file.commit()) {
        promise.addResult(u"Could not save to %1: %2"_s.arg(path, file.errorString()));
        return;
    }
    promise.addResult(QString());
}

} // namespace Sonde
