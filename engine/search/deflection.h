// Search stage: a support ticket (subject and body) -> the articles most likely to answer it,
// each with a confidence, before the ticket reaches a person. The contact form, the widget's
// /api/v1/deflect and the traffic tool's in-process customers all rank tickets here.
#pragma once

#include "article/article.h"
#include "search/search_service.h"

#include <optional>
#include <string>
#include <vector>

namespace anticipa::search {

/// What the customer typed into a contact form, and who they are.
struct Ticket {
    std::string subject, body, locale;
    std::string tier = article::lowest_tier();
};

struct DeflectedArticle {
    SearchHit hit;
    /// In [0, 1]: how clearly the article stands out for this ticket (see deflection.cpp), not a
    /// probability of resolving it.
    double confidence = 0;
};

struct Deflection {
    std::vector<DeflectedArticle> articles;  ///< best first, at most DEFLECTION_LIMIT
    SearchResponse found;                    ///< the search of the subject with the head of the body
    /// What the content plan groups the ticket by: the head of the subject, else of the body.
    SearchRequest grouped_by;
    std::size_t total = 0;  ///< matching articles, the larger of the ticket's and the subject's searches
};

/// How many articles a deflection proposes.
constexpr std::size_t DEFLECTION_LIMIT = 5;
/// How much of each ticket field is searched, in characters.
constexpr std::size_t TICKET_HEAD_CHARS = 300;

/// The first `limit` code points of valid UTF-8 text, cut back to the last space when there is
/// one, so a word is not searched half-typed: ("reset my password please", 14) -> "reset my".
std::string head_of(const std::string& text, std::size_t limit);

/// True when the text has nothing but spaces and line breaks: a field left empty.
bool blank(const std::string& text);

/// Ranks the articles that may answer `ticket`: one search for the subject with the head of the
/// body, and one for the subject alone when both fields have text. A blank ticket finds nothing.
Deflection deflect(SearchService& search, const Ticket& ticket);

}  // namespace anticipa::search
