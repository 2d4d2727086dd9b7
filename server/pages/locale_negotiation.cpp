#include "pages/locale_negotiation.h"

#include "common/locale_tag.h"

#include <unicode/locid.h>

#include <algorithm>
#include <cstdlib>

namespace anticipa::server::pages {

namespace {

struct LanguageRange {
    std::string tag;
    double q = 1;
};

/// "pt-BR,pt;q=0.9,en;q=0.5" -> the ranges by decreasing q (header order among equals).
std::vector<LanguageRange> parse_ranges(std::string_view header) {
    std::vector<LanguageRange> ranges;
    std::size_t at = 0;
    while (at <= header.size() && ranges.size() < 32) {
        std::size_t end = header.find(',', at);
        if (end == std::string_view::npos) end = header.size();
        std::string_view item = header.substr(at, end - at);
        at = end + 1;
        LanguageRange range;
        std::size_t semicolon = item.find(';');
        std::string_view tag = item.substr(0, semicolon);
        while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
        while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
        if (semicolon != std::string_view::npos) {
            std::string params(item.substr(semicolon + 1));
            std::size_t q = params.find("q=");
            if (q != std::string::npos) range.q = std::strtod(params.c_str() + q + 2, nullptr);
        }
        if (tag.empty() || tag == "*" || range.q <= 0) continue;
        range.tag = std::string(tag);
        ranges.push_back(std::move(range));
    }
    std::stable_sort(ranges.begin(), ranges.end(), [](const auto& a, const auto& b) { return a.q > b.q; });
    return ranges;
}

/// "zh-CN" -> {"zh", "Hans", "CN"}; "pt" -> {"pt", "Latn", "BR"}.
struct Likely {
    std::string language, script, region;
};

Likely likely(const std::string& tag) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
    if (U_FAILURE(status)) return {language_of(tag), "", ""};
    locale.addLikelySubtags(status);
    if (U_FAILURE(status)) return {language_of(tag), "", ""};
    return {locale.getLanguage(), locale.getScript(), locale.getCountry()};
}

std::string best_for(const std::string& wanted, const std::vector<std::string>& offered) {
    for (const auto& tag : offered)
        if (tag == wanted) return tag;
    const Likely want = likely(wanted);
    std::string same_script, same_language;
    for (const auto& tag : offered) {
        const Likely have = likely(tag);
        if (have.language != want.language) continue;
        if (have.script == want.script && have.region == want.region) return tag;
        if (have.script == want.script && same_script.empty()) same_script = tag;
        if (same_language.empty()) same_language = tag;
    }
    return same_script.empty() ? same_language : same_script;
}

}  // namespace

std::string negotiate_locale(std::string_view accept_language, const std::vector<std::string>& offered,
                             const std::string& fallback) {
    for (const auto& range : parse_ranges(accept_language)) {
        auto tag = canonical_locale(range.tag);
        if (!tag) continue;
        std::string best = best_for(*tag, offered);
        if (!best.empty()) return best;
    }
    return fallback;
}

}  // namespace anticipa::server::pages
