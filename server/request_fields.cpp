#include "request_fields.h"

#include "common/locale_tag.h"

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

}  // namespace anticipa::server
