#include "common/locale_tag.h"

#include <unicode/locid.h>

#include <cctype>
#include <vector>

namespace anticipa {

namespace {

std::vector<std::string> split_subtags(std::string_view tag) {
    std::vector<std::string> parts;
    std::string current;
    for (char c : tag) {
        if (c == '-' || c == '_') {
            parts.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    parts.push_back(current);
    return parts;
}

bool all_of(const std::string& s, int (*pred)(int)) {
    for (unsigned char c : s)
        if (!pred(c)) return false;
    return !s.empty();
}

}  // namespace

std::optional<std::string> canonical_locale(std::string_view tag) {
    auto parts = split_subtags(tag);
    if (parts.empty() || parts.size() > 3) return std::nullopt;
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        std::string p = parts[i];
        for (auto& c : p) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (i == 0) {
            if (p.size() < 2 || p.size() > 3 || !all_of(p, ::isalpha)) return std::nullopt;
        } else if (p.size() == 4 && all_of(p, ::isalpha)) {  // script: Hant
            p[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(p[0])));
        } else if (p.size() == 2 && all_of(p, ::isalpha)) {  // region: BR
            for (auto& c : p) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        } else if (!(p.size() == 3 && all_of(p, ::isdigit))) {  // region: 419
            return std::nullopt;
        }
        out += (i ? "-" : "") + p;
    }
    return out;
}

std::string language_of(std::string_view tag) {
    return split_subtags(tag).front();
}

bool is_known_language(std::string_view tag) {
    icu::Locale locale(language_of(tag).c_str());
    const char* iso3 = locale.getISO3Language();
    return iso3 != nullptr && iso3[0] != '\0';
}

}  // namespace anticipa
