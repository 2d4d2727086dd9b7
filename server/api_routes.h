// Server: the handlers of the JSON API under /api/v1 and of the operational routes (/healthz,
// /metrics); routes.cpp lists them. The content API the widget calls is widget/content_api.h.
#pragma once

#include "server_context.h"

namespace anticipa::server {

/// GET /api/v1/search?q=&locale=&tag=&category=&page=&session=&route=
void search_route(ServerContext& context, const httplib::Request& request, httplib::Response& response);
/// GET /api/v1/suggest?q=&locale=&session=&route=: titles while typing.
void suggest_route(ServerContext& context, const httplib::Request& request, httplib::Response& response);
/// POST /api/v1/events: a click, a vote or an escalation.
void events_route(ServerContext& context, const httplib::Request& request, httplib::Response& response);
/// OPTIONS /api/v1/...: the CORS preflight of an allowed origin.
void preflight_route(ServerContext& context, const httplib::Request& request, httplib::Response& response);
/// GET /healthz: the served index's revision and size.
void health_route(ServerContext& context, httplib::Response& response);
/// GET /metrics: the Prometheus text format.
void metrics_route(ServerContext& context, httplib::Response& response);

}  // namespace anticipa::server
