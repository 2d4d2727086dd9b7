#include "server_config.h"

#include "article/article.h"
#include "config_keys.h"
#include "forwarded_client.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace anticipa::server {

namespace {

std::vector<std::string> split_commas(const std::string& text) {
    std::vector<std::string> parts;
    std::stringstream stream(text);
    for (std::string part; std::getline(stream, part, ',');) {
        auto begin = part.find_first_not_of(' '), end = part.find_last_not_of(' ');
        if (begin != std::string::npos) parts.push_back(part.substr(begin, end - begin + 1));
    }
    return parts;
}

void check_origins(const std::vector<std::string>& origins) {
    for (const auto& origin : origins)
        if (origin == "*") throw std::invalid_argument("allowed_origins may not be \"*\": list the product's origins");
}

void check_proxies(const std::vector<std::string>& proxies) {
    for (const auto& proxy : proxies)
        if (!is_ip_address(proxy))
            throw std::invalid_argument("trusted_proxies: \"" + proxy + "\" is not an IP address like 10.0.0.5 or ::1");
}

ClientAddressPolicy parse_client_address(const std::string& value) {
    if (value == "full") return ClientAddressPolicy::FULL;
    if (value == "hashed") return ClientAddressPolicy::HASHED;
    if (value == "none") return ClientAddressPolicy::NONE;
    throw std::invalid_argument("events.client_address must be full, hashed or none, got " + value);
}

void read_events_settings(const YAML::Node& events, ServerConfig& config) {
    if (events["path"]) config.events_path = events["path"].as<std::string>();
    if (events["retention_days"]) config.events_retention_days = events["retention_days"].as<int>();
    if (events["client_address"])
        config.client_address = parse_client_address(events["client_address"].as<std::string>());
    if (events["client_hash_key"]) config.client_hash_key = events["client_hash_key"].as<std::string>();
    if (config.events_retention_days < 0) throw std::invalid_argument("events.retention_days must be 0 or more");
}

/// escalation: {basic: {forum_url: ...}, standard: {contact_form: true}, advanced: {...}}; a tier
/// that is listed replaces its defaults entirely, so "advanced: {}" really means self-service.
void read_escalation(const YAML::Node& tiers, ServerConfig& config) {
    if (!tiers.IsMap()) throw std::invalid_argument("escalation must map tiers (basic, standard, advanced) to options");
    for (const auto& entry : tiers) {
        const std::string tier = entry.first.as<std::string>();
        if (!article::is_tier(tier))
            throw std::invalid_argument("escalation." + tier + ": the tiers are basic, standard and advanced");
        EscalationOptions options;
        const YAML::Node& node = entry.second;
        if (node.IsMap()) {
            for (const auto& key : node) {
                const std::string name = key.first.as<std::string>();
                if (name == "contact_form") options.contact_form = key.second.as<bool>();
                else if (name == "representative") options.representative = key.second.as<std::string>();
                else if (name == "phone") options.phone = key.second.as<std::string>();
                else if (name == "forum_url") options.forum_url = key.second.as<std::string>();
                else
                    throw std::invalid_argument("escalation." + tier + "." + name +
                                                ": known options are contact_form, representative, phone, forum_url");
            }
        } else if (!node.IsNull()) {
            throw std::invalid_argument("escalation." + tier + " must be a map of options");
        }
        config.escalation[tier] = options;
    }
}

/// admin_cookie_secure, admin_session_idle_seconds, admin_session_lifetime_seconds.
void read_admin_session_settings(const YAML::Node& yaml, ServerConfig& config) {
    if (yaml["admin_cookie_secure"]) config.admin_cookie_secure = yaml["admin_cookie_secure"].as<bool>();
    auto seconds = [&](const char* key, std::chrono::seconds& setting) {
        if (!yaml[key]) return;
        const long long value = yaml[key].as<long long>();
        if (value <= 0) throw std::invalid_argument(std::string(key) + " must be a number of seconds above 0");
        setting = std::chrono::seconds(value);
    };
    seconds("admin_session_idle_seconds", config.admin_session_idle);
    seconds("admin_session_lifetime_seconds", config.admin_session_lifetime);
}

}  // namespace

std::size_t default_worker_threads() {
    return std::max(4u, 2 * std::thread::hardware_concurrency());
}

const EscalationOptions& escalation_for(const ServerConfig& config, const std::string& tier) {
    static const EscalationOptions self_service_only;
    auto found = config.escalation.find(tier);
    return found == config.escalation.end() ? self_service_only : found->second;
}

void parse_listen(const std::string& listen, ServerConfig& config) {
    auto colon = listen.rfind(':');
    if (colon == std::string::npos || colon == 0)
        throw std::invalid_argument("listen must be HOST:PORT, got " + listen);
    try {
        int port = std::stoi(listen.substr(colon + 1));
        if (port < 0 || port > 65535) throw std::out_of_range("port");
        config.host = listen.substr(0, colon);
        config.port = port;
    } catch (const std::exception&) {
        throw std::invalid_argument("listen must be HOST:PORT with a port from 0 to 65535, got " + listen);
    }
}

