#include "help_center_server.h"

#include "api_error.h"
#include "common/locale_tag.h"
#include "common/utf8.h"
#include "metrics.h"
#include "search_json.h"
#include "tier_token.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <cstdio>
#include <random>

namespace anticipa::server {

namespace {

std::size_t code_points(const std::string& text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string new_search_id() {
    thread_local std::mt19937_64 random{std::random_device{}()};
    char id[33];
    std::snprintf(id, sizeof id, "%016llx%016llx", static_cast<unsigned long long>(random()),
                  static_cast<unsigned long long>(random()));
    return id;
}

void send_error(httplib::Response& response, ApiError error, const std::string& message) {
    response.status = http_status(error);
    response.set_content(error_body(error, message), "application/json; charset=utf-8");
    if (error == ApiError::OVERLOADED) response.set_header("Retry-After", "1");
}

void send_json(httplib::Response& response, const nlohmann::json& body, int status = 200) {
    response.status = status;
    response.set_content(body.dump(), "application/json; charset=utf-8");
}

/// A request field that failed validation, named for the caller.
struct FieldError {
    ApiError error;
    std::string message;
};

/// Set when a request reaches the guard; the same worker thread logs it when it is answered.
thread_local std::chrono::steady_clock::time_point request_started = std::chrono::steady_clock::now();

std::string bearer_token(const httplib::Request& request) {
    const std::string header = request.get_header_value("Authorization");
    return header.starts_with("Bearer ") ? header.substr(7) : "";
}

}  // namespace

struct HelpCenterServer::Impl {
    const ServerConfig& config;
    search::SearchService& search;
    events::EventSink& events;
    httplib::Server http;
    Metrics metrics;

    Impl(const ServerConfig& c, search::SearchService& s, events::EventSink& e) : config(c), search(s), events(e) {}

    // ---- guards: reject what the API never needs before any handler runs ----------------------

    /// cpp-httplib 0.11.4 weaknesses, each closed here: a chunked body skips the payload limit,
    /// a compressed body inflates past it, a client-sent REMOTE_ADDR replaces the real address,
    /// and a Range header with many ranges multiplies a response (ignored instead).
    httplib::Server::HandlerResponse guard(const httplib::Request& request, httplib::Response& response) {
        request_started = std::chrono::steady_clock::now();
        auto refuse = [&](ApiError error, const std::string& message) {
            send_error(response, error, message);
            return httplib::Server::HandlerResponse::Handled;
        };
        if (request.has_header("Transfer-Encoding"))
            return refuse(ApiError::UNSUPPORTED, "chunked request bodies are not accepted; send Content-Length");
        if (request.has_header("Content-Encoding"))
            return refuse(ApiError::UNSUPPORTED, "compressed request bodies are not accepted");
        if (!request.ranges.empty()) {
            // httplib would cut any response, even an error, into one multipart copy per range
            // (150 ranges made a 27 KB error). The API serves no ranges, and HTTP lets a server
            // ignore Range: the parsed ranges are dropped. The Request object is ours to change;
            // only the handler signature is const.
            const_cast<httplib::Request&>(request).ranges.clear();
        }
        if (request.get_header_value_count("REMOTE_ADDR") > 1 || request.get_header_value_count("REMOTE_PORT") > 1)
            return refuse(ApiError::INVALID_REQUEST, "a REMOTE_ADDR or REMOTE_PORT header may not be sent");
        if (request.body.size() > config.max_body_bytes)
            return refuse(ApiError::PAYLOAD_TOO_LARGE, "body over " + std::to_string(config.max_body_bytes) + " bytes");
        const std::string origin = request.get_header_value("Origin");
        if (!origin.empty() && request.path.starts_with("/api/")) {
            if (!origin_allowed(origin))
                return refuse(ApiError::ORIGIN_NOT_ALLOWED, "this origin may not call the API; add it to allowed_origins");
            // The origin comes from the allow list, never from request text as such.
            response.set_header("Access-Control-Allow-Origin", *std::find(config.allowed_origins.begin(),
                                                                         config.allowed_origins.end(), origin));
            response.set_header("Vary", "Origin");
        }
        return httplib::Server::HandlerResponse::Unhandled;
    }

    bool origin_allowed(const std::string& origin) const {
        return std::find(config.allowed_origins.begin(), config.allowed_origins.end(), origin) !=
               config.allowed_origins.end();
    }

    // ---- request fields ----------------------------------------------------------------------

