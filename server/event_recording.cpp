#include "event_recording.h"

#include "request_fields.h"
#include "search/miss_diagnosis.h"

#include "secrets.h"

#include <httplib.h>

#include <random>
#include <unordered_map>

namespace anticipa::server {

namespace {

/// The key of the address hash: the configured one; else one derived from the tier secret, so
/// hashes stay comparable across restarts; else a random one for this process only.
std::string address_key(const ServerConfig& config) {
    if (!config.client_hash_key.empty()) return config.client_hash_key;
    if (!config.tier_secret.empty()) return "anticipa client address|" + config.tier_secret;
    static const std::string per_process = [] {
        std::random_device random;
        std::string generated;
        for (int i = 0; i < 32; ++i) generated.push_back(static_cast<char>(random()));
        return generated;
    }();
    return per_process;
}

/// HMAC of the address under the key. OpenSSL's one-shot HMAC sets up a context each time, about
/// 23,000 instructions, an eighth of a cached search's; a customer asks many times from one
/// address, so each thread keeps the hashes of the last addresses it saw (a few thousand at most,
/// forgotten together when full or when the key changes).
std::string hashed_address(const ServerConfig& config, const std::string& address) {
    struct Remembered {
        std::string key;
        std::unordered_map<std::string, std::string> hashes;
    };
    constexpr std::size_t MAX_REMEMBERED = 4096;
    thread_local Remembered remembered;
    std::string key = address_key(config);
    if (remembered.key != key) {
        remembered.key = std::move(key);
        remembered.hashes.clear();
    }
    if (auto found = remembered.hashes.find(address); found != remembered.hashes.end()) return found->second;
    if (remembered.hashes.size() >= MAX_REMEMBERED) remembered.hashes.clear();
    // 128 bits tell customers apart well enough.
    std::string hash = hmac_sha256_hex(remembered.key, address).substr(0, 32);
    return remembered.hashes.emplace(address, std::move(hash)).first->second;
}

}  // namespace

std::string client_of(const ServerConfig& config, const httplib::Request& request) {
    switch (config.client_address) {
        case ClientAddressPolicy::FULL:
            return request.remote_addr;
        case ClientAddressPolicy::HASHED:
            return hashed_address(config, request.remote_addr);
        case ClientAddressPolicy::NONE:
            return "";
    }
    return "";
}

FieldResult<EventContext> read_event_context(const httplib::Request& request) {
    EventContext where;
    if (request.has_param("session")) {
        where.session_id = request.get_param_value("session");
        if (!valid_session_id(where.session_id))
            return invalid_field("session must be 1 to 64 letters, digits, '-' or '_'");
    }
    if (request.has_param("route")) {
        auto route = check_route(request.get_param_value("route"));
        if (!route) return route.error();
        where.route = route_path(*route);
    }
    return where;
}

events::Event search_event(ServerContext& context, const httplib::Request& request, const EventContext& where,
                           const search::SearchRequest& asked, const search::SearchResponse& found,
                           const char* source) {
    events::Event event;
    event.kind = events::EventKind::SEARCH;
    event.search_id = new_search_id();
    event.session_id = where.session_id;
    event.route = where.route;
    event.source = source;
    event.locale = asked.locale;
    event.tier = asked.tier;
    event.query = asked.query;
    // Results only a spelling correction found are not an answer to the customer's words: the
    // content plan counts the search as one without results ("kubernetes helm chart").
    event.results = found.own_total();
    event.fallback = found.fallback;
    event.client = client_of(context.config, request);
    for (const auto& hit : found.hits) event.shown.push_back(hit.id);
    return event;
}

void record_search(ServerContext& context, events::Event event, const search::SearchRequest& asked,
                   const search::SearchResponse& found) {
    if (found.own_total() == 0) {
        const search::MissDiagnosis miss = search::diagnose_miss(context.search, asked);
        event.matches_other_locales = miss.other_locales;
        event.matches_any_tier = miss.any_tier;
    }
    context.events.record(std::move(event));
}

}  // namespace anticipa::server
