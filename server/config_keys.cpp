#include "config_keys.h"

#include "common/closest_name.h"

#include <yaml-cpp/yaml.h>

#include <span>
#include <string_view>
#include <vector>

namespace anticipa::server {

namespace {

struct Setting {
    std::string_view key;
    std::string_view expected;  ///< what the value must be, in the words of the error message
};

constexpr std::string_view WHOLE_NUMBER = "a whole number";
constexpr std::string_view TEXT = "text";
constexpr std::string_view TRUE_OR_FALSE = "true or false";

// load_config_file reads these; a setting added there is added here, or the server refuses it.
constexpr Setting TOP_LEVEL[] = {{"listen", "HOST:PORT"},
                                 {"index", "a folder"},
                                 {"articles", "a folder"},
                                 {"locales", "a folder"},
                                 {"default_locale", "a language tag like en"},
                                 {"allowed_origins", "a list of origins like [\"https://app.example.com\"]"},
                                 {"tier_secret", TEXT},
                                 {"threads", WHOLE_NUMBER},
                                 {"max_queued", WHOLE_NUMBER},
                                 {"max_queue_wait_ms", WHOLE_NUMBER},
                                 {"max_connections", WHOLE_NUMBER},
                                 {"max_body_bytes", WHOLE_NUMBER},
                                 {"max_query_chars", WHOLE_NUMBER},
                                 {"timeout_seconds", WHOLE_NUMBER},
                                 {"keep_alive_seconds", WHOLE_NUMBER},
                                 {"trusted_proxies", "a list of IP addresses or networks like [\"10.0.0.5\", \"10.1.0.0/16\"]"},
                                 {"events", "a map of path, retention_days, client_address, client_hash_key"},
                                 {"admin_token", TEXT},
                                 {"admin_cookie_secure", TRUE_OR_FALSE},
                                 {"admin_session_idle_seconds", WHOLE_NUMBER},
                                 {"admin_session_lifetime_seconds", WHOLE_NUMBER},
                                 {"contact_outbox", "a file"},
                                 {"escalation", "a map of the tiers basic, standard and advanced to their options"}};
constexpr Setting EVENTS[] = {{"path", "a file"},
                              {"retention_days", WHOLE_NUMBER},
                              {"client_address", "full, hashed or none"},
                              {"client_hash_key", TEXT}};
constexpr Setting TIER_OPTIONS[] = {
    {"contact_form", TRUE_OR_FALSE}, {"representative", TEXT}, {"phone", TEXT}, {"forum_url", "a URL"}};

const Setting* find(std::span<const Setting> settings, std::string_view key) {
    for (const Setting& setting : settings)
        if (setting.key == key) return &setting;
    return nullptr;
}

/// `section` is "" or "events." or "escalation.standard." (for the message).
void check_map(const YAML::Node& map, std::span<const Setting> settings, const std::string& section) {
    if (!map.IsMap()) return;  // the reader says what the value should be
    std::vector<std::string_view> known;
    for (const Setting& setting : settings) known.push_back(setting.key);
    for (const auto& entry : map) {
        const std::string key = entry.first.Scalar();
        if (find(settings, key)) continue;
        const std::string hint = closest_name(key, known);
        throw YAML::Exception(entry.first.Mark(),
                              "unknown setting `" + section + key + "`" +
                                  (hint.empty() ? "" : " (did you mean `" + section + hint + "`?)"));
    }
}

bool same_place(const YAML::Mark& a, const YAML::Mark& b) {
    return a.pos == b.pos && a.line == b.line && a.column == b.column;
}

/// The value at `mark` in `map` (or an item of a list there), as "`section.key` must be ...".
std::string describe_in(const YAML::Node& map, std::span<const Setting> settings, const std::string& section,
                        const YAML::Mark& mark) {
    if (!map.IsMap()) return "";
    for (const auto& entry : map) {
        const Setting* setting = find(settings, entry.first.Scalar());
        if (!setting) continue;
        const YAML::Node& value = entry.second;
        bool here = same_place(value.Mark(), mark);
        if (value.IsSequence())
            for (const auto& item : value) here = here || same_place(item.Mark(), mark);
        if (here) {
            const std::string shown = value.IsScalar() ? ", got `" + value.Scalar() + "`" : "";
            return "`" + section + std::string(setting->key) + "` must be " + std::string(setting->expected) + shown;
        }
    }
    return "";
}

}  // namespace

void check_config_keys(const YAML::Node& root) {
    if (!root.IsMap()) return;
    check_map(root, TOP_LEVEL, "");
    if (root["events"]) check_map(root["events"], EVENTS, "events.");
    if (root["escalation"] && root["escalation"].IsMap())
        for (const auto& tier : root["escalation"])
            check_map(tier.second, TIER_OPTIONS, "escalation." + tier.first.Scalar() + ".");
}

std::string describe_bad_value(const YAML::Node& root, const YAML::Mark& mark) {
    std::string found = describe_in(root, TOP_LEVEL, "", mark);
    if (found.empty() && root.IsMap() && root["events"]) found = describe_in(root["events"], EVENTS, "events.", mark);
    if (found.empty() && root.IsMap() && root["escalation"] && root["escalation"].IsMap())
        for (const auto& tier : root["escalation"])
            if (found.empty())
                found = describe_in(tier.second, TIER_OPTIONS, "escalation." + tier.first.Scalar() + ".", mark);
    return found;
}

}  // namespace anticipa::server
