// Server: the admin page, the content plan of the running help center for support leads. It is
// off unless an admin token is configured. Without the token it shows nothing but a login form:
// the report quotes what customers typed, which is not for customers to read. Showing the token
// (login form or Authorization header) opens a session held by the server (admin_sessions.h);
// guesses are rate-limited per client address and overall (login_throttle.h).
#include "admin_routes.h"

#include "admin_controls.h"

#include "common/html_escape.h"
#include "gaps/answered_gaps.h"
#include "gaps/content_plan.h"
#include "gaps/plan_options.h"
#include "gaps/report_writers.h"
#include "login_throttle.h"
#include "pages/html_writer.h"
#include "pages/page_site.h"
#include "secrets.h"
#include "server_context.h"

#include <httplib.h>

#include <iostream>
#include <memory>
#include <variant>

namespace anticipa::server {

namespace {

constexpr const char* COOKIE = "anticipa_admin";

/// A page of the admin's own (the login, the 400 of a bad parameter): the help center's layout
/// and stylesheet, without its search box and contact link.
void send_admin_page(httplib::Response& response, int status, const std::string& title, const std::string& body) {
    pages::send_html(response, status,
                     pages::render_page({.locale = "en",
                                         .title = title,
                                         .site_name = "Anticipa admin",
                                         .search_label = "",
                                         .search_button = "",
                                         .contact_label = "",
                                         .home = "/admin",
                                         .query = "",
                                         .body = body}));
}

enum class LoginNotice { NONE, WRONG_TOKEN, TOO_MANY, TOKEN_IN_URL, SIGNED_OUT };

void send_login(httplib::Response& response, int status, LoginNotice notice) {
    std::string body =
        "<h1>Content plan</h1>\n<p>Sign in with the server's admin token to see what customers could "
        "not find.</p>\n";
    switch (notice) {
        case LoginNotice::NONE:
            break;
        case LoginNotice::WRONG_TOKEN:
            body += "<p class=\"notice\" role=\"alert\">That token is not the admin token.</p>\n";
            break;
        case LoginNotice::TOO_MANY:
            body += "<p class=\"notice\" role=\"alert\">Too many attempts. Wait a moment, then try again.</p>\n";
            break;
        case LoginNotice::TOKEN_IN_URL:
            body +=
                "<p class=\"notice\" role=\"alert\">The token goes in the form, never in the address: "
                "addresses are kept in logs and browser history. Change the admin token if it was shared.</p>\n";
            break;
        case LoginNotice::SIGNED_OUT:
            body += "<p class=\"notice\" role=\"status\">You are signed out.</p>\n";
            break;
    }
    body +=
        "<form method=\"post\" action=\"/admin/login\">\n<label for=\"token\">Admin token</label>\n"
        "<input type=\"password\" id=\"token\" name=\"token\" required autocomplete=\"current-password\">\n"
        "<p><button type=\"submit\">Open the content plan</button></p>\n</form>";
    if (status == 401) response.set_header("WWW-Authenticate", "Bearer realm=\"anticipa-admin\"");
    send_admin_page(response, status, "Sign in", body);
}

void send_too_many(httplib::Response& response, std::chrono::seconds wait) {
    response.set_header("Retry-After", std::to_string(wait.count()));
    send_login(response, 429, LoginNotice::TOO_MANY);
}

std::string set_cookie(const ServerConfig& config, const std::string& value, std::chrono::seconds max_age) {
    return std::string(COOKIE) + "=" + value +
           "; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age.count()) +
           (config.admin_cookie_secure ? "; Secure" : "");
}

/// The session the request's cookie names, if it is live.
bool has_session(AdminDesk& desk, const httplib::Request& request) {
    const std::string id = pages::cookie_value(request.get_header_value("Cookie"), COOKIE);
    return !id.empty() && desk.sessions.use(id, desk.token_fingerprint);
}

/// The plan's options from the query string, read as `anticipa gaps` reads its flags; a
/// parameter that is absent or empty (a form's "all" choice) keeps the default.
gaps::PlanOptionText plan_option_text(const httplib::Request& request) {
    gaps::PlanOptionText text;
    auto take = [&](const char* name, std::string& field) {
        if (request.has_param(name) && !request.get_param_value(name).empty()) field = request.get_param_value(name);
    };
    take("since", text.since);
    take("until", text.until);
    take("locale", text.locale);
    take("tier", text.tier);
    return text;
}

/// What /admin answers with: the HTML page (default) or one table as CSV.
struct ReportView {
    bool csv = false;
    std::string table = "gaps";
};

std::optional<gaps::PlanOptionError> read_view(const httplib::Request& request, ReportView& view) {
    const std::string format = request.get_param_value("format");
    if (format == "csv") view.csv = true;
    else if (!format.empty() && format != "html") return gaps::PlanOptionError{"format", format, "html or csv"};
    if (request.has_param("table") && !request.get_param_value("table").empty()) {
        view.table = request.get_param_value("table");
        if (!gaps::is_csv_table(view.table))
            return gaps::PlanOptionError{"table", view.table, "one of " + gaps::csv_table_list()};
    }
    return std::nullopt;
}

void send_csv(httplib::Response& response, const gaps::GapsReport& report, const std::string& table) {
    response.status = 200;
    response.set_header("Content-Disposition", "attachment; filename=\"content-plan-" + table + "-" +
                                                   gaps::utc_date(report.since) + "-" + gaps::utc_date(report.until) +
                                                   ".csv\"");
    response.set_header("Cache-Control", "no-store");
    response.set_content(gaps::write_csv(report, table), "text/csv; charset=utf-8");
}

void send_report(AdminDesk& desk, const httplib::Request& request, httplib::Response& response) {
    const gaps::PlanOptionText text = plan_option_text(request);
    const std::string controls = plan_controls(text, desk.context.search.status().locales);
    ReportView view;
    auto options = gaps::parse_plan_options(text, std::chrono::system_clock::now());
    if (auto bad_view = read_view(request, view)) options = *bad_view;
    if (const auto* error = std::get_if<gaps::PlanOptionError>(&options))
        return send_admin_page(response, 400, "Content plan", bad_option_body(*error, controls));
    try {
        // The searches' analyzers: the report groups queries as the index analyzes them.
        const gaps::GapsReport report =
            gaps::build_content_plan({.events_db = desk.context.config.events_path,
                                      .articles = desk.context.config.articles_dir,
                                      .translations = desk.translations.current(),
                                      .check_with_index =
                                          [&desk](std::vector<gaps::Interaction>& interactions) {
                                              gaps::find_gaps_behind_results(interactions, desk.context.search);
                                          }},
                                     desk.context.search.analyzers(), std::get<gaps::ReportOptions>(options));
        if (view.csv) return send_csv(response, report, view.table);
        response.set_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
        pages::send_html(response, 200, with_plan_controls(gaps::write_html(report), controls));
    } catch (const std::exception& e) {
        // The message names the database file: for the admin's eyes, and the log's.
        std::cerr << "anticipa serve: admin report: " << e.what() << '\n';
        pages::send_html(response, 503, "<p>The report could not be built: " + escape_html(e.what()) + "</p>");
    }
}

}  // namespace

/// GET /admin: the report for a live session or a correct Bearer token (scripts); a Bearer
/// guess counts against the login rate limit like a login form's.
void report_route(AdminDesk& desk, const httplib::Request& request, httplib::Response& response) {
    if (has_session(desk, request)) return send_report(desk, request, response);
    const std::string authorization = request.get_header_value("Authorization");
    if (!authorization.starts_with("Bearer ")) return send_login(response, 401, LoginNotice::NONE);
    if (auto wait = desk.throttle.take(request.remote_addr)) return send_too_many(response, *wait);
    if (!same_secret(authorization.substr(7), desk.context.config.admin_token))
        return send_login(response, 401, LoginNotice::WRONG_TOKEN);
    desk.throttle.give_back(request.remote_addr);
    send_report(desk, request, response);
}

/// POST /admin/login with the token in a form body (application/x-www-form-urlencoded). httplib
/// merges the query string's parameters with the form's, so the body is read here alone: a
/// token in the URL is refused without being tried.
void login_route(AdminDesk& desk, const httplib::Request& request, httplib::Response& response) {
    httplib::Params form;
    if (request.get_header_value("Content-Type").starts_with("application/x-www-form-urlencoded"))
        httplib::detail::parse_query_text(request.body, form);
    if (request.get_param_value_count("token") > form.count("token"))
        return send_login(response, 400, LoginNotice::TOKEN_IN_URL);
    if (auto wait = desk.throttle.take(request.remote_addr)) return send_too_many(response, *wait);
    const auto token = form.find("token");
    if (form.count("token") != 1 || !same_secret(token->second, desk.context.config.admin_token))
        return send_login(response, 401, LoginNotice::WRONG_TOKEN);
    desk.throttle.give_back(request.remote_addr);
    const std::string id = desk.sessions.open(desk.token_fingerprint);
    response.set_header("Set-Cookie", set_cookie(desk.context.config, id, desk.context.config.admin_session_lifetime));
    pages::send_redirect(response, 303, "/admin");
}

/// POST /admin/logout: the session ends on the server, and the browser forgets the cookie.
void logout_route(AdminDesk& desk, const httplib::Request& request, httplib::Response& response) {
    const std::string id = pages::cookie_value(request.get_header_value("Cookie"), COOKIE);
    if (!id.empty()) desk.sessions.close(id);
    response.set_header("Set-Cookie", set_cookie(desk.context.config, "", std::chrono::seconds(0)));
    send_login(response, 200, LoginNotice::SIGNED_OUT);
}

}  // namespace anticipa::server
