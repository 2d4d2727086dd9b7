// Server: the content API the widget and support tools call — articles for a product route,
// articles that may answer a ticket before it is sent, and one article for the caller's tier.
#pragma once

#include "server_context.h"

namespace anticipa::server {

/// GET /api/v1/context?route=&locale=: articles offered on a product route (or a parent of it).
void context_route(ServerContext& context, const httplib::Request& request, httplib::Response& response);

/// POST /api/v1/deflect {"subject", "body", "locale"}: articles likely to answer a ticket, each
/// with a confidence in [0, 1]; recorded as a search event with source "deflect".
void deflect_route(ServerContext& context, const httplib::Request& request, httplib::Response& response);

/// GET /api/v1/articles/{locale}/{id}: one article's sections, 404 when missing or not open to
/// the caller's tier.
void article_route(ServerContext& context, const std::string& locale, const std::string& id,
                   const httplib::Request& request, httplib::Response& response);

}  // namespace anticipa::server
