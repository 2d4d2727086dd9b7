#include "widget/content_api.h"

#include "common/utf8.h"
#include "event_recording.h"
#include "http_responses.h"
#include "request_fields.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <optional>

namespace anticipa::server {

namespace {

constexpr std::size_t MAX_ROUTE_CHARS = 200;
constexpr std::size_t MAX_TICKET_FIELD_CHARS = 4000;
/// How much of each ticket field is searched: a subject is a summary, and the first lines of a
/// body usually restate it; the rest (logs, signatures, quoted mail) adds noise and cost.
constexpr std::size_t TICKET_HEAD_CHARS = 300;
constexpr std::size_t CONTEXT_LIMIT = 5;
constexpr std::size_t DEFLECT_LIMIT = 5;

/// The first `limit` code points of valid UTF-8 text, cut back to the last space when there is
/// one, so a word is not searched half-typed: ("reset my password please", 14) -> "reset my".
std::string head_of(const std::string& text, std::size_t limit) {
    std::size_t count = 0, end = 0;
    for (; end < text.size(); ++end) {
        if ((static_cast<unsigned char>(text[end]) & 0xC0) != 0x80 && count++ == limit) break;
    }
    if (end >= text.size()) return text;
    const std::size_t space = text.find_last_of(" \t\r\n", end);
    return text.substr(0, space == std::string::npos || space == 0 ? end : space);
}

bool blank(const std::string& text) {
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

const char* const LOCALE_MESSAGE = "locale must be a language tag like pt or zh-TW";

/// The help-center page of an article, as the pages serve it: "/pt/articles/two-factor".
std::string page_link(const std::string& locale, const std::string& id) {
    return "/" + locale + "/articles/" + id;
}

// ---- deflection ---------------------------------------------------------------------------

struct Ticket {
    std::string subject, body, locale;
};

std::optional<std::string> read_ticket(const nlohmann::json& body, const std::string& default_locale, Ticket& out) {
    if (!body.is_object()) return "the body must be a JSON object with subject, body and locale";
    for (const char* field : {"subject", "body", "locale"}) {
        if (!body.contains(field) || body[field].is_null()) continue;
        if (!body[field].is_string()) return std::string(field) + " must be a string";
        const std::string text = body[field].get<std::string>();
        if (find_invalid_utf8(text) != std::string::npos) return std::string(field) + " is not valid UTF-8";
        if (count_code_points(text) > MAX_TICKET_FIELD_CHARS)
            return std::string(field) + " is longer than " + std::to_string(MAX_TICKET_FIELD_CHARS) + " characters";
    }
    auto text = [&](const char* field) {
        return body.value(field, nlohmann::json()).is_string() ? body[field].get<std::string>() : "";
    };
    out.subject = text("subject");
    out.body = text("body");
    if (blank(out.subject) && blank(out.body)) return "subject or body is required: the ticket's text";
    auto locale = known_locale(body.contains("locale") && body["locale"].is_string() ? text("locale") : default_locale);
    if (!locale) return LOCALE_MESSAGE;
    out.locale = *locale;
    return std::nullopt;
}

struct Candidate {
    const search::SearchHit* hit = nullptr;
    double score = 0;  ///< the blended score
};

/// Scores from the ticket search and the subject-alone search, merged per article.
///
/// Subject over body: an article's blended score is its score for subject + body head plus its
/// score for the subject alone, so subject words count twice.
///
/// Confidence: Xapian scores are not probabilities and differ between queries, so each is
/// calibrated by the best score of its own search. confidence = blended / (top ticket score +
/// top subject score), clamped to [0, 1]. It is 1 only for the article that is best for both
/// the whole ticket and its subject; an article that only the body's words find stays near or
/// under 0.5; ranks fall off with the score gap. With one field only there is one search, and
/// the confidence is the score relative to the best hit. It says how clearly an article stands
/// out, not an absolute probability of resolving the ticket.
std::vector<Candidate> blend(const search::SearchResponse& ticket, const search::SearchResponse* subject) {
    std::map<std::string, Candidate> by_id;
    for (const auto& hit : ticket.hits) by_id[hit.id] = {&hit, hit.score};
    double calibration = ticket.hits.empty() ? 0 : ticket.hits.front().score;
    if (subject) {
        for (const auto& hit : subject->hits) {
            auto [it, added] = by_id.try_emplace(hit.id, Candidate{&hit, 0});
            it->second.score += hit.score;
        }
        if (!subject->hits.empty()) calibration += subject->hits.front().score;
    }
    std::vector<Candidate> ranked;
    for (auto& [id, candidate] : by_id) {
        candidate.score = calibration > 0 ? std::clamp(candidate.score / calibration, 0.0, 1.0) : 0.0;
        ranked.push_back(candidate);
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    if (ranked.size() > DEFLECT_LIMIT) ranked.resize(DEFLECT_LIMIT);
    return ranked;
}

search::SearchRequest ticket_query(const std::string& text, const Ticket& ticket, const std::string& tier) {
    search::SearchRequest query;
    query.query = text;
    query.locale = ticket.locale;
    query.tier = tier;
    query.limit = 2 * DEFLECT_LIMIT;  // the two searches may rank different articles
    query.prefix_last_word = false;   // a ticket is finished text, not typing
    query.with_snippets = false;
    return query;
}

}  // namespace

void context_route(ServerContext& context, const httplib::Request& request, httplib::Response& response) {
    const std::string route = request.get_param_value("route");
    if (find_invalid_utf8(route) != std::string::npos)
        return send_error(response, ApiError::INVALID_REQUEST, "route is not valid UTF-8");
    if (route.empty())
        return send_error(response, ApiError::INVALID_REQUEST,
                          "route is required: the product page's path, like /settings/security");
    if (route.front() != '/')
        return send_error(response, ApiError::INVALID_REQUEST, "route must start with '/', like /settings/security");
    if (count_code_points(route) > MAX_ROUTE_CHARS)
        return send_error(response, ApiError::INVALID_REQUEST,
                          "route is longer than " + std::to_string(MAX_ROUTE_CHARS) + " characters");
    auto locale =
        known_locale(request.has_param("locale") ? request.get_param_value("locale") : context.config.default_locale);
    if (!locale) return send_error(response, ApiError::INVALID_REQUEST, LOCALE_MESSAGE);
    const std::string tier = request_tier(request, context.config);
    nlohmann::json articles = nlohmann::json::array();
    for (const auto& summary : context.search.articles_for_route(route, *locale, tier, CONTEXT_LIMIT))
        articles.push_back(
            {{"id", summary.id}, {"title", summary.title}, {"locale", summary.locale}, {"link", summary.link}});
    send_json(response, {{"route", route}, {"locale", *locale}, {"articles", articles}});
}

void deflect_route(ServerContext& context, const httplib::Request& request, httplib::Response& response) {
    Ticket ticket;
    // The JSON parser refuses invalid UTF-8 inside strings; say so instead of "not JSON".
    if (find_invalid_utf8(request.body) != std::string::npos)
        return send_error(response, ApiError::INVALID_REQUEST, "the request body is not valid UTF-8");
    const auto body = nlohmann::json::parse(request.body, nullptr, false);
    if (auto problem = read_ticket(body, context.config.default_locale, ticket))
        return send_error(response, ApiError::INVALID_REQUEST, *problem);
    EventContext where;  // the product page the ticket was typed on: deflection rate by route
    if (body.contains("route") && !body["route"].is_null()) {
        if (!body["route"].is_string() || !valid_route(body["route"].get<std::string>()))
            return send_error(response, ApiError::INVALID_REQUEST,
                              "route must be a path starting with '/', at most 200 bytes");
        where.route = route_path(body["route"].get<std::string>());
    }
    const std::string tier = request_tier(request, context.config);
    const std::string subject = blank(ticket.subject) ? "" : head_of(ticket.subject, TICKET_HEAD_CHARS);
    const std::string body_head = blank(ticket.body) ? "" : head_of(ticket.body, TICKET_HEAD_CHARS);
    const std::string text = subject.empty() ? body_head : body_head.empty() ? subject : subject + "\n" + body_head;

    search::SearchResponse found = context.search.search(ticket_query(text, ticket, tier));
    std::optional<search::SearchResponse> by_subject;
    if (!subject.empty() && !body_head.empty()) by_subject = context.search.search(ticket_query(subject, ticket, tier));
    const auto ranked = blend(found, by_subject ? &*by_subject : nullptr);
    context.metrics.count_search(!ranked.empty());

    // The gaps report groups a ticket by its subject (or the head of its body).
    const auto grouped_by = ticket_query(subject.empty() ? body_head : subject, ticket, tier);
    events::Event event = search_event(context, request, where, grouped_by, found, "deflect");
    event.results = std::max(found.total, by_subject ? by_subject->total : 0);
    event.shown.clear();

    nlohmann::json articles = nlohmann::json::array();
    for (const auto& candidate : ranked) {
        const search::SearchHit& hit = *candidate.hit;
        event.shown.push_back(hit.id);
        articles.push_back({{"id", hit.id},
                            {"title", hit.title},
                            {"locale", hit.locale},
                            {"section", hit.heading},
                            {"anchor", hit.anchor},
                            {"link", hit.link},
                            {"confidence", candidate.score}});
    }
    nlohmann::json answer{
        {"search_id", event.search_id}, {"locale", found.locale}, {"fallback", found.fallback}, {"articles", articles}};
    context.events.record(std::move(event));
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
                         {"link", page_link(article->locale, article->id)},
                         {"sections", sections},
                         {"translations", article->translations}});
}

}  // namespace anticipa::server