void load_config_file(const std::filesystem::path& file, ServerConfig& config) {
    // Errors name the file as an absolute path: the operator may not know the server's directory.
    const std::string shown = std::filesystem::absolute(file).lexically_normal().string();
    YAML::Node yaml;
    try {
        yaml = YAML::LoadFile(file.string());
        check_config_keys(yaml);
        if (yaml["listen"]) parse_listen(yaml["listen"].as<std::string>(), config);
        if (yaml["index"]) config.index_dir = yaml["index"].as<std::string>();
        if (yaml["locales"]) {
            config.locales_dir = yaml["locales"].as<std::string>();
            config.locales_override = true;
        }
        if (yaml["default_locale"]) config.default_locale = yaml["default_locale"].as<std::string>();
        if (yaml["allowed_origins"]) config.allowed_origins = yaml["allowed_origins"].as<std::vector<std::string>>();
        if (yaml["trusted_proxies"]) config.trusted_proxies = yaml["trusted_proxies"].as<std::vector<std::string>>();
        if (yaml["tier_secret"]) config.tier_secret = yaml["tier_secret"].as<std::string>();
        if (yaml["threads"]) config.threads = yaml["threads"].as<std::size_t>();
        if (yaml["max_queued"]) config.max_queued = yaml["max_queued"].as<std::size_t>();
        if (yaml["max_queue_wait_ms"]) config.max_queue_wait_ms = yaml["max_queue_wait_ms"].as<int>();
        if (yaml["max_connections"]) config.max_connections = yaml["max_connections"].as<std::size_t>();
        if (yaml["max_body_bytes"]) config.max_body_bytes = yaml["max_body_bytes"].as<std::size_t>();
        if (yaml["max_query_chars"]) config.max_query_chars = yaml["max_query_chars"].as<std::size_t>();
        if (yaml["timeout_seconds"]) config.timeout_seconds = yaml["timeout_seconds"].as<int>();
        if (yaml["keep_alive_seconds"]) config.keep_alive_seconds = yaml["keep_alive_seconds"].as<int>();
        if (yaml["events"]) read_events_settings(yaml["events"], config);
        if (yaml["admin_token"]) config.admin_token = yaml["admin_token"].as<std::string>();
        read_admin_session_settings(yaml, config);
        if (yaml["contact_outbox"]) config.contact_outbox = yaml["contact_outbox"].as<std::string>();
        if (yaml["escalation"]) read_escalation(yaml["escalation"], config);
        check_origins(config.allowed_origins);
        check_proxies(config.trusted_proxies);
    } catch (const YAML::BadConversion& e) {  // "bad conversion": say which setting and what it takes
        const std::string wanted = describe_bad_value(yaml, e.mark);
        throw std::runtime_error(shown + ":" + std::to_string(e.mark.line + 1) + ": " +
                                 (wanted.empty() ? e.msg : wanted));
    } catch (const YAML::Exception& e) {
        throw std::runtime_error(shown + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
    } catch (const std::invalid_argument& e) {
        throw std::runtime_error(shown + ": " + e.what());
    }
}

void apply_environment(ServerConfig& config) {
    auto value = [](const char* name) -> std::string {
        const char* v = std::getenv(name);
        return v ? v : "";
    };
    if (auto v = value("ANTICIPA_LISTEN"); !v.empty()) parse_listen(v, config);
    if (auto v = value("ANTICIPA_INDEX"); !v.empty()) config.index_dir = v;
    if (auto v = value("ANTICIPA_LOCALES"); !v.empty()) {
        config.locales_dir = v;
        config.locales_override = true;
    }
    if (auto v = value("ANTICIPA_DEFAULT_LOCALE"); !v.empty()) config.default_locale = v;
    if (auto v = value("ANTICIPA_TIER_SECRET"); !v.empty()) config.tier_secret = v;
    if (auto v = value("ANTICIPA_ALLOWED_ORIGINS"); !v.empty()) config.allowed_origins = split_commas(v);
    if (auto v = value("ANTICIPA_TRUSTED_PROXIES"); !v.empty()) config.trusted_proxies = split_commas(v);
    if (auto v = value("ANTICIPA_EVENTS"); !v.empty()) config.events_path = v;
    if (auto v = value("ANTICIPA_ADMIN_TOKEN"); !v.empty()) config.admin_token = v;
    check_origins(config.allowed_origins);
    check_proxies(config.trusted_proxies);
}

std::string describe(const ServerConfig& config) {
    std::ostringstream out;
    out << "listen " << config.host << ":" << config.port << ", index " << config.index_dir.string() << ", locales "
        << config.locales_dir.string()
        << (config.locales_override ? " (UI strings, and analysis instead of the index's own profiles)"
                                    : " (UI strings; analysis as the index carries it)")
        << ", default locale " << config.default_locale << ", threads " << config.threads << " (queue "
        << config.max_queued << ", " << config.max_queue_wait_ms << " ms), tier secret "
        << (config.tier_secret.empty() ? "(none: everyone is basic)" : "****") << ", allowed origins";
    if (config.allowed_origins.empty()) out << " (none)";
    for (const auto& origin : config.allowed_origins) out << " " << origin;
    out << ", trusted proxies";
    if (config.trusted_proxies.empty()) out << " (none: X-Forwarded-For is ignored)";
    for (const auto& proxy : config.trusted_proxies) out << " " << proxy;
    static const char* const policies[] = {"full", "hashed", "none"};
    out << ", events " << (config.events_path.empty() ? "(default)" : config.events_path.string())
        << " (client address " << policies[static_cast<int>(config.client_address)] << ", kept "
        << (config.events_retention_days ? std::to_string(config.events_retention_days) + " days" : "forever")
        << "), admin page " << (config.admin_token.empty() ? "off" : "on");
    if (!config.admin_token.empty())
        out << " (sessions end after " << config.admin_session_idle.count() << " s idle or "
            << config.admin_session_lifetime.count() << " s, cookie "
            << (config.admin_cookie_secure ? "Secure" : "not Secure") << ")";
    return out.str();
}

}  // namespace anticipa::server
