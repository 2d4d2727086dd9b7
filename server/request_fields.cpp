#include "request_fields.h"

#include "common/utf8.h"

#include <algorithm>

namespace anticipa::server {

bool valid_article_id(const std::string& id) {
    if (id.empty() || id.size() > 200 || id.front() == '/' || id.back() == '/') return false;
    if (id.find("..") != std::string::npos || id.find("//") != std::string::npos) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
               c == '/' || c == '-';
    });
}

bool valid_search_id(const std::string& id) {
    return id.size() == 32 &&
           std::all_of(id.begin(), id.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool valid_session_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

std::string route_path(const std::string& route) {
    return route.substr(0, route.find_first_of("?#"));
}

FieldResult<std::string> check_route(const std::string& route) {
    constexpr std::size_t MAX_ROUTE_CHARS = 200;
    // UTF-8 first: the length below counts code points, which only valid UTF-8 has.
    if (find_invalid_utf8(route) != std::string::npos) return invalid_field("route is not valid UTF-8");
    if (route.empty()) return invalid_field("route is required: the product page's path, like /settings/security");
    if (route.front() != '/') return invalid_field("route must start with '/', like /settings/security");
    if (count_code_points(route) > MAX_ROUTE_CHARS)
        return invalid_field("route is longer than " + std::to_string(MAX_ROUTE_CHARS) + " characters");
    // No page's path has one ("/a\nb"), and the gaps report and the logs stay printable.
    if (std::any_of(route.begin(), route.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
        return invalid_field("route must not contain control characters");
    return route;
}

}  // namespace anticipa::server
