#include "http_responses.h"

#include "server_context.h"
#include "tier_token.h"

#include <httplib.h>

#include <random>

namespace anticipa::server {

void send_error(httplib::Response& response, ApiError error, const std::string& message) {
    response.status = http_status(error);
    response.set_content(error_body(error, message), "application/json; charset=utf-8");
    if (int seconds = retry_after_seconds(error)) response.set_header("Retry-After", std::to_string(seconds));
}

void send_error(httplib::Response& response, const FieldError& refused) {
    send_error(response, refused.error, refused.message);
}

void send_json(httplib::Response& response, const nlohmann::json& body, int status) {
    send_json_text(response, body.dump(), status);
}

void send_json_text(httplib::Response& response, std::string body, int status) {
    response.status = status;
    response.set_content(std::move(body), "application/json; charset=utf-8");
}

std::string request_tier(const httplib::Request& request, const ServerConfig& config) {
    const std::string header = request.get_header_value("Authorization");
    const std::string token = header.starts_with("Bearer ") ? header.substr(7) : "";
    return verify_tier_token(token, config.tier_secret).tier;
}

std::string new_search_id() {
    thread_local std::mt19937_64 random{std::random_device{}()};
    char id[33];
    std::snprintf(id, sizeof id, "%016llx%016llx", static_cast<unsigned long long>(random()),
                  static_cast<unsigned long long>(random()));
    return id;
}

}  // namespace anticipa::server