    std::optional<FieldError> read_query(const httplib::Request& request, search::SearchRequest& out) const {
        const std::string q = request.get_param_value("q");
        if (find_invalid_utf8(q) != std::string::npos) return FieldError{ApiError::INVALID_REQUEST, "q is not valid UTF-8"};
        if (q.find_first_not_of(" \t\r\n") == std::string::npos)
            return FieldError{ApiError::INVALID_REQUEST, "q is required: the words to search for"};
        if (code_points(q) > config.max_query_chars)
            return FieldError{ApiError::QUERY_TOO_LONG,
                              "q is longer than " + std::to_string(config.max_query_chars) + " characters"};
        out.query = q;
        std::string locale = request.has_param("locale") ? request.get_param_value("locale") : config.default_locale;
        auto canonical = canonical_locale(locale);
        if (!canonical || !is_known_language(*canonical))
            return FieldError{ApiError::INVALID_REQUEST, "locale must be a language tag like pt or zh-TW"};
        out.locale = *canonical;
        out.tier = verify_tier_token(bearer_token(request), config.tier_secret).tier;
        return std::nullopt;
    }

    // ---- routes ------------------------------------------------------------------------------

    void search_route(const httplib::Request& request, httplib::Response& response) {
        search::SearchRequest query;
        if (auto problem = read_query(request, query)) return send_error(response, problem->error, problem->message);
        if (request.has_param("category")) query.category = request.get_param_value("category");
        for (std::size_t i = 0; i < request.get_param_value_count("tag"); ++i)
            query.tags.push_back(request.get_param_value("tag", i));
        std::size_t page = 1;
        if (request.has_param("page")) {
            try {
                page = std::stoul(request.get_param_value("page"));
            } catch (const std::exception&) {
                page = 0;
            }
            if (page < 1 || page > 100) return send_error(response, ApiError::INVALID_REQUEST, "page must be 1 to 100");
        }
        query.offset = (page - 1) * query.limit;
        answer_search(query, "search", response, page);
    }

    void suggest_route(const httplib::Request& request, httplib::Response& response) {
        search::SearchRequest query;
        if (auto problem = read_query(request, query)) return send_error(response, problem->error, problem->message);
        query.limit = 5;
        query.with_snippets = false;
        search::SearchResponse found = search.search(query);
        nlohmann::json suggestions = nlohmann::json::array();
        for (const auto& hit : found.hits)
            suggestions.push_back({{"id", hit.id}, {"title", hit.title}, {"link", hit.link}, {"locale", hit.locale}});
        send_json(response, {{"query", query.query}, {"suggestions", suggestions}});
    }

    void answer_search(const search::SearchRequest& query, const char* source, httplib::Response& response,
                       std::size_t page) {
        search::SearchResponse found = search.search(query);
        metrics.count_search(found.total > 0);
        events::Event event;
        event.kind = events::EventKind::SEARCH;
        event.search_id = new_search_id();
        event.source = source;
        event.locale = query.locale;
        event.tier = query.tier;
        event.query = query.query;
        event.results = found.total;
        event.fallback = found.fallback;
        for (const auto& hit : found.hits) event.shown.push_back(hit.id);
        nlohmann::json body = search_json(found, query.query);
        body["search_id"] = event.search_id;
        body["page"] = page;
        events.record(std::move(event));
        send_json(response, body);
    }

    void events_route(const httplib::Request& request, httplib::Response& response) {
        auto body = nlohmann::json::parse(request.body, nullptr, false);
        if (!body.is_object()) return send_error(response, ApiError::INVALID_REQUEST, "the body must be a JSON object");
        static const std::map<std::string, events::EventKind> kinds{{"click", events::EventKind::CLICK},
                                                                    {"helpful", events::EventKind::HELPFUL},
                                                                    {"not_helpful", events::EventKind::NOT_HELPFUL},
                                                                    {"escalate", events::EventKind::ESCALATE}};
        auto text = [&](const char* field) {
            return body.contains(field) && body[field].is_string() ? body[field].get<std::string>() : std::string();
        };
        auto kind = kinds.find(text("type"));
        if (kind == kinds.end())
            return send_error(response, ApiError::INVALID_REQUEST, "type must be click, helpful, not_helpful or escalate");
        events::Event event;
        event.kind = kind->second;
        event.search_id = text("search_id");
        event.article_id = text("article_id");
        event.locale = text("locale");
        event.comment = text("comment").substr(0, 2000);
        event.channel = text("channel");
        event.tier = verify_tier_token(bearer_token(request), config.tier_secret).tier;
        if (body.contains("rank") && body["rank"].is_number_integer()) event.rank = body["rank"].get<int>();
        if (event.search_id.empty() && event.article_id.empty())
            return send_error(response, ApiError::INVALID_REQUEST, "search_id or article_id is required");
        for (const std::string* field : {&event.search_id, &event.article_id, &event.locale, &event.channel, &event.comment})
            if (find_invalid_utf8(*field) != std::string::npos)
                return send_error(response, ApiError::INVALID_REQUEST, "text fields must be valid UTF-8");
        events.record(std::move(event));
        send_json(response, {{"accepted", true}}, 202);
    }

