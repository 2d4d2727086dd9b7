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
    std::string event_id;  ///< unique; a store assigns one when empty, so replays stay idempotent
    std::string search_id;
    std::string session_id;  ///< a search-as-you-type session: its keystrokes count as one search
    std::chrono::system_clock::time_point at = std::chrono::system_clock::now();
    std::string source;  ///< the surface it came from; is_event_source() (event_kind.h) lists them
    std::string locale;  ///< the customer's locale
    std::string tier;    ///< basic, standard or advanced (never the token itself)
    std::string query;
    std::size_t results = 0;
    bool fallback = false;           ///< answered from the default locale
    std::vector<std::string> shown;  ///< article ids shown, best first
    std::string article_id;          ///< clicks and votes
    int rank = 0;                    ///< clicks: 1-based position of the article clicked
    std::string comment;             ///< "not helpful" comments
    std::string channel;             ///< escalations: contact_form, representative, ...
    std::string route;               ///< the product page (widget) or help-center page asked from
    std::string client;              ///< the client address, a keyed hash of it, or empty (privacy)
    // Why a search found nothing, counted when it was answered (never shown to the customer):
    std::size_t matches_other_locales = 0;  ///< hits for the same words in the other locales
    std::size_t matches_any_tier = 0;       ///< hits before the tier filter (entitlement gap)
};

const char* to_string(EventKind kind);

}  // namespace anticipa::events
