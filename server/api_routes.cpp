#include "api_routes.h"

#include "common/locale_tag.h"
#include "common/utf8.h"
#include "event_recording.h"
#include "events/event_kind.h"
#include "events/reaction_event.h"
#include "http_responses.h"
#include "request_fields.h"
#include "request_guard.h"
#include "search_json.h"
#include "server_context.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>

// Server: the JSON API under /api/v1 and the operational routes (/healthz, /metrics).
namespace anticipa::server {

namespace {

/// q and locale, as search and suggest read them; the tier from the token.
FieldResult<search::SearchRequest> read_query(const httplib::Request& request, const ServerConfig& config) {
    const std::string q = request.get_param_value("q");
    if (find_invalid_utf8(q) != std::string::npos) return invalid_field("q is not valid UTF-8");
    if (q.find_first_not_of(" \t\r\n") == std::string::npos)
        return invalid_field("q is required: the words to search for");
    if (count_code_points(q) > config.max_query_chars)
        return FieldError{ApiError::QUERY_TOO_LONG,
                          "q is longer than " + std::to_string(config.max_query_chars) + " characters"};
    std::string locale = request.has_param("locale") ? request.get_param_value("locale") : config.default_locale;
    auto canonical = known_locale(locale);
    if (!canonical) return invalid_field("locale must be a language tag like pt or zh-TW");
    search::SearchRequest query;
    query.query = q;
    query.locale = *canonical;
    query.tier = request_tier(request, config);
    return query;
}

/// The cached answer's JSON (serialised once per answer, see SharedAnswer::rendered) with this
/// request's own fields spliced in before its closing brace, so a repeated search neither builds
/// nor re-parses a document.
std::string with_request_fields(const std::string& answer_json, const std::string& search_id,
                                std::initializer_list<std::pair<const char*, std::size_t>> numbers = {}) {
    std::string body;
    body.reserve(answer_json.size() + search_id.size() + 32);
    body.append(answer_json, 0, answer_json.rfind('}'));
    body += ",\"search_id\":";
    body += nlohmann::json(search_id).dump();
    for (const auto& [name, number] : numbers) {
        body += ",\"";
        body += name;
        body += "\":";
        body += std::to_string(number);
    }
    body += '}';
    return body;
}

/// {"query", "suggestions": [{"id", "title", "link", "locale"}]}, without the search id.
std::string suggestions_json(const search::SearchResponse& found, const std::string& query) {
    nlohmann::json suggestions = nlohmann::json::array();
    // A suggestion shows the article's title, so it opens the article at its top: the section
    // the words matched best ("#choose-a-strong-password") is not what the title promised.
    for (const auto& hit : found.hits)
        suggestions.push_back({{"id", hit.id},
                               {"title", hit.title},
                               {"link", hit.link.substr(0, hit.link.find('#'))},
                               {"locale", hit.locale}});
    return nlohmann::json{{"query", query}, {"suggestions", suggestions}}.dump();
}

void answer_search(ServerContext& context, const httplib::Request& request, const EventContext& where,
                   const search::SearchRequest& query, httplib::Response& response, std::size_t page) {
    const search::AnswerPtr answer = context.search.answer(query);
    const search::SearchResponse& found = answer->response();
    context.metrics.count_search(found.own_total() > 0);
    events::Event event = search_event(context, request, where, query, found, "search");
    // query.query is part of the answer's request key, so every request sharing it renders alike.
    const std::string& answer_json = answer->rendered(
        "search", [&](const search::SearchResponse& kept) { return search_json(kept, query.query); });
    std::string body = with_request_fields(answer_json, event.search_id, {{"page", page}});
    record_search(context, std::move(event), query, found);
    send_json_text(response, std::move(body));
}

}  // namespace

void search_route(ServerContext& context, const httplib::Request& request, httplib::Response& response) {
    auto read = read_query(request, context.config);
    if (!read) return send_error(response, read.error());
    auto where = read_event_context(request);
    if (!where) return send_error(response, where.error());
    search::SearchRequest& query = *read;
    if (request.has_param("category")) query.category = request.get_param_value("category");
    if (request.has_param("correct")) {
        const std::string correct = request.get_param_value("correct");
        if (correct != "true" && correct != "false")
            return send_error(response, ApiError::INVALID_REQUEST, "correct must be true or false");
        query.correct_spelling = correct == "true";
    }
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
    answer_search(context, request, *where, query, response, page);
}

void suggest_route(ServerContext& context, const httplib::Request& request, httplib::Response& response) {
    auto read = read_query(request, context.config);
    if (!read) return send_error(response, read.error());
    auto where = read_event_context(request);
    if (!where) return send_error(response, where.error());
    search::SearchRequest& query = *read;
    query.limit = 5;
    query.with_snippets = false;
    const search::AnswerPtr answer = context.search.answer(query);  // shared with the cache, not copied
    const search::SearchResponse& found = answer->response();
    // Every keystroke is recorded; the gaps report counts one session's keystrokes as one search
    // (its last query), and a click on a suggestion refers to this keystroke's search id.
    events::Event event = search_event(context, request, *where, query, found, "suggest");
    const std::string& answer_json = answer->rendered(
        "suggest", [&](const search::SearchResponse& kept) { return suggestions_json(kept, query.query); });
    std::string body = with_request_fields(answer_json, event.search_id);
    record_search(context, std::move(event), query, found);
    send_json_text(response, std::move(body));
}

void events_route(ServerContext& context, const httplib::Request& request, httplib::Response& response) {
    auto body = nlohmann::json::parse(request.body, nullptr, false);
    if (!body.is_object()) return send_error(response, ApiError::INVALID_REQUEST, "the body must be a JSON object");
    auto text = [&](const char* field) {
        return body.contains(field) && body[field].is_string() ? body[field].get<std::string>() : std::string();
    };
    const auto kind = events::reaction_kind_named(text("type"));
    if (!kind)
        return send_error(response, ApiError::INVALID_REQUEST, "type must be click, helpful, not_helpful or escalate");
    std::string route;
    if (!text("route").empty()) {
        auto checked = check_route(text("route"));
        if (!checked) return send_error(response, checked.error());
        route = route_path(*checked);
    }
    events::Event event = events::reaction_event({.kind = *kind,
                                                  .search_id = text("search_id"),
                                                  .article_id = text("article_id"),
                                                  .comment = text("comment").substr(0, 2000),
                                                  .channel = text("channel")},
                                                 {.source = text("source"),
                                                  .locale = text("locale"),
                                                  .tier = request_tier(request, context.config),
                                                  .route = route,
                                                  .client = client_of(context.config, request)});
    if (!event.source.empty() && !events::is_event_source(event.source))
        return send_error(response, ApiError::INVALID_REQUEST, "source must be " + events::event_sources_listed());
    if (body.contains("rank") && body["rank"].is_number_integer()) event.rank = body["rank"].get<int>();
    if (event.search_id.empty() && event.article_id.empty())
        return send_error(response, ApiError::INVALID_REQUEST, "search_id or article_id is required");
    for (const std::string* field :
         {&event.search_id, &event.article_id, &event.locale, &event.channel, &event.comment})
        if (find_invalid_utf8(*field) != std::string::npos)
            return send_error(response, ApiError::INVALID_REQUEST, "text fields must be valid UTF-8");
    context.events.record(std::move(event));
    send_json(response, {{"accepted", true}}, 202);
}

void preflight_route(ServerContext& context, const httplib::Request& request, httplib::Response& response) {
    if (!origin_allowed(context.config, request.get_header_value("Origin")))
        return send_error(response, ApiError::ORIGIN_NOT_ALLOWED, "this origin may not call the API");
    response.status = 204;
    response.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    response.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type");
    response.set_header("Access-Control-Max-Age", "600");
}

/// "ok"; "degraded" (200) while a locale database cannot be served and the others are; and
/// "unavailable" (503) when nothing can be, so a balancer sends customers elsewhere. The unusable
/// locales are named with the reason; their paths and Xapian's words go to the log only.
void health_route(ServerContext& context, httplib::Response& response) {
    const search::IndexStatus status = context.search.status();
    nlohmann::json unusable = nlohmann::json::array();
    for (const auto& locale : status.unusable)
        unusable.push_back({{"locale", locale.locale}, {"reason", locale.reason}});
    const char* state = !status.serving ? "unavailable" : status.unusable.empty() ? "ok" : "degraded";
    send_json(response,
              {{"status", state},
               {"revision", status.revision},
               {"documents", status.documents},
               {"locales", status.locales},
               {"unusable", unusable}},
              status.serving ? 200 : 503);
}

void metrics_route(ServerContext& context, httplib::Response& response) {
    const search::IndexStatus status = context.search.status();
    const events::SinkStats sink = context.events.stats();
    response.set_content(context.metrics.render({.index_revision = status.revision,
                                                 .documents = status.documents,
                                                 .events_accepted = sink.accepted,
                                                 .events_written = sink.written,
                                                 .events_dropped = sink.dropped}),
                         "text/plain; version=0.0.4; charset=utf-8");
}

}  // namespace anticipa::server
