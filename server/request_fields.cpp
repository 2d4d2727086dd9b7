#include "request_fields.h"

#include "common/locale_tag.h"
#include "common/utf8.h"

#include <algorithm>

namespace anticipa::server {

std::optional<std::string> known_locale(const std::string& value) {
    auto canonical = canonical_locale(value);
    if (!canonical || !is_known_language(*canonical)) return std::nullopt;
    return canonical;
}

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

bool valid_route(const std::string& route) {
    if (route.empty() || route.front() != '/' || route.size() > 200) return false;
    if (find_invalid_utf8(route) != std::string::npos) return false;
    return std::none_of(route.begin(), route.end(),
                        [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

}  // namespace anticipa::server
