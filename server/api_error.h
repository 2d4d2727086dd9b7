// Server: engine and request problems -> HTTP status and a stable JSON error body.
#pragma once

#include <exception>
#include <string>

namespace anticipa::server {

enum class ApiError {
    INVALID_REQUEST,  ///< a field is missing or malformed
    QUERY_TOO_LONG,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    PAYLOAD_TOO_LARGE,
    UNSUPPORTED,  ///< a request feature the API never needs (chunked or compressed bodies, ranges)
    ORIGIN_NOT_ALLOWED,
    OVERLOADED,
    INDEX_UNAVAILABLE,
    INTERNAL,
};

int http_status(ApiError error);
const char* error_code(ApiError error);

/// {"error": {"code": "...", "message": "..."}}
std::string error_body(ApiError error, const std::string& message);

/// An exception that escaped a handler, as the client and the log see it.
struct HandlerFailure {
    ApiError error;              ///< INDEX_UNAVAILABLE when the index cannot be served, else INTERNAL
    std::string client_message;  ///< never the exception's text: it can quote paths and requests
    std::string log_text;
};
HandlerFailure handler_failure(const std::exception_ptr& failure);

}  // namespace anticipa::server
