// Server transport: the answers the connection loop writes itself, without a handler — a request
// refused at framing, or shed because the workers are saturated. Each closes the connection.
#pragma once

#include "api_error.h"

#include <string>

namespace anticipa::server::transport {

/// A whole HTTP/1.1 response: the error's status and JSON body, "Connection: close", and
/// "Retry-After: 1" when the server is overloaded.
std::string canned_response(ApiError error, const std::string& message);

/// "HTTP/1.1 100 Continue": a client that sent "Expect: 100-continue" may now send its body.
inline constexpr const char* CONTINUE_RESPONSE = "HTTP/1.1 100 Continue\r\n\r\n";

}  // namespace anticipa::server::transport
