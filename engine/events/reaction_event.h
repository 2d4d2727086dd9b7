// Events stage: a customer's reaction to an answer (a click, a vote, an escalation) -> the Event
// the content plan reads, built one way for the API, the pages and the traffic tool.
#pragma once

#include "events/event.h"

#include <string>

namespace anticipa::events {

/// What the customer did: the fields a reaction carries besides where it came from.
struct Reaction {
    EventKind kind = EventKind::CLICK;  ///< CLICK, HELPFUL, NOT_HELPFUL or ESCALATE
    std::string search_id;              ///< the search it follows, when known
    std::string article_id;             ///< clicks and votes
    int rank = 0;                       ///< clicks: 1-based position of the article clicked
    std::string comment;                ///< "not helpful" votes
    std::string channel;                ///< escalations: contact_form, representative, ...
    std::string subject;                ///< escalations from a form: the ticket's subject
};

/// Where a reaction came from: the fields every event of one request shares.
struct EventOrigin {
    std::string source;  ///< the surface it came from; is_event_source() (event_kind.h) lists them
    std::string locale, tier, route, client, session_id;
};

/// The event of a reaction, stamped now.
Event reaction_event(Reaction reaction, EventOrigin origin);

}  // namespace anticipa::events
