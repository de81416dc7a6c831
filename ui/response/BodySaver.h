#pragma once

#include "model/BodyData.h"

#include <QPromise>
#include <QString>

namespace Sonde {

/// Writes a body to `path` atomically (QSaveFile), 1 MiB at a time, reporting progress in per mille
/// on `promise` and honouring its cancellation. The result is empty on success, else the problem in
/// words. Runs in a worker thread (QtConcurrent::run).
void saveBody(QPromise<QString> &promise, const BodyData &body, const QString &path);

} // namespace Sonde
