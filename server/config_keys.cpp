#include "config_keys.h"

#include "article/article.h"
#include "common/closest_name.h"
#include "server_config.h"

#include <yaml-cpp/yaml.h>

#include <span>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace anticipa::server {

namespace {

/// One key of the settings file: its name, what its value must be (in the words of the error
/// message), and how it is read into `Target` (ServerConfig, or a tier's EscalationOptions).
template <typename Target>
struct Setting {
    std::string_view key;
    std::string_view expected;
    void (*read)(const YAML::Node& value, Target& target);
};

constexpr std::string_view WHOLE_NUMBER = "a whole number";
constexpr std::string_view TEXT = "text";
constexpr std::string_view TRUE_OR_FALSE = "true or false";

ClientAddressPolicy parse_client_address(const std::string& value) {
    if (value == "full") return ClientAddressPolicy::FULL;
    if (value == "hashed") return ClientAddressPolicy::HASHED;
    if (value == "none") return ClientAddressPolicy::NONE;
    throw std::invalid_argument("events.client_address must be full, hashed or none, got " + value);
}

/// A positive number of seconds ("admin_session_idle_seconds: 0" would end every session at once).
std::chrono::seconds seconds_of(const YAML::Node& value, std::string_view key) {
    const long long seconds = value.as<long long>();
    if (seconds <= 0) throw std::invalid_argument(std::string(key) + " must be a number of seconds above 0");
    return std::chrono::seconds(seconds);
}

constexpr Setting<ServerConfig> EVENTS[] = {
    {"path", "a file or a postgresql:// URI",
     [](const YAML::Node& v, ServerConfig& c) { c.events_path = v.as<std::string>(); }},
    {"journal", "a file", [](const YAML::Node& v, ServerConfig& c) { c.events_journal = v.as<std::string>(); }},
    {"retention_days", WHOLE_NUMBER,
     [](const YAML::Node& v, ServerConfig& c) {
         c.events_retention_days = v.as<int>();
         if (c.events_retention_days < 0) throw std::invalid_argument("events.retention_days must be 0 or more");
     }},
    {"client_address", "full, hashed or none",
     [](const YAML::Node& v, ServerConfig& c) { c.client_address = parse_client_address(v.as<std::string>()); }},
    {"client_hash_key", TEXT, [](const YAML::Node& v, ServerConfig& c) { c.client_hash_key = v.as<std::string>(); }},
};

constexpr Setting<EscalationOptions> TIER_OPTIONS[] = {
    {"contact_form", TRUE_OR_FALSE, [](const YAML::Node& v, EscalationOptions& o) { o.contact_form = v.as<bool>(); }},
    {"representative", TEXT, [](const YAML::Node& v, EscalationOptions& o) { o.representative = v.as<std::string>(); }},
    {"phone", TEXT, [](const YAML::Node& v, EscalationOptions& o) { o.phone = v.as<std::string>(); }},
    {"forum_url", "a URL", [](const YAML::Node& v, EscalationOptions& o) { o.forum_url = v.as<std::string>(); }},
};

/// Reads each setting `map` has. Indexing a scalar throws YAML's own error (a settings file that is
/// one word), as before the table.
template <typename Target>
void read_map(YAML::Node map, std::span<const Setting<Target>> settings, Target& target) {
    for (const Setting<Target>& setting : settings)
        if (const YAML::Node value = map[std::string(setting.key)]) setting.read(value, target);
}

/// escalation: {basic: {forum_url: ...}, standard: {contact_form: true}, advanced: {...}}; a tier
/// that is listed replaces its defaults entirely, so "advanced: {}" really means self-service.
void read_escalation(const YAML::Node& tiers, ServerConfig& config) {
    if (!tiers.IsMap()) throw std::invalid_argument("escalation must map tiers (basic, standard, advanced) to options");
    for (const auto& entry : tiers) {
        const std::string tier = entry.first.as<std::string>();
        if (!article::is_tier(tier))
            throw std::invalid_argument("escalation." + tier + ": the tiers are basic, standard and advanced");
        const YAML::Node& node = entry.second;
        if (!node.IsMap() && !node.IsNull())
            throw std::invalid_argument("escalation." + tier + " must be a map of options");
        EscalationOptions options;
        if (node.IsMap()) read_map<EscalationOptions>(node, TIER_OPTIONS, options);
        config.escalation[tier] = options;
    }
}

// Every key of `anticipa serve --config`, read in this order: a new setting is one line here.
constexpr Setting<ServerConfig> TOP_LEVEL[] = {
    {"listen", "HOST:PORT", [](const YAML::Node& v, ServerConfig& c) { parse_listen(v.as<std::string>(), c); }},
    {"index", "a folder", [](const YAML::Node& v, ServerConfig& c) { c.index_dir = v.as<std::string>(); }},
    {"articles", "a folder", [](const YAML::Node& v, ServerConfig& c) { c.articles_dir = v.as<std::string>(); }},
    {"locales", "a folder",
     [](const YAML::Node& v, ServerConfig& c) {
         c.locales_dir = v.as<std::string>();
         c.locales_override = true;
     }},
    {"default_locale", "a language tag like en",
     [](const YAML::Node& v, ServerConfig& c) { c.default_locale = v.as<std::string>(); }},
    {"allowed_origins", "a list of origins like [\"https://app.example.com\"]",
     [](const YAML::Node& v, ServerConfig& c) { c.allowed_origins = v.as<std::vector<std::string>>(); }},
    {"tier_secret", TEXT, [](const YAML::Node& v, ServerConfig& c) { c.tier_secret = v.as<std::string>(); }},
    {"threads", WHOLE_NUMBER, [](const YAML::Node& v, ServerConfig& c) { c.threads = v.as<std::size_t>(); }},
    {"max_queued", WHOLE_NUMBER, [](const YAML::Node& v, ServerConfig& c) { c.max_queued = v.as<std::size_t>(); }},
    {"max_queue_wait_ms", WHOLE_NUMBER,
     [](const YAML::Node& v, ServerConfig& c) { c.max_queue_wait_ms = v.as<int>(); }},
    {"max_connections", WHOLE_NUMBER,
     [](const YAML::Node& v, ServerConfig& c) { c.max_connections = v.as<std::size_t>(); }},
    {"max_body_bytes", WHOLE_NUMBER,
     [](const YAML::Node& v, ServerConfig& c) { c.max_body_bytes = v.as<std::size_t>(); }},
    {"max_query_chars", WHOLE_NUMBER,
     [](const YAML::Node& v, ServerConfig& c) { c.max_query_chars = v.as<std::size_t>(); }},
    {"timeout_seconds", WHOLE_NUMBER, [](const YAML::Node& v, ServerConfig& c) { c.timeout_seconds = v.as<int>(); }},
    {"keep_alive_seconds", WHOLE_NUMBER,
     [](const YAML::Node& v, ServerConfig& c) { c.keep_alive_seconds = v.as<int>(); }},
    {"trusted_proxies", "a list of IP addresses or networks like [\"10.0.0.5\", \"10.1.0.0/16\"]",
     [](const YAML::Node& v, ServerConfig& c) { c.trusted_proxies = v.as<std::vector<std::string>>(); }},
    {"events", "a map of path, retention_days, client_address, client_hash_key",
     [](const YAML::Node& v, ServerConfig& c) { read_map<ServerConfig>(v, EVENTS, c); }},
    {"admin_token", TEXT, [](const YAML::Node& v, ServerConfig& c) { c.admin_token = v.as<std::string>(); }},
    {"admin_cookie_secure", TRUE_OR_FALSE,
     [](const YAML::Node& v, ServerConfig& c) { c.admin_cookie_secure = v.as<bool>(); }},
    {"admin_session_idle_seconds", WHOLE_NUMBER,
     [](const YAML::Node& v, ServerConfig& c) { c.admin_session_idle = seconds_of(v, "admin_session_idle_seconds"); }},
    {"admin_session_lifetime_seconds", WHOLE_NUMBER,
     [](const YAML::Node& v, ServerConfig& c) {
         c.admin_session_lifetime = seconds_of(v, "admin_session_lifetime_seconds");
     }},
    {"contact_outbox", "a file", [](const YAML::Node& v, ServerConfig& c) { c.contact_outbox = v.as<std::string>(); }},
    {"escalation", "a map of the tiers basic, standard and advanced to their options", read_escalation},
};

template <typename Target>
const Setting<Target>* find(std::span<const Setting<Target>> settings, std::string_view key) {
    for (const Setting<Target>& setting : settings)
        if (setting.key == key) return &setting;
    return nullptr;
}

/// `section` is "" or "events." or "escalation.standard." (for the message).
template <typename Target>
void check_map(const YAML::Node& map, std::span<const Setting<Target>> settings, const std::string& section) {
    if (!map.IsMap()) return;  // the reader says what the value should be
    std::vector<std::string_view> known;
    for (const Setting<Target>& setting : settings) known.push_back(setting.key);
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
template <typename Target>
std::string describe_in(const YAML::Node& map, std::span<const Setting<Target>> settings, const std::string& section,
                        const YAML::Mark& mark) {
    if (!map.IsMap()) return "";
    for (const auto& entry : map) {
        const Setting<Target>* setting = find(settings, entry.first.Scalar());
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
    check_map<ServerConfig>(root, TOP_LEVEL, "");
    if (root["events"]) check_map<ServerConfig>(root["events"], EVENTS, "events.");
    if (root["escalation"] && root["escalation"].IsMap())
        for (const auto& tier : root["escalation"])
            check_map<EscalationOptions>(tier.second, TIER_OPTIONS, "escalation." + tier.first.Scalar() + ".");
}

void read_config_settings(const YAML::Node& root, ServerConfig& config) {
    read_map<ServerConfig>(root, TOP_LEVEL, config);
}

std::string describe_bad_value(const YAML::Node& root, const YAML::Mark& mark) {
    std::string found = describe_in<ServerConfig>(root, TOP_LEVEL, "", mark);
    if (found.empty() && root.IsMap() && root["events"])
        found = describe_in<ServerConfig>(root["events"], EVENTS, "events.", mark);
    if (found.empty() && root.IsMap() && root["escalation"] && root["escalation"].IsMap())
        for (const auto& tier : root["escalation"])
            if (found.empty())
                found = describe_in<EscalationOptions>(tier.second, TIER_OPTIONS,
                                                       "escalation." + tier.first.Scalar() + ".", mark);
    return found;
}

}  // namespace anticipa::server
