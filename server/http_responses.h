// Server: writing responses — JSON bodies and JSON errors with their status.
#pragma once

#include "api_error.h"
#include "field_result.h"
#include "httplib_fwd.h"

#include <nlohmann/json.hpp>

#include <string>

namespace anticipa::server {

/// The error's status and {"error": {"code", "message"}}; Retry-After on OVERLOADED and
/// INDEX_UNAVAILABLE.
void send_error(httplib::Response& response, ApiError error, const std::string& message);

/// The error of a request field that failed its check.
void send_error(httplib::Response& response, const FieldError& refused);

void send_json(httplib::Response& response, const nlohmann::json& body, int status = 200);
/// A body already serialised as JSON.
void send_json_text(httplib::Response& response, std::string body, int status = 200);

}  // namespace anticipa::server
