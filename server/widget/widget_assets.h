// Server: the widget's static files (widget.js, widget.css, openapi.json), embedded in the
// binary at build time by server/widget/embed_assets.cmake.
#pragma once

#include <string_view>

namespace anticipa::server {

extern const std::string_view WIDGET_JS;     ///< server/widget/widget.js
extern const std::string_view WIDGET_CSS;    ///< server/widget/widget.css
extern const std::string_view OPENAPI_JSON;  ///< server/widget/openapi.json

}  // namespace anticipa::server
