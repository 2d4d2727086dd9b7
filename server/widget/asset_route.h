// Server: the widget's static files (widget.js, widget.css) and the OpenAPI document, embedded
// in the binary at build time (widget_assets.h) and served with caching headers.
#pragma once

#include "httplib_fwd.h"

#include <string_view>

namespace anticipa::server {

/// Answers `content` as `content_type`, cacheable for an hour and revalidated by its ETag (304).
void asset_route(std::string_view content, const char* content_type, const httplib::Request& request,
                 httplib::Response& response);

}  // namespace anticipa::server
