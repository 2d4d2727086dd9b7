// Server: the handlers of the admin page, the live content plan for support leads; routes.cpp
// lists them, and only when an admin token is configured (without one /admin is a 404).
#pragma once

#include "admin_sessions.h"
#include "login_throttle.h"
#include "plan_translations.h"
#include "secrets.h"
#include "server_context.h"

#include <string>

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace anticipa::server {

/// What every admin route shares; made once, with the route table.
struct AdminDesk {
    ServerContext& context;
    AdminSessions sessions;
    LoginThrottle throttle;
    /// Sessions remember the token they were opened with: one opened under a token that is no
    /// longer the configured one is over.
    const std::string token_fingerprint;
    /// The content plan's translation table, kept while the articles and the index stay as they are.
    PlanTranslations translations;

    explicit AdminDesk(ServerContext& c)
        : context(c),
          sessions({.idle = c.config.admin_session_idle,
                    .lifetime = c.config.admin_session_lifetime,
                    .max_sessions = AdminSessionLimits{}.max_sessions}),
          throttle(c.config.admin_login_limits),
          token_fingerprint(hmac_sha256_hex(c.config.admin_token, "anticipa admin token")),
          translations(c.config.articles_dir, c.config.index_dir, c.search) {
        translations.warm_up();
    }
};

/// GET /admin?since=7d: the gaps report for a live session or the Bearer admin token; else the
/// login form.
void report_route(AdminDesk& desk, const httplib::Request& request, httplib::Response& response);
/// POST /admin/login: the token from the form body (never the URL); a session cookie and back to /admin.
void login_route(AdminDesk& desk, const httplib::Request& request, httplib::Response& response);
/// POST /admin/logout: the session ends on the server, and the browser forgets the cookie.
void logout_route(AdminDesk& desk, const httplib::Request& request, httplib::Response& response);

}  // namespace anticipa::server
