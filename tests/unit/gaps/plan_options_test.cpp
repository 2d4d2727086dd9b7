// Gaps stage, alone: the one parser of the content plan's options, which `anticipa gaps` and
// /admin share; every form either used to accept, and errors that name the option.
#include "gaps/plan_options.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <variant>

using namespace anticipa;
using Clock = std::chrono::system_clock;
using std::chrono::hours;

namespace {

const Clock::time_point NOW = std::chrono::sys_days{std::chrono::year{2026} / 11 / 20} + hours(15);
const Clock::time_point NOV_9 = std::chrono::sys_days{std::chrono::year{2026} / 11 / 9};

/// The options as typed; the defaults are the command's and the page's.
gaps::PlanOptionText plan(std::string since = "7d", std::string until = "now", std::string locale = "",
                          std::string tier = "") {
    gaps::PlanOptionText text;
    text.since = std::move(since);
    text.until = std::move(until);
    text.locale = std::move(locale);
    text.tier = std::move(tier);
    return text;
}

gaps::ReportOptions accepted(const gaps::PlanOptionText& text) {
    auto parsed = gaps::parse_plan_options(text, NOW);
    if (auto* error = std::get_if<gaps::PlanOptionError>(&parsed))
        FAIL(error->option << " `" << error->value << "`: " << error->expected);
    return std::get<gaps::ReportOptions>(parsed);
}

gaps::PlanOptionError refused(const gaps::PlanOptionText& text) {
    auto parsed = gaps::parse_plan_options(text, NOW);
    REQUIRE(std::holds_alternative<gaps::PlanOptionError>(parsed));
    return std::get<gaps::PlanOptionError>(parsed);
}

}  // namespace

TEST_CASE("Plan options: since is a duration back from until or a date; until is now or a date", "[gaps][unit]") {
    struct Case {
        std::string since, until;
        Clock::time_point from, to;
    };
    const Case cases[] = {
        {"7d", "now", NOW - hours(24 * 7), NOW},  // the default of both the command and /admin
        {"24h", "now", NOW - hours(24), NOW},
        {"2w", "now", NOW - hours(24 * 14), NOW},
        {"30d", "now", NOW - hours(24 * 30), NOW},  // /admin's three-digit limit is kept ...
        {"365d", "now", NOW - hours(24 * 365), NOW},
        {"26280h", "now", NOW - hours(26280), NOW},  // ... inside the command's five
        {"7d", "2026-11-09", NOV_9 - hours(24 * 7), NOV_9},
        {"2026-11-02", "2026-11-09", NOV_9 - hours(24 * 7), NOV_9},
        {"2026-11-08T12:00:00Z", "2026-11-09", NOV_9 - hours(12), NOV_9},
        {"2026-11-08 12:00", "2026-11-09T00:00:00Z", NOV_9 - hours(12), NOV_9},
    };
    for (const Case& c : cases) {
        CAPTURE(c.since, c.until);
        const gaps::ReportOptions options = accepted(plan(c.since, c.until));
        CHECK(options.since == c.from);
        CHECK(options.until == c.to);
        CHECK(options.locale.empty());
        CHECK(options.tier.empty());
    }
}

TEST_CASE("Plan options: a bad value names the option, the value and the forms it takes", "[gaps][unit]") {
    struct Case {
        gaps::PlanOptionText text;
        std::string option, expected_part;
    };
    const Case cases[] = {
        {plan("yesterday"), "since", "24h, 7d, 2w"},
        {plan("7x"), "since", "YYYY-MM-DD"},
        {plan("0d"), "since", "24h, 7d, 2w"},
        {plan("123456d"), "since", "24h, 7d, 2w"},
        {plan("2026-13-01"), "since", "YYYY-MM-DD"},
        {plan("2026-11-10", "2026-11-09"), "since", "before until"},
        {plan("7d", "tomorrow"), "until", "now, or a date"},
        {plan("7d", "2026-11-09T25:00:00Z"), "until", "now, or a date"},
        {plan("7d", "now", "../etc"), "locale", "pt, zh or zh-TW"},
        {plan("7d", "now", "", "gold"), "tier", "basic, standard or advanced"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text.since, c.text.until, c.text.locale, c.text.tier);
        const gaps::PlanOptionError error = refused(c.text);
        CHECK(error.option == c.option);
        CHECK(error.expected.find(c.expected_part) != std::string::npos);
        const std::string& given = c.option == "since"    ? c.text.since
                                   : c.option == "until"  ? c.text.until
                                   : c.option == "locale" ? c.text.locale
                                                          : c.text.tier;
        CHECK(error.value == given);
    }
}

TEST_CASE("Plan options: the locale is canonical and the tier one of the product's", "[gaps][unit]") {
    CHECK(accepted(plan("7d", "now", "PT-br")).locale == "pt-BR");
    CHECK(accepted(plan("7d", "now", "zh")).locale == "zh");
    for (const char* tier : {"basic", "standard", "advanced"})
        CHECK(accepted(plan("7d", "now", "", tier)).tier == tier);
}
