#include "model/BodyData.h"

#include <QBuffer>
#include <QFile>

namespace Sonde {

struct BodyData::Storage
{
    QByteArray bytes;
    QString path;
    qint64 size = 0;

    ~Storage()
    {
        if (!path.isEmpty())
            QFile::remove(path);
    }
};

BodyData BodyData::fromBytes(QByteArray bytes)
{
    BodyData body;
    auto storage = std::make_shared<Storage>();
    storage->size = bytes.size();
    storage->bytes = std::move(bytes);
    body.d = std::move(storage);
    return body;
}

BodyData BodyData::fromTemporaryFile(const QString &path, qint64 size)
{
    BodyData body;
    auto storage = std::make_shared<Storage>();
    storage->path = path;
    storage->size = size;
    body.d = std::move(storage);
    return body;
}

bool BodyData::isInMemory() const
{
    return !d || d->path.isEmpty();
}

qint64 BodyData::size() const
{
    return d ? d->size : 0;
}

QString BodyData::filePath() const
{
    return d ? d->path : QString();
}

QByteArray BodyData::bytes() const
{
    if (!d)
        return {};
    if (d->path.isEmpty())
        return d->bytes;
    QFile file(d->path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray BodyData::head(qint64 maxBytes) const
{
    if (!d)
        return {};
    if (d->path.isEmpty())
        return d->bytes.left(maxBytes);
    QFile file(d->path);
    return file.open(QIODevice::ReadOnly) ? file.read(maxBytes) : QByteArray();
}

std::unique_ptr<QIODevice> BodyData::open() const
{
    if (d && !d->path.isEmpty()) {
        auto file = std::make_unique<QFile>(d->path);
        if (!file->open(QIODevice::ReadOnly))
            return nullptr;
        return file;
    }
    auto buffer = std::make_unique<QBuffer>();
    buffer->setData(d ? d->bytes : QByteArray());
    buffer->open(QIODevice::ReadOnly);
    return buffer;
}

} // namespace Sonde
