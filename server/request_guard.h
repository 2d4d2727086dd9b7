// Server: the guard every parsed request passes before its route — what the API never needs is
// refused, and CORS headers are set for allowed origins. Framing rules (lengths, chunked bodies,
// Content-Length) are the connection layer's (transport/request_framer.h).
#pragma once

#include "httplib_fwd.h"
#include "server_config.h"

#include <string>

namespace anticipa::server {

/// True when `origin` is one of the configured allowed_origins (never "*").
bool origin_allowed(const ServerConfig& config, const std::string& origin);

/// Refuses the request (writes the error into `response` and returns true) when it carries what
/// cpp-httplib 0.11.4 would mishandle or an origin that may not call the API; otherwise adds the
/// CORS headers and returns false. It drops the request's Range headers (ignored, never applied).
bool refuse_request(const ServerConfig& config, httplib::Request& request, httplib::Response& response);

}  // namespace anticipa::server
