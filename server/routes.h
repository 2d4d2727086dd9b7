// Server: the route table — every method and path the server answers, with the handler that
// answers it, in one list (routes.cpp). The router dispatches from it, /metrics labels requests
// by its patterns, and a test checks the OpenAPI document against its /api/v1 rows.
#pragma once

#include "server_context.h"

#include <functional>
#include <string>
#include <vector>

namespace anticipa::server {

/// The values of a pattern's {parameters}, in order: "/api/v1/articles/{locale}/{id...}" on
/// "/api/v1/articles/pt/billing/invoices" gives {"pt", "billing/invoices"}.
using PathParams = std::vector<std::string>;

using RouteHandler = std::function<void(const httplib::Request&, const PathParams&, httplib::Response&)>;

struct Route {
    std::string method;  ///< GET (which also answers HEAD), POST or OPTIONS
    /// Literal segments and parameters: {name} is one non-empty segment, {name...} one or more
    /// (a path inside an id), {name:tag} a segment shaped like a language tag ("pt", "zh-TW";
    /// never "widget.js").
    std::string pattern;
    RouteHandler handler;
};

/// Every route of the server, with handlers over `context` (which outlives them).
std::vector<Route> route_table(ServerContext& context);

}  // namespace anticipa::server
