// Events stage: what customers did with an answer, the raw material of the content plan.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace anticipa::events {

enum class EventKind {
    SEARCH,       ///< a query answered (search, suggest or deflection), with what was shown
    CLICK,        ///< an article opened from a result
    HELPFUL,      ///< "was this helpful?" yes
    NOT_HELPFUL,  ///< ... no (optionally with a comment)
    ESCALATE,     ///< the customer went on to contact support
};

/// One event. `search_id` ties clicks, votes and escalations to the search they follow; an
/// interaction is unresolved when it had no results, no click, a "not helpful" or an escalation.
struct Event {
    EventKind kind = EventKind::SEARCH;
    std::string search_id;
    std::chrono::system_clock::time_point at = std::chrono::system_clock::now();
    std::string source;   ///< "search", "suggest", "deflect", "context", "page"
    std::string locale;   ///< the customer's locale
    std::string tier;     ///< basic, standard or advanced (never the token itself)
    std::string query;
    std::size_t results = 0;
    bool fallback = false;              ///< answered from the default locale
    std::vector<std::string> shown;     ///< article ids shown, best first
    std::string article_id;             ///< clicks and votes
    int rank = 0;                       ///< clicks: 1-based position of the article clicked
    std::string comment;                ///< "not helpful" comments
    std::string channel;                ///< escalations: contact_form, representative, ...
};

const char* to_string(EventKind kind);

}  // namespace anticipa::events
