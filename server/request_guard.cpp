#include "request_guard.h"

#include "http_responses.h"

#include <httplib.h>

#include <algorithm>

namespace anticipa::server {

namespace {

/// The allowed origin equal to `origin`, or nullptr.
const std::string* allowed_origin(const ServerConfig& config, const std::string& origin) {
    auto found = std::find(config.allowed_origins.begin(), config.allowed_origins.end(), origin);
    return found == config.allowed_origins.end() ? nullptr : &*found;
}

}  // namespace

bool origin_allowed(const ServerConfig& config, const std::string& origin) {
    return allowed_origin(config, origin) != nullptr;
}

bool refuse_request(const ServerConfig& config, httplib::Request& request, httplib::Response& response) {
    auto refuse = [&](ApiError error, const std::string& message) {
        send_error(response, error, message);
        return true;
    };
    // A compressed body would inflate past the body limit.
    if (request.has_header("Content-Encoding"))
        return refuse(ApiError::UNSUPPORTED, "compressed request bodies are not accepted");
    // httplib would cut any response, even an error, into one multipart copy per range (150
    // ranges made a 27 KB error). The API serves no ranges, and HTTP lets a server ignore Range.
    request.ranges.clear();
    // httplib adds the real address as a REMOTE_ADDR header: a second one was sent by the client
    // and would replace it.
    if (request.get_header_value_count("REMOTE_ADDR") > 1 || request.get_header_value_count("REMOTE_PORT") > 1)
        return refuse(ApiError::INVALID_REQUEST, "a REMOTE_ADDR or REMOTE_PORT header may not be sent");
    const std::string origin = request.get_header_value("Origin");
    if (!origin.empty() && request.path.starts_with("/api/")) {
        const std::string* allowed = allowed_origin(config, origin);
        if (!allowed)
            return refuse(ApiError::ORIGIN_NOT_ALLOWED, "this origin may not call the API; add it to allowed_origins");
        // The origin comes from the allow list, never from request text as such.
        response.set_header("Access-Control-Allow-Origin", *allowed);
        response.set_header("Vary", "Origin");
    }
    return false;
}

}  // namespace anticipa::server
