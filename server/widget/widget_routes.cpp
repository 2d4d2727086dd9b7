// Server: the widget's routes — its script and style sheet, the OpenAPI document, and the
// content API it calls (content_api.cpp). The static files are embedded at build time.
#include "server_context.h"
#include "widget/content_api.h"
#include "widget/widget_assets.h"

#include <httplib.h>

#include <cstdio>
#include <functional>

namespace anticipa::server {

namespace {

/// Files change only with a new build, so caches may keep them for an hour and then revalidate
/// cheaply with the ETag (a hash of the content, so a new build with a new widget gets a new one).
void serve_asset(std::string_view content, const char* content_type, const httplib::Request& request,
                 httplib::Response& response) {
    char etag[32];
    std::snprintf(etag, sizeof etag, "\"%016zx\"", std::hash<std::string_view>{}(content));
    response.set_header("Cache-Control", "public, max-age=3600");
    response.set_header("ETag", etag);
    response.set_header("X-Content-Type-Options", "nosniff");
    if (request.get_header_value("If-None-Match") == etag) {
        response.status = 304;
        return;
    }
    response.set_content(content.data(), content.size(), content_type);
}

}  // namespace

void register_widget_routes(httplib::Server& http, ServerContext& context) {
    register_content_api(http, context);
    http.Get("/widget.js",
             [](const auto& rq, auto& rs) { serve_asset(WIDGET_JS, "text/javascript; charset=utf-8", rq, rs); });
    http.Get("/widget.css",
             [](const auto& rq, auto& rs) { serve_asset(WIDGET_CSS, "text/css; charset=utf-8", rq, rs); });
    http.Get("/api/v1/openapi.json",
             [](const auto& rq, auto& rs) { serve_asset(OPENAPI_JSON, "application/json; charset=utf-8", rq, rs); });
}

}  // namespace anticipa::server
