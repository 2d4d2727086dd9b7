#include "search/deflection.h"

#include "common/utf8.h"

#include <algorithm>
#include <map>

namespace anticipa::search {

namespace {

/// A ticket is finished text, not typing, and only the ranking is shown.
SearchRequest ticket_request(const std::string& text, const Ticket& ticket) {
    SearchRequest request;
    request.query = text;
    request.locale = ticket.locale;
    request.tier = ticket.tier;
    request.limit = 2 * DEFLECTION_LIMIT;  // the two searches may rank different articles
    request.prefix_last_word = false;
    request.with_snippets = false;
    return request;
}

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
/// the confidence is the score relative to the best hit.
std::vector<DeflectedArticle> blend(const SearchResponse& ticket, const SearchResponse* subject) {
    std::map<std::string, DeflectedArticle> by_id;  // ordered: equal scores keep the id order
    for (const auto& hit : ticket.hits) by_id[hit.id] = {hit, hit.score};
    double calibration = ticket.hits.empty() ? 0 : ticket.hits.front().score;
    if (subject) {
        for (const auto& hit : subject->hits) {
            auto [it, added] = by_id.try_emplace(hit.id, DeflectedArticle{hit, 0});
            it->second.confidence += hit.score;
        }
        if (!subject->hits.empty()) calibration += subject->hits.front().score;
    }
    std::vector<DeflectedArticle> ranked;
    for (auto& [id, article] : by_id) {
        article.confidence = calibration > 0 ? std::clamp(article.confidence / calibration, 0.0, 1.0) : 0.0;
        ranked.push_back(std::move(article));
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const DeflectedArticle& a, const DeflectedArticle& b) { return a.confidence > b.confidence; });
    if (ranked.size() > DEFLECTION_LIMIT) ranked.resize(DEFLECTION_LIMIT);
    return ranked;
}

}  // namespace

std::string head_of(const std::string& text, std::size_t limit) {
    std::size_t count = 0, end = 0;
    for (; end < text.size(); ++end) {
        if (!is_continuation_byte(text[end]) && count++ == limit) break;
    }
    if (end >= text.size()) return text;
    const std::size_t space = text.find_last_of(" \t\r\n", end);
    return text.substr(0, space == std::string::npos || space == 0 ? end : space);
}

bool blank(const std::string& text) {
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

Deflection deflect(SearchService& search, const Ticket& ticket) {
    // A subject is a summary, and the first lines of a body usually restate it; the rest (logs,
    // signatures, quoted mail) adds noise and cost.
    const std::string subject = blank(ticket.subject) ? "" : head_of(ticket.subject, TICKET_HEAD_CHARS);
    const std::string body = blank(ticket.body) ? "" : head_of(ticket.body, TICKET_HEAD_CHARS);
    Deflection deflection;
    deflection.grouped_by = ticket_request(subject.empty() ? body : subject, ticket);
    if (subject.empty() && body.empty()) return deflection;

    const std::string text = subject.empty() ? body : body.empty() ? subject : subject + "\n" + body;
    deflection.found = search.search(ticket_request(text, ticket));
    std::optional<SearchResponse> by_subject;
    if (!subject.empty() && !body.empty()) by_subject = search.search(ticket_request(subject, ticket));
    deflection.articles = blend(deflection.found, by_subject ? &*by_subject : nullptr);
    deflection.total = std::max(deflection.found.total, by_subject ? by_subject->total : 0);
    return deflection;
}

}  // namespace anticipa::search
