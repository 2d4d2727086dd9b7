// Server: the events a request leaves behind, built one way for the API, the pages and the
// widget, so the content plan sees every answer alike.
#pragma once

#include "events/event.h"
#include "field_result.h"
#include "search/search_types.h"
#include "server_context.h"

#include <string>

namespace anticipa::server {

/// The client as the events store may keep it (ServerConfig::client_address): the address, a
/// keyed hash of it, or "".
std::string client_of(const ServerConfig& config, const httplib::Request& request);

/// The request's `session` and `route` parameters, checked; the message names the bad field.
struct EventContext {
    std::string session_id;
    std::string route;
};
FieldResult<EventContext> read_event_context(const httplib::Request& request);

/// The SEARCH event of an answered query, as the content plan reads it. Runs no search.
events::Event search_event(ServerContext& context, const httplib::Request& request, const EventContext& where,
                           const search::SearchRequest& asked, const search::SearchResponse& found, const char* source);

/// Records a search's event. When the customer's own words found nothing, it first runs the miss
/// diagnosis: a few more counting searches (other languages, all tiers; search/miss_diagnosis.h)
/// on the request path, so the content plan can tell a missing article from an untranslated one.
void record_search(ServerContext& context, events::Event event, const search::SearchRequest& asked,
                   const search::SearchResponse& found);

}  // namespace anticipa::server
