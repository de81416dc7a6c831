#pragma once

#include <QList>
#include <QString>

namespace Sonde {

/// One row of a key/value table (query parameters, headers, form fields).
/// Disabled rows are kept so the user can switch them back on; they are never sent.
struct KeyValue
{
    QString key;
    QString value;
    bool enabled = true;

    friend bool operator==(const KeyValue &, const KeyValue &) = default;
};

using KeyValueList = QList<KeyValue>;

} // namespace Sonde
