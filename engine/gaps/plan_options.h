// Gaps stage, step 0: what a support lead asks of the content plan, as typed, -> ReportOptions.
// `anticipa gaps --since 7d --locale pt` and `/admin?since=7d&locale=pt` are read by this one
// parser, so the command line and the admin page accept the same forms and say the same things.
#pragma once

#include "gaps/gaps_report.h"

#include <chrono>
#include <string>
#include <variant>

namespace anticipa::gaps {

/// The plan's options as text, before they are understood; the defaults are the ones both
/// `anticipa gaps` and `/admin` show without options.
struct PlanOptionText {
    std::string since = "7d";   ///< a duration back from `until` (24h, 7d, 2w) or a UTC date
    std::string until = "now";  ///< "now" or a UTC date (exclusive)
    std::string locale;         ///< "" for all; "zh" takes in zh-TW and zh-CN
    std::string tier;           ///< "" for all; basic, standard or advanced
};

/// A value the plan cannot take. `option` is the bare name ("since"): the command line shows it
/// as `--since`, the admin page as the URL parameter `since`.
struct PlanOptionError {
    std::string option;
    std::string value;
    std::string expected;  ///< the forms it accepts: "a duration (24h, 7d, 2w) or a date (YYYY-MM-DD)"
};

/// The period, locale and tier of the report; `top` and `phrasings` keep their defaults. `now`
/// is the end of a period whose `until` is "now".
std::variant<ReportOptions, PlanOptionError> parse_plan_options(const PlanOptionText& text,
                                                                std::chrono::system_clock::time_point now);

/// "2026-11-15" (midnight UTC) or "2026-11-15T08:30:00Z"; nullopt for anything else.
std::optional<std::chrono::system_clock::time_point> parse_utc_time(const std::string& text);

}  // namespace anticipa::gaps
