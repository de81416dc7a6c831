#pragma once

// QTest::toString overloads (found by argument-dependent lookup) so failed comparisons print rows.

#include "model/KeyValue.h"

#include <QMetaType>
#include <QStringList>
#include <QTest>

namespace Sonde {

inline QString describe(const KeyValue &kv)
{
    return (kv.enabled ? QString() : QStringLiteral("(off) ")) + kv.key + u'=' + kv.value;
}

inline char *toString(const KeyValue &kv)
{
    return QTest::toString(describe(kv));
}

inline char *toString(const KeyValueList &rows)
{
    QStringList parts;
    for (const KeyValue &kv : rows)
        parts.append(describe(kv));
    return QTest::toString(u'[' + parts.join(QStringLiteral(", ")) + u']');
}

} // namespace Sonde

Q_DECLARE_METATYPE(Sonde::KeyValue)
