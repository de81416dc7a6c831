#pragma once

#include <QStringList>

/// `sonde-cli oauth token (--issuer URL | --token-url URL [--auth-url URL] [--device-auth-url URL])
/// --grant G --client-id ID [options]`: runs one OAuth 2.0 flow headless and prints the token response
/// (with --json the token endpoint's JSON on stdout); progress, prompts and the masked step log go to
/// stderr. Exit 0 with a token, 1 when the flow fails (the provider's error in words), 2 on a usage error.
int runOAuthCommand(const QStringList &arguments);
