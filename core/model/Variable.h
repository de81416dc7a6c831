#pragma once

#include <QList>
#include <QString>

namespace Sonde {

/// A named value used as {{name}} in requests.
///
/// A secret variable's value lives in the OS keychain, never in a workspace file: in memory `value`
/// holds it once it has been read from the keychain.
struct Variable
{
    QString name;
    QString value;
    bool enabled = true;
    bool secret = false;

    friend bool operator==(const Variable &, const Variable &) = default;
};

using VariableList = QList<Variable>;

/// A named set of variables the user switches between (dev, staging, prod).
struct Environment
{
    QString name;
    VariableList variables;

    friend bool operator==(const Environment &, const Environment &) = default;
};

} // namespace Sonde
