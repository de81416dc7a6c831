#pragma once

#include "model/Request.h"
#include "storage/YamlReader.h"
#include "storage/YamlWriter.h"

/// The `body` and `settings` mappings of a request file (docs/workspace-format.md), written in
/// canonical form: fixed key order, defaults left out.
namespace Sonde::RequestYaml {

/// A key/value table as a list of `key`, `value` and (when off) `enabled: false`.
YamlNode keyValuesNode(const KeyValueList &rows);
/// The `body` mapping; an empty mapping for no body.
YamlNode bodyNode(const Body &body);
/// The `settings` mapping; an empty mapping when every setting has its default.
YamlNode settingsNode(const RequestSettings &settings);

/// Reads `node` (absent or null means none / defaults); throws YamlRead::ReadError.
void readBody(const YamlRead::Reader &reader, const YAML::Node &node, Body &body);
void readSettings(const YamlRead::Reader &reader, const YAML::Node &node, RequestSettings &settings);
/// The `proxy` mapping of the settings (mode default, none, system or custom with url, user and password).
void readProxy(const YamlRead::Reader &reader, const YAML::Node &node, ProxySettings &proxy);

} // namespace Sonde::RequestYaml
