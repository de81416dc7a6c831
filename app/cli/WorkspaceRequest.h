#pragma once

#include "model/Request.h"
#include "storage/SecretStore.h"

#include <QStringList>

#include <functional>

/// Prepares a saved request for `sonde-cli send --workspace`: loads the workspace, finds the request,
/// adds folder headers, reads secret variables from the keychain, and resolves {{variables}} with the
/// scopes request → folders → collection → environment → globals, with --var values narrowest of all.
struct WorkspaceRequestOptions
{
    QString workspace;
    QString requestPath;
    QString environment;
    QList<std::pair<QString, QString>> overrides;
};

struct PreparedRequest
{
    Sonde::Request request;
    QStringList unresolved;
    /// Values of the enabled secret variables in the request's scopes (read from the keychain), and
    /// --var values given for a name that is secret in one of them: history scrubs them from what it
    /// stores. Every secret in reach counts, used or not, since a response may echo one the request
    /// never sent.
    QStringList secretValues;
    /// Load warnings and secret-store problems, for stderr.
    QStringList notes;
    /// Set when the request cannot be prepared at all.
    QString error;
};

/// Calls `done` (on `context`'s thread) once the request is prepared or has failed.
void prepareWorkspaceRequest(const WorkspaceRequestOptions &options, Sonde::SecretStore *secrets, QObject *context,
                             std::function<void(const PreparedRequest &)> done);
