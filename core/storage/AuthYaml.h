#pragma once

#include "auth/AuthConfig.h"
#include "storage/YamlReader.h"
#include "storage/YamlWriter.h"

/// The `auth` mapping of request and folder files (docs/workspace-format.md): the type and the fields
/// of that type only, in a fixed order, defaults left out.
namespace Sonde::AuthYaml {

/// The `auth` mapping; an empty mapping for Inherit (the default, not written).
YamlNode authNode(const AuthConfig &auth);

/// Reads `node` into `auth` (absent or null leaves Inherit); throws YamlRead::ReadError.
void readAuth(const YamlRead::Reader &reader, const YAML::Node &node, AuthConfig &auth);

} // namespace Sonde::AuthYaml
