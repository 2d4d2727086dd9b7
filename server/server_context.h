// Server: what every route handler may use; routes.cpp hands it to each handler.
#pragma once

#include "contact_outbox.h"
#include "events/event_sink.h"
#include "httplib_fwd.h"
#include "metrics.h"
#include "search/search_service.h"
#include "server_config.h"

#include <string>

namespace anticipa::server {

struct ServerContext {
    const ServerConfig& config;
    search::SearchService& search;
    events::EventSink& events;
    Metrics& metrics;
    ContactOutbox& outbox;  ///< contact-form messages for the ticketing system
};

/// The customer's tier from the request's `Authorization: Bearer` token (basic without one).
std::string request_tier(const httplib::Request& request, const ServerConfig& config);

/// A fresh random id for a search (32 hex digits).
std::string new_search_id();

}  // namespace anticipa::server
