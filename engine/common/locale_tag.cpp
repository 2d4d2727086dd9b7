#include "common/locale_tag.h"

#include <unicode/locid.h>

#include <cctype>
#include <unordered_map>
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
    // language[-Script][-REGION]: each at most once, in this order.
    auto parts = split_subtags(tag);
    if (parts.empty() || parts.size() > 3) return std::nullopt;
    enum { LANGUAGE, SCRIPT, REGION, DONE } expected = LANGUAGE;
    std::string out;
    for (std::string p : parts) {
        for (auto& c : p) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (expected == LANGUAGE) {
            if (p.size() < 2 || p.size() > 3 || !all_of(p, ::isalpha)) return std::nullopt;
            expected = SCRIPT;
        } else if (expected == SCRIPT && p.size() == 4 && all_of(p, ::isalpha)) {  // Hant
            p[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(p[0])));
            expected = REGION;
        } else if (expected != DONE && p.size() == 2 && all_of(p, ::isalpha)) {  // BR
            for (auto& c : p) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            expected = DONE;
        } else if (expected != DONE && p.size() == 3 && all_of(p, ::isdigit)) {  // 419
            expected = DONE;
        } else {
            return std::nullopt;
        }
        out += (out.empty() ? "" : "-") + p;
    }
    return out;
}

std::string language_of(std::string_view tag) {
    return split_subtags(tag).front();
}

bool is_known_language(std::string_view tag) {
    // ICU's answer costs about 7,000 instructions and never changes; a request names one of a few
    // languages, so each thread keeps the answers it got (bounded: tags come from outside).
    constexpr std::size_t MAX_REMEMBERED = 256;
    thread_local std::unordered_map<std::string, bool> known;
    const std::string language = language_of(tag);
    if (auto found = known.find(language); found != known.end()) return found->second;
    icu::Locale locale(language.c_str());
    const char* iso3 = locale.getISO3Language();
    if (known.size() >= MAX_REMEMBERED) known.clear();
    return known[language] = iso3 != nullptr && iso3[0] != '\0';
}

std::optional<std::string> known_locale(std::string_view tag) {
    auto canonical = canonical_locale(tag);
    if (!canonical || !is_known_language(*canonical)) return std::nullopt;
    return canonical;
}

}  // namespace anticipa
