#include "server_config.h"

#include "config_keys.h"
#include "events/event_store.h"
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
    TrustedProxies{proxies};  // throws, naming the entry
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
        read_config_settings(yaml, config);
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
    if (auto v = value("ANTICIPA_ARTICLES"); !v.empty()) config.articles_dir = v;
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
    out << "listen " << config.host << ":" << config.port << ", index " << config.index_dir.string() << ", articles "
        << config.articles_dir.string() << " (/admin's translation list), locales " << config.locales_dir.string()
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
    out << ", events "
        << (config.events_path.empty() ? "(default)" : events::shown_events_location(config.events_path.string()))
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
