// Server: the route table. Every method and path the server answers is listed here, once, with
// its handler (small free functions in the route files); nothing registers routes elsewhere.
#include "routes.h"

#include "admin_routes.h"
#include "api_routes.h"
#include "pages/page_routes.h"
#include "widget/asset_route.h"
#include "widget/content_api.h"
#include "widget/widget_assets.h"
#include "widget/widget_text.h"

#include <httplib.h>

#include <memory>

namespace anticipa::server {

namespace {

using httplib::Request;
using httplib::Response;

/// A handler of the API and operational routes: it gets the context, no path parameters.
template <typename Handler>
RouteHandler with_context(ServerContext& context, Handler handler) {
    return [&context, handler](const Request& request, const PathParams&, Response& response) {
        if constexpr (std::is_invocable_v<Handler, ServerContext&, Response&>) handler(context, response);
        else handler(context, request, response);
    };
}

/// A page handler: the first parameter is the page's locale, answered by the 404 page when the
/// help center does not offer it; an {id} after it is passed on.
template <typename Handler>
RouteHandler page(const std::shared_ptr<const pages::PageSite>& site, Handler handler) {
    return [site, handler](const Request& request, const PathParams& params, Response& response) {
        auto locale = site->page_locale(params[0]);
        if (!locale) return site->send_not_found(response, site->context.config.default_locale);
        if constexpr (std::is_invocable_v<Handler, const pages::PageSite&, const std::string&, const std::string&,
                                          const Request&, Response&>)
            handler(*site, *locale, params[1], request, response);
        else handler(*site, *locale, request, response);
    };
}

RouteHandler asset(std::string_view content, const char* content_type) {
    return [content, content_type](const Request& request, const PathParams&, Response& response) {
        asset_route(content, content_type, request, response);
    };
}

}  // namespace

std::vector<Route> route_table(ServerContext& context) {
    // The pages and the widget's words share one site (UI strings read once); it lives as long
    // as their handlers.
    auto site = std::make_shared<const pages::PageSite>(context);
    std::vector<Route> routes{
        // The JSON API (documented in widget/openapi.json; a test keeps the two in step).
        {"GET", "/api/v1/search", with_context(context, search_route)},
        {"GET", "/api/v1/suggest", with_context(context, suggest_route)},
        {"GET", "/api/v1/context", with_context(context, context_route)},
        {"POST", "/api/v1/deflect", with_context(context, deflect_route)},
        {"GET", "/api/v1/articles/{locale}/{id...}",
         [&context](const Request& request, const PathParams& params, Response& response) {
             article_route(context, params[0], params[1], request, response);
         }},
        {"POST", "/api/v1/events", with_context(context, events_route)},
        {"GET", "/api/v1/widget/text",
         [site](const Request& request, const PathParams&, Response& response) {
             widget_text_route(*site, request, response);
         }},
        {"GET", "/api/v1/openapi.json", asset(OPENAPI_JSON, "application/json; charset=utf-8")},
        {"OPTIONS", "/api/v1/{path...}", with_context(context, preflight_route)},
        // Operations.
        {"GET", "/healthz", with_context(context, health_route)},
        {"GET", "/metrics", with_context(context, metrics_route)},
        // The widget.
        {"GET", "/widget.js", asset(WIDGET_JS, "text/javascript; charset=utf-8")},
        {"GET", "/widget.css", asset(WIDGET_CSS, "text/css; charset=utf-8")},
        // The help-center pages.
        {"GET", "/",
         [site](const Request& request, const PathParams&, Response& response) {
             pages::root_route(*site, request, response);
         }},
        {"GET", "/{locale:tag}",
         [site](const Request&, const PathParams& params, Response& response) {
             pages::locale_root_route(*site, params[0], response);
         }},
        {"GET", "/{locale:tag}/", page(site, pages::home_route)},
        {"GET", "/{locale:tag}/search", page(site, pages::search_route)},
        {"GET", "/{locale:tag}/articles/{id...}", page(site, pages::article_route)},
        {"POST", "/{locale:tag}/articles/{id...}/feedback", page(site, pages::feedback_route)},
        {"GET", "/{locale:tag}/contact", page(site, pages::contact_route)},
        {"POST", "/{locale:tag}/contact", page(site, pages::contact_post_route)},
    };
    if (!context.config.admin_token.empty()) {  // no token, no admin page: /admin is a 404
        auto desk = std::make_shared<AdminDesk>(context);
        auto admin = [desk](auto handler) -> RouteHandler {
            return [desk, handler](const Request& request, const PathParams&, Response& response) {
                handler(*desk, request, response);
            };
        };
        routes.push_back({"GET", "/admin", admin(report_route)});
        routes.push_back({"POST", "/admin/login", admin(login_route)});
        routes.push_back({"POST", "/admin/logout", admin(logout_route)});
    }
    return routes;
}

}  // namespace anticipa::server
