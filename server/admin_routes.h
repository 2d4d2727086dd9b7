// Server: the handlers of the admin page, the live content plan for support leads; routes.cpp
// lists them, and only when an admin token is configured (without one /admin is a 404).
#pragma once

#include "analysis/analyzer_set.h"
#include "server_context.h"

namespace anticipa::server {

/// GET /admin?since=7d: the gaps report as HTML for the admin token or session; else the login form.
void report_route(ServerContext& context, analysis::AnalyzerSet& analyzers, const httplib::Request& request,
                  httplib::Response& response);
/// POST /admin/login: the token from the form; a session cookie and back to /admin.
void login_route(ServerContext& context, const httplib::Request& request, httplib::Response& response);

}  // namespace anticipa::server
