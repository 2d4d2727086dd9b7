// Server: what every route handler may use, handed to each route file's register function.
#pragma once

#include "contact_outbox.h"
#include "events/event_sink.h"
#include "metrics.h"
#include "search/search_service.h"
#include "server_config.h"

#include <string>

namespace httplib {
class Server;
class Request;
class Response;
}  // namespace httplib

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

// Each route file adds its routes to the one table (help_center_server.cpp calls them in order).
void register_api_routes(httplib::Server& http, ServerContext& context);     ///< api_routes.cpp
void register_page_routes(httplib::Server& http, ServerContext& context);    ///< pages/page_routes.cpp
void register_widget_routes(httplib::Server& http, ServerContext& context);  ///< widget/widget_routes.cpp
void register_admin_routes(httplib::Server& http, ServerContext& context);   ///< admin_routes.cpp

}  // namespace anticipa::server
