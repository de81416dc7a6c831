#include "formats/ImportResult.h"

namespace Sonde {

const Request *ImportResult::requestAt(const RequestLocation &location) const
{
    const Folder *folder = &collection;
    for (const qsizetype index : location.folders) {
        if (index < 0 || index >= folder->folders.size())
            return nullptr;
        folder = &folder->folders.at(index);
    }
    if (location.request < 0 || location.request >= folder->requests.size())
        return nullptr;
    return &folder->requests.at(location.request);
}

const Exchange *ImportResult::exampleAt(const RequestLocation &location) const
{
    for (const ImportedExample &example : examples) {
        if (example.location == location)
            return &example.exchange;
    }
    return nullptr;
}

qsizetype ImportResult::requestCount() const
{
    return collection.requestCount();
}

ImportResult ImportResult::acceptedPartial() const
{
    ImportResult accepted = *this;
    if (!ok()) {
        accepted.warnings.prepend(error);
        accepted.error = {};
    }
    return accepted;
}

ImportResult ImportResult::failure(const QString &format, const QString &where, const QString &message)
{
    ImportResult result;
    result.format = format;
    result.error = {where, message};
    return result;
}

} // namespace Sonde
