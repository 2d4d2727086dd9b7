// Server: the admin page, the content plan of the running help center for support leads. It is
// off unless an admin token is configured, and without the token it shows nothing but a login
// form: the report quotes what customers typed, which is not for customers to read.
#include "analysis/analyzer_set.h"
#include "common/html_escape.h"
#include "gaps/event_log_report.h"
#include "gaps/report_writers.h"
#include "pages/html_writer.h"
#include "pages/page_site.h"
#include "server_context.h"
#include "secrets.h"

#include <httplib.h>
#include <openssl/crypto.h>

#include <iostream>
#include <memory>

namespace anticipa::server {

namespace {

constexpr const char* COOKIE = "anticipa_admin";

/// The cookie holds a keyed hash of the token, not the token: a copied cookie opens the page
/// but does not reveal the token that configures it.
std::string session_value(const std::string& admin_token) {
    return hmac_sha256_hex(admin_token, "anticipa admin session");
}

bool authorized(const ServerConfig& config, const httplib::Request& request) {
    const std::string authorization = request.get_header_value("Authorization");
    const std::string bearer = "Bearer ";
    if (authorization.rfind(bearer, 0) == 0 && same_secret(authorization.substr(bearer.size()), config.admin_token))
        return true;
    const std::string cookie = pages::cookie_value(request.get_header_value("Cookie"), COOKIE);
    return !cookie.empty() && same_secret(cookie, session_value(config.admin_token));
}

void send_login(httplib::Response& response, bool failed) {
    std::string html =
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
        "content=\"width=device-width, initial-scale=1\"><title>Anticipa admin</title></head><body>"
        "<h1>Anticipa admin</h1>";
    if (failed) html += "<p role=\"alert\">That token is not the admin token.</p>";
    html +=
        "<form method=\"post\" action=\"/admin/login\"><label for=\"token\">Admin token</label> "
        "<input type=\"password\" id=\"token\" name=\"token\" required autocomplete=\"current-password\"> "
        "<button type=\"submit\">Open the content plan</button></form></body></html>";
    response.set_header("WWW-Authenticate", "Bearer realm=\"anticipa-admin\"");
    pages::send_html(response, 401, html);
}

/// "7d", "24h", "2w" -> a duration; nullopt for anything else.
std::optional<std::chrono::hours> period_of(const std::string& text) {
    if (text.size() < 2 || text.size() > 4) return std::nullopt;
    int amount = 0;
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        amount = amount * 10 + (text[i] - '0');
    }
    if (amount == 0) return std::nullopt;
    switch (text.back()) {
        case 'h':
            return std::chrono::hours(amount);
        case 'd':
            return std::chrono::hours(24 * amount);
        case 'w':
            return std::chrono::hours(24 * 7 * amount);
        default:
            return std::nullopt;
    }
}

void report_route(ServerContext& context, analysis::AnalyzerSet& analyzers, const httplib::Request& request,
                  httplib::Response& response) {
    if (!authorized(context.config, request)) return send_login(response, false);
    auto period = period_of(request.has_param("since") ? request.get_param_value("since") : "7d");
    if (!period) return pages::send_html(response, 400, "<p>since must be like 24h, 7d or 2w</p>");
    gaps::ReportOptions options;
    options.until = std::chrono::system_clock::now();
    options.since = options.until - *period;
    try {
        const gaps::GapsReport report = gaps::report_from_event_log(context.config.events_path, analyzers, options);
        response.set_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
        pages::send_html(response, 200, gaps::write_html(report));
    } catch (const std::exception& e) {
        // The message names the database file: for the admin's eyes, and the log's.
        std::cerr << "anticipa serve: admin report: " << e.what() << '\n';
        pages::send_html(response, 503, "<p>The report could not be built: " + escape_html(e.what()) + "</p>");
    }
}

void login_route(ServerContext& context, const httplib::Request& request, httplib::Response& response) {
    if (!same_secret(request.get_param_value("token"), context.config.admin_token)) return send_login(response, true);
    response.set_header("Set-Cookie", std::string(COOKIE) + "=" + session_value(context.config.admin_token) +
                                          "; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=43200");
    pages::send_redirect(response, 303, "/admin");
}

}  // namespace

void register_admin_routes(httplib::Server& http, ServerContext& context) {
    if (context.config.admin_token.empty()) return;  // no token, no admin page: /admin is a 404
    // Its own analyzers, built on first use: the report groups queries as the index analyzes them.
    auto analyzers = std::make_shared<analysis::AnalyzerSet>(context.config.locales_dir);
    http.Get("/admin", [&context, analyzers](const auto& rq, auto& rs) { report_route(context, *analyzers, rq, rs); });
    http.Post("/admin/login", [&context](const auto& rq, auto& rs) { login_route(context, rq, rs); });
}

}  // namespace anticipa::server
