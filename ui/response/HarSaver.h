#pragma once

#include "model/Exchange.h"

#include <QList>
#include <QString>
#include <functional>

class QObject;

namespace Sonde {

/// Writes `exchanges` as a HAR 1.2 file at `path` (atomically, through QSaveFile) on a worker thread,
/// since bodies may be large, then calls `done` on `context`'s thread with why the file could not be
/// written, in words, or an empty string. Nothing is called when `context` is gone by then.
void saveHar(QObject *context, const QString &path, const QList<Exchange> &exchanges,
    std::function<void(const QString &error)> done);

} // namespace Sonde