    void preflight_route(const httplib::Request& request, httplib::Response& response) {
        if (!origin_allowed(request.get_header_value("Origin")))
            return send_error(response, ApiError::ORIGIN_NOT_ALLOWED, "this origin may not call the API");
        response.status = 204;
        response.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        response.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type");
        response.set_header("Access-Control-Max-Age", "600");
    }

    void health_route(httplib::Response& response) {
        search::IndexStatus status = search.status();
        send_json(response, {{"status", "ok"}, {"revision", status.revision}, {"documents", status.documents},
                             {"locales", status.locales}});
    }

    void metrics_route(httplib::Response& response) {
        search::IndexStatus status = search.status();
        response.set_content(metrics.render(status.revision, status.documents), "text/plain; version=0.0.4; charset=utf-8");
    }

    void install_routes() {
        // One route table; every handler is a small member above.
        http.Get("/api/v1/search", [this](const auto& rq, auto& rs) { search_route(rq, rs); });
        http.Get("/api/v1/suggest", [this](const auto& rq, auto& rs) { suggest_route(rq, rs); });
        http.Post("/api/v1/events", [this](const auto& rq, auto& rs) { events_route(rq, rs); });
        http.Options(R"(/api/v1/.*)", [this](const auto& rq, auto& rs) { preflight_route(rq, rs); });
        http.Get("/healthz", [this](const auto&, auto& rs) { health_route(rs); });
        http.Get("/metrics", [this](const auto&, auto& rs) { metrics_route(rs); });
    }

    void install_protections() {
        http.new_task_queue = [this] { return new httplib::ThreadPool(config.threads); };
        http.set_payload_max_length(config.max_body_bytes);
        http.set_read_timeout(config.timeout_seconds, 0);
        http.set_write_timeout(config.timeout_seconds, 0);
        http.set_keep_alive_max_count(100);
        http.set_pre_routing_handler([this](const auto& rq, auto& rs) { return guard(rq, rs); });
        // Handlers write their own JSON errors; only fill in what the router itself produced.
        http.set_error_handler([](const httplib::Request&, httplib::Response& response) {
            if (!response.body.empty()) return;
            if (response.status == 404) send_error(response, ApiError::NOT_FOUND, "no such route");
            else if (response.status == 414)
                send_error(response, ApiError::QUERY_TOO_LONG, "the request line is too long (q is limited in length)");
            else if (response.status == 413) send_error(response, ApiError::PAYLOAD_TOO_LARGE, "request body too large");
            else if (response.status == 405) send_error(response, ApiError::METHOD_NOT_ALLOWED, "method not allowed");
            else send_error(response, ApiError::INVALID_REQUEST, "malformed request");
        });
        // An exception's text never reaches the client (0.11.4 would put it in a header).
        http.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
            response.headers.clear();
            send_error(response, ApiError::INTERNAL, "the server failed to answer; it is logged");
        });
        http.set_logger([this](const httplib::Request& request, const httplib::Response& response) {
            log_access(request, response);
        });
    }

    /// One JSON line per request, and the request metrics. Routes are labelled by their path only
    /// when they exist, so random paths cannot grow the metrics without bound.
    void log_access(const httplib::Request& request, const httplib::Response& response) {
        const auto latency = std::chrono::steady_clock::now() - request_started;
        const std::string route = request.matches.empty() ? "other" : request.path;
        metrics.observe_request(route, response.status, latency);
        nlohmann::json line{{"remote", request.remote_addr},
                            {"method", request.method},
                            {"path", request.path},
                            {"status", response.status},
                            {"bytes", response.body.size()},
                            {"ms", std::chrono::duration<double, std::milli>(latency).count()}};
        std::fprintf(stderr, "%s\n", line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    }
};

HelpCenterServer::HelpCenterServer(const ServerConfig& config, search::SearchService& search,
                                   events::EventSink& events)
    : impl_(std::make_unique<Impl>(config, search, events)) {
    impl_->install_protections();
    impl_->install_routes();
}

HelpCenterServer::~HelpCenterServer() = default;

int HelpCenterServer::bind() {
    int port = impl_->config.port == 0 ? impl_->http.bind_to_any_port(impl_->config.host)
                                       : (impl_->http.bind_to_port(impl_->config.host, impl_->config.port)
                                              ? impl_->config.port
                                              : -1);
    if (port < 0)
        throw std::runtime_error("cannot listen on " + impl_->config.host + ":" + std::to_string(impl_->config.port));
    return port;
}

bool HelpCenterServer::run() { return impl_->http.listen_after_bind(); }

void HelpCenterServer::stop() { impl_->http.stop(); }

}  // namespace anticipa::server
