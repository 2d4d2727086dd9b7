// Server: the events a request leaves behind, built one way for the API, the pages and the
// widget, so the content plan sees every answer alike.
#pragma once

#include "events/event.h"
#include "search/search_types.h"
#include "server_context.h"

#include <optional>
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
std::optional<std::string> read_event_context(const httplib::Request& request, EventContext& out);

/// The SEARCH event of an answered query. When nothing was found, it also records whether the
/// words match in another language or above the customer's tier (see search/miss_diagnosis.h).
events::Event search_event(ServerContext& context, const httplib::Request& request, const EventContext& where,
                           const search::SearchRequest& asked, const search::SearchResponse& found, const char* source);

}  // namespace anticipa::server
