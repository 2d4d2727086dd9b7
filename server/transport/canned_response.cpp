#include "transport/canned_response.h"

namespace anticipa::server::transport {

namespace {

const char* reason_phrase(int status) {
    switch (status) {
        case 400:
            return "Bad Request";
        case 413:
            return "Payload Too Large";
        case 431:
            return "Request Header Fields Too Large";
        case 503:
            return "Service Unavailable";
        default:
            return "Error";
    }
}

}  // namespace

std::string canned_response(ApiError error, const std::string& message) {
    const int status = http_status(error);
    const std::string body = error_body(error, message);
    std::string response =
        "HTTP/1.1 " + std::to_string(status) + " " + reason_phrase(status) +
        "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " + std::to_string(body.size()) +
        "\r\nConnection: close\r\n";
    if (int seconds = retry_after_seconds(error)) response += "Retry-After: " + std::to_string(seconds) + "\r\n";
    return response + "\r\n" + body;
}

}  // namespace anticipa::server::transport
