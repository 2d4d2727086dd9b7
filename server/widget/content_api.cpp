#include "widget/content_api.h"

#include "article/article.h"
#include "common/locale_tag.h"
#include "common/utf8.h"
#include "event_recording.h"
#include "http_responses.h"
#include "request_fields.h"
#include "search/deflection.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <optional>

namespace anticipa::server {

namespace {

constexpr std::size_t MAX_TICKET_FIELD_CHARS = 4000;
constexpr std::size_t CONTEXT_LIMIT = 5;

const char* const LOCALE_MESSAGE = "locale must be a language tag like pt or zh-TW";

// ---- deflection ---------------------------------------------------------------------------

FieldResult<search::Ticket> read_ticket(const nlohmann::json& body, const std::string& default_locale) {
    if (!body.is_object()) return invalid_field("the body must be a JSON object with subject, body and locale");
    for (const char* field : {"subject", "body", "locale"}) {
        if (!body.contains(field) || body[field].is_null()) continue;
        if (!body[field].is_string()) return invalid_field(std::string(field) + " must be a string");
        const std::string text = body[field].get<std::string>();
        if (find_invalid_utf8(text) != std::string::npos)
            return invalid_field(std::string(field) + " is not valid UTF-8");
        if (count_code_points(text) > MAX_TICKET_FIELD_CHARS)
            return invalid_field(std::string(field) + " is longer than " + std::to_string(MAX_TICKET_FIELD_CHARS) +
                                 " characters");
    }
    auto text = [&](const char* field) {
        return body.value(field, nlohmann::json()).is_string() ? body[field].get<std::string>() : "";
    };
    search::Ticket ticket;
    ticket.subject = text("subject");
    ticket.body = text("body");
    if (search::blank(ticket.subject) && search::blank(ticket.body))
        return invalid_field("subject or body is required: the ticket's text");
    auto locale = known_locale(body.contains("locale") && body["locale"].is_string() ? text("locale") : default_locale);
    if (!locale) return invalid_field(LOCALE_MESSAGE);
    ticket.locale = *locale;
    return ticket;
}

}  // namespace

void context_route(ServerContext& context, const httplib::Request& request, httplib::Response& response) {
    const auto route = check_route(request.get_param_value("route"));
    if (!route) return send_error(response, route.error());
    auto locale =
        known_locale(request.has_param("locale") ? request.get_param_value("locale") : context.config.default_locale);
    if (!locale) return send_error(response, ApiError::INVALID_REQUEST, LOCALE_MESSAGE);
    const std::string tier = request_tier(request, context.config);
    nlohmann::json articles = nlohmann::json::array();
    for (const auto& summary : context.search.articles_for_route(*route, *locale, tier, CONTEXT_LIMIT))
        articles.push_back(
            {{"id", summary.id}, {"title", summary.title}, {"locale", summary.locale}, {"link", summary.link}});
    send_json(response, {{"route", *route}, {"locale", *locale}, {"articles", articles}});
}

void deflect_route(ServerContext& context, const httplib::Request& request, httplib::Response& response) {
    // The JSON parser refuses invalid UTF-8 inside strings; say so instead of "not JSON".
    if (find_invalid_utf8(request.body) != std::string::npos)
        return send_error(response, ApiError::INVALID_REQUEST, "the request body is not valid UTF-8");
    const auto body = nlohmann::json::parse(request.body, nullptr, false);
    auto read = read_ticket(body, context.config.default_locale);
    if (!read) return send_error(response, read.error());
    search::Ticket& ticket = *read;
    EventContext where;  // the product page the ticket was typed on: deflection rate by route
    if (body.contains("route") && !body["route"].is_null()) {
        if (!body["route"].is_string())
            return send_error(response, ApiError::INVALID_REQUEST, "route must be a string, like /settings/security");
        const auto route = check_route(body["route"].get<std::string>());
        if (!route) return send_error(response, route.error());
        where.route = route_path(*route);
    }
    ticket.tier = request_tier(request, context.config);
    const search::Deflection deflection = search::deflect(context.search, ticket);
    context.metrics.count_search(!deflection.articles.empty());

    events::Event event = search_event(context, request, where, deflection.grouped_by, deflection.found, "deflect");
    event.results = deflection.total;
    event.shown.clear();

    nlohmann::json articles = nlohmann::json::array();
    for (const auto& [hit, confidence] : deflection.articles) {
        event.shown.push_back(hit.id);
        articles.push_back({{"id", hit.id},
                            {"title", hit.title},
                            {"locale", hit.locale},
                            {"section", hit.heading},
                            {"anchor", hit.anchor},
                            {"link", hit.link},
                            {"confidence", confidence}});
    }
    nlohmann::json answer{{"search_id", event.search_id},
                          {"locale", deflection.found.locale},
                          {"fallback", deflection.found.fallback},
                          {"articles", articles}};
    record_search(context, std::move(event), deflection.grouped_by, deflection.found);
    send_json(response, answer);
}

void article_route(ServerContext& context, const std::string& locale_field, const std::string& id,
                   const httplib::Request& request, httplib::Response& response) {
    auto locale = known_locale(locale_field);
    if (!locale) return send_error(response, ApiError::INVALID_REQUEST, LOCALE_MESSAGE);
    if (!valid_article_id(id))
        return send_error(response, ApiError::INVALID_REQUEST,
                          "id must be letters, digits, '.', '_', '-' or '/', without '..', like reset-password");
    auto article = context.search.article(*locale, id, request_tier(request, context.config));
    if (!article) return send_error(response, ApiError::NOT_FOUND, "no article " + id + " in " + *locale);
    nlohmann::json sections = nlohmann::json::array();
    for (const auto& section : article->sections)
        sections.push_back({{"level", section.level},
                            {"heading", section.heading},
                            {"anchor", section.anchor},
                            {"html", section.html}});
    send_json(response, {{"id", article->id},
                         {"locale", article->locale},
                         {"title", article->title},
                         {"category", article->category},
                         {"updated", article->updated},
                         {"tags", article->tags},
                         {"link", article::article_path(article->locale, article->id)},
                         {"sections", sections},
                         {"translations", article->translations}});
}

}  // namespace anticipa::server
