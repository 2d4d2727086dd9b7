#include "events/reaction_event.h"

namespace anticipa::events {

Event reaction_event(Reaction reaction, EventOrigin origin) {
    Event event;
    event.kind = reaction.kind;
    event.search_id = std::move(reaction.search_id);
    event.article_id = std::move(reaction.article_id);
    event.rank = reaction.rank;
    event.comment = std::move(reaction.comment);
    event.channel = std::move(reaction.channel);
    event.query = std::move(reaction.subject);
    event.source = std::move(origin.source);
    event.locale = std::move(origin.locale);
    event.tier = std::move(origin.tier);
    event.route = std::move(origin.route);
    event.client = std::move(origin.client);
    event.session_id = std::move(origin.session_id);
    return event;
}

}  // namespace anticipa::events
