#include "gaps/plan_options.h"

#include "article/article.h"
#include "common/locale_tag.h"

#include <algorithm>
#include <regex>

namespace anticipa::gaps {

namespace {

using Clock = std::chrono::system_clock;

const char* const DATE_FORMS = "a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, UTC)";

/// "7d", "24h", "2w" back from `until`, or a date. Up to five digits: "90d" and "26280h" (three
/// years) are periods someone asks for; a count of zero is an empty period, refused.
std::optional<Clock::time_point> parse_since(const std::string& text, Clock::time_point until) {
    static const std::regex duration(R"((\d{1,5})([hdw]))");
    std::smatch m;
    if (!std::regex_match(text, m, duration)) return parse_utc_time(text);
    const long count = std::stol(m[1]);
    if (count == 0) return std::nullopt;
    const std::chrono::hours unit = m[2] == "h"   ? std::chrono::hours(1)
                                    : m[2] == "d" ? std::chrono::hours(24)
                                                  : std::chrono::hours(24 * 7);
    return until - count * unit;
}

std::string tier_list() {
    std::string out;
    const auto& tiers = article::all_tiers();
    for (std::size_t i = 0; i < tiers.size(); ++i)
        out += (i == 0 ? "" : i + 1 == tiers.size() ? " or " : ", ") + tiers[i];
    return out;
}

}  // namespace

std::optional<Clock::time_point> parse_utc_time(const std::string& text) {
    static const std::regex pattern(R"((\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?Z?)?)");
    std::smatch m;
    if (!std::regex_match(text, m, pattern)) return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year(std::stoi(m[1])), std::chrono::month(std::stoul(m[2])),
                                           std::chrono::day(std::stoul(m[3]))};
    if (!date.ok()) return std::nullopt;
    const int hours = m[4].matched ? std::stoi(m[4]) : 0, minutes = m[5].matched ? std::stoi(m[5]) : 0;
    const int seconds = m[6].matched ? std::stoi(m[6]) : 0;
    if (hours > 23 || minutes > 59 || seconds > 59) return std::nullopt;
    return std::chrono::sys_days(date) + std::chrono::hours(hours) + std::chrono::minutes(minutes) +
           std::chrono::seconds(seconds);
}

std::variant<ReportOptions, PlanOptionError> parse_plan_options(const PlanOptionText& text, Clock::time_point now) {
    ReportOptions options;
    const auto until = text.until == "now" ? std::optional(now) : parse_utc_time(text.until);
    if (!until) return PlanOptionError{"until", text.until, std::string("now, or ") + DATE_FORMS};
    const auto since = parse_since(text.since, *until);
    if (!since)
        return PlanOptionError{"since", text.since,
                               std::string("a duration back from until (24h, 7d, 2w) or ") + DATE_FORMS};
    if (*since >= *until) return PlanOptionError{"since", text.since, "a start before until (" + text.until + ")"};
    options.since = *since;
    options.until = *until;

    if (!text.locale.empty()) {
        const auto canonical = canonical_locale(text.locale);
        if (!canonical) return PlanOptionError{"locale", text.locale, "a language tag like pt, zh or zh-TW"};
        options.locale = *canonical;
    }
    if (!text.tier.empty()) {
        const auto& tiers = article::all_tiers();
        if (std::find(tiers.begin(), tiers.end(), text.tier) == tiers.end())
            return PlanOptionError{"tier", text.tier, tier_list()};
        options.tier = text.tier;
    }
    return options;
}

}  // namespace anticipa::gaps
