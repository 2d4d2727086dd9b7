// Server: the settings file (YAML) -> ServerConfig, driven by one table that gives each key its
// type and its reader, so a new setting is written once. A typo is an error naming the line and
// the setting it probably meant; a value of the wrong type names the setting and the type it needs.
#pragma once

#include <string>

namespace YAML {
class Node;
struct Mark;
}  // namespace YAML

namespace anticipa::server {

struct ServerConfig;

/// Throws YAML::Exception at the key's mark for a key no setting has, so the caller's message
/// carries the line: "unknown setting `admin_tokn` (did you mean `admin_token`?)". Checks the
/// top level, `events:` and each tier's options under `escalation:`.
void check_config_keys(const YAML::Node& root);

/// Reads every setting `root` has into `config`. Throws YAML::Exception (a value of the wrong type,
/// with its mark) or std::invalid_argument (a value out of range: "events.retention_days must be
/// 0 or more").
void read_config_settings(const YAML::Node& root, ServerConfig& config);

/// What a value yaml-cpp could not convert should have been, found by the mark of that value:
/// "`threads` must be a whole number, got `many`". "" when the mark is not a setting's value.
std::string describe_bad_value(const YAML::Node& root, const YAML::Mark& mark);

}  // namespace anticipa::server
