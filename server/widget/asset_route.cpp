#include "widget/asset_route.h"

#include <httplib.h>

#include <cstdio>
#include <functional>

namespace anticipa::server {

/// Files change only with a new build, so caches may keep them for an hour and then revalidate
/// cheaply with the ETag (a hash of the content, so a new build with a new widget gets a new one).
void asset_route(std::string_view content, const char* content_type, const httplib::Request& request,
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

}  // namespace anticipa::server
