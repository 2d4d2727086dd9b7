// Gaps stage, whole: a generated event log whose answers are known, folded, grouped with the real
// analyzers and ranked; the same log through the SQLite events store; the writers' escaping.
#include "gaps/gaps_report.h"
#include "events/event_store.h"
#include "gaps/report_writers.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

using namespace anticipa;
using gaps::Outcome;

namespace {

using Clock = std::chrono::system_clock;
using std::chrono::hours;
using std::chrono::minutes;

const Clock::time_point SINCE = std::chrono::sys_days{std::chrono::year{2026} / 11 / 2};
const Clock::time_point UNTIL = SINCE + hours(24 * 7);
const Clock::time_point PREVIOUS = SINCE - hours(24 * 7);

/// Customers asking one thing `times` times, and how each of those searches ended.
struct Asked {
    std::string query;
    Outcome outcome = Outcome::RESOLVED;
    std::size_t times = 1;
    std::string locale = "en";
    std::string tier = "standard";
    std::string source = "search";
    std::string route{};
    std::size_t other_locales = 0, any_tier = 0;
    std::vector<std::string> shown{"reset-password", "change-email"};
    std::string comment{};
};

/// Writes searches and their follow-ups through one period, a few hours apart.
class EventLog {
  public:
    explicit EventLog(Clock::time_point start) : next_(start + hours(9)) {}

    void ask(const Asked& asked) {
        for (std::size_t i = 0; i < asked.times; ++i) add(asked, next_), next_ += hours(3);
    }
    /// A search too recent to judge when the report is made at UNTIL.
    void ask_just_now(const Asked& asked) { add(asked, UNTIL - minutes(5)); }

    std::vector<events::Event> events() const {
        auto sorted = events_;
        std::stable_sort(sorted.begin(), sorted.end(), [](auto& a, auto& b) { return a.at < b.at; });
        return sorted;
    }

  private:
    void add(const Asked& asked, Clock::time_point at) {
        events::Event search;
        search.kind = events::EventKind::SEARCH;
        search.search_id = "s" + std::to_string(++count_);
        search.at = at;
        search.source = asked.source;
        search.locale = asked.locale;
        search.tier = asked.tier;
        search.route = asked.route;
        search.query = asked.query;
        search.matches_other_locales = asked.other_locales;
        search.matches_any_tier = asked.any_tier;
        if (asked.outcome != Outcome::NO_RESULTS) search.shown = asked.shown;
        search.results = search.shown.size();
        events_.push_back(search);
        auto follow = [&](events::EventKind kind, int after) {
            events::Event event;
            event.kind = kind;
            event.search_id = search.search_id;
            event.article_id = asked.shown.front();
            event.locale = asked.locale;
            event.at = at + minutes(after);
            if (kind == events::EventKind::NOT_HELPFUL) event.comment = asked.comment;
            events_.push_back(event);
        };
        if (asked.outcome == Outcome::RESOLVED || asked.outcome == Outcome::NOT_HELPFUL ||
            (asked.outcome == Outcome::ESCALATED && !asked.shown.empty()))
            follow(events::EventKind::CLICK, 1);
        if (asked.outcome == Outcome::NOT_HELPFUL) follow(events::EventKind::NOT_HELPFUL, 3);
        if (asked.outcome == Outcome::ESCALATED) follow(events::EventKind::ESCALATE, 6);
    }

    Clock::time_point next_;
    std::size_t count_ = 0;
    std::vector<events::Event> events_;
};

/// This week: what each group should add up to is written beside it.
std::vector<events::Event> this_week() {
    EventLog log(SINCE);
    // reset password: 10 searches, 7 unresolved (4 no click, 2 not helpful, 1 escalated)
    log.ask({.query = "reset password", .outcome = Outcome::NO_CLICK, .times = 3});
    log.ask({.query = "reset password", .outcome = Outcome::RESOLVED, .times = 2});
    log.ask(
        {.query = "resetting passwords", .outcome = Outcome::NOT_HELPFUL, .times = 2, .comment = "old screenshots"});
    log.ask({.query = "resetting passwords", .outcome = Outcome::ESCALATED});
    log.ask({.query = "resset pasword", .outcome = Outcome::NO_CLICK});
    log.ask({.query = "resset pasword", .outcome = Outcome::RESOLVED});
    // sso setup: 6 searches, none found anything; 3 exist above the basic tier
    log.ask({.query = "sso setup", .outcome = Outcome::NO_RESULTS, .times = 3, .tier = "basic", .any_tier = 2});
    log.ask({.query = "single sign-on setup", .outcome = Outcome::NO_RESULTS, .times = 3});
    // export data: 20 searches, 2 unresolved, 2 too recent to judge
    log.ask({.query = "export data", .outcome = Outcome::RESOLVED, .times = 16, .shown = {"export"}});
    log.ask({.query = "export data", .outcome = Outcome::NO_CLICK, .times = 2, .shown = {"export"}});
    log.ask_just_now({.query = "export data", .outcome = Outcome::NO_CLICK, .shown = {"export"}});
    log.ask_just_now({.query = "exporting data", .outcome = Outcome::NO_CLICK, .shown = {"export"}});
    // invoice (receipt is its synonym): 5 searches, 5 unresolved, ties with the Chinese group
    log.ask({.query = "invoice", .outcome = Outcome::NO_CLICK, .times = 3, .shown = {"billing"}});
    log.ask({.query = "receipt", .outcome = Outcome::NO_CLICK, .times = 2, .shown = {"billing"}});
    // reset password in Chinese, both scripts: exists only in another locale
    log.ask(
        {.query = "如何重設密碼", .outcome = Outcome::NO_RESULTS, .times = 3, .locale = "zh-TW", .other_locales = 4});
    log.ask(
        {.query = "如何重设密码", .outcome = Outcome::NO_RESULTS, .times = 2, .locale = "zh-CN", .other_locales = 4});
    // contact forms: /billing 4 attempts (3 opened, 2 deflected), /settings/security 1 deflected
    const Asked billing{.query = "charged twice", .source = "deflect", .route = "/billing", .shown = {"refunds"}};
    Asked deflected = billing, escalated = billing, ignored = billing;
    deflected.outcome = Outcome::RESOLVED;
    deflected.times = 2;
    escalated.outcome = Outcome::ESCALATED;
    ignored.outcome = Outcome::NO_CLICK;
    log.ask(deflected);
    log.ask(escalated);
    log.ask(ignored);
    log.ask({.query = "two-factor", .source = "deflect", .route = "/settings/security", .shown = {"2fa"}});
    // contextual suggestions carry no question
    log.ask({.query = "", .source = "context", .route = "/billing", .shown = {"billing"}});
    return log.events();
}

/// The week before: reset password 3 (2 unresolved), export data 10 (1), a question since answered.
std::vector<events::Event> last_week() {
    EventLog log(PREVIOUS);
    log.ask({.query = "reset password", .outcome = Outcome::NO_CLICK, .times = 2});
    log.ask({.query = "password reset", .outcome = Outcome::RESOLVED});
    log.ask({.query = "export data", .outcome = Outcome::RESOLVED, .times = 9, .shown = {"export"}});
    log.ask({.query = "export data", .outcome = Outcome::NO_CLICK, .shown = {"export"}});
    log.ask({.query = "dark mode", .outcome = Outcome::NO_RESULTS, .times = 4});
    return log.events();
}

analysis::AnalyzerSet& analyzers() {
    static analysis::AnalyzerSet set(test::source_dir() / "locales");
    return set;
}

gaps::GapsReport report_of(std::vector<gaps::Interaction> current, std::vector<gaps::Interaction> previous,
                           const std::string& locale = "") {
    gaps::ReportOptions options{.since = SINCE, .until = UNTIL, .locale = locale, .top = 20, .phrasings = 5};
    return gaps::build_gaps_report(current, previous, analyzers(), options);
}

gaps::FoldOptions judged_at_until() {
    gaps::FoldOptions options;
    options.now = UNTIL;
    return options;
}

std::vector<std::string> keys_of(const std::vector<gaps::QuestionGroup>& groups) {
    std::vector<std::string> keys;
    for (const auto& group : groups) keys.push_back(group.key);
    return keys;
}

const gaps::QuestionGroup& group_named(const std::vector<gaps::QuestionGroup>& groups, const std::string& label) {
    auto found = std::find_if(groups.begin(), groups.end(), [&](auto& g) { return g.label == label; });
    REQUIRE(found != groups.end());
    return *found;
}

/// Everything the known log should give; shared by the in-memory and the SQLite runs.
void check_known_answers(const gaps::GapsReport& report) {
    CHECK(report.searches == 51);
    CHECK(report.unresolved == 27);
    CHECK(report.pending == 2);
    CHECK(report.previous_searches == 17);
    CHECK(report.previous_unresolved == 7);

    const std::string reset = "en:password reset", sso = "en:setup sso", invoice = "en:invoic",
                      exports = "en:data export", charged = "en:charg twice";
    REQUIRE(report.gaps.size() == 6);
    const std::string chinese = report.gaps[3].key;
    CHECK(chinese.starts_with("zh:"));
    CHECK(keys_of(report.gaps) == std::vector<std::string>{reset, sso, invoice, chinese, exports, charged});
    CHECK(keys_of(report.top_questions) ==
          std::vector<std::string>{exports, reset, sso, invoice, chinese, charged, "en:2fa"});

    const auto& first = report.gaps[0];
    CHECK(first.label == "reset password");
    CHECK(first.searches == 10);
    CHECK(first.unresolved == 7);
    CHECK(first.no_click == 4);
    CHECK(first.not_helpful == 2);
    CHECK(first.escalated == 1);
    CHECK(first.no_results == 0);
    CHECK(first.previous_searches == 3);
    CHECK(first.previous_unresolved == 2);
    REQUIRE(first.phrasings.size() == 3);
    CHECK(first.phrasings[0].text == "reset password");
    CHECK(first.phrasings[0].count == 5);
    CHECK(first.phrasings[1].text == "resetting passwords");
    CHECK(first.phrasings[1].count == 3);
    CHECK(first.phrasings[2].text == "resset pasword");
    REQUIRE(first.shown_not_helpful.size() == 2);
    CHECK(first.shown_not_helpful[0] == std::pair<std::string, std::size_t>{"change-email", 7});

    const auto& no_answer = report.gaps[1];
    CHECK(no_answer.no_results == 6);
    CHECK(no_answer.previous_unresolved == 0);
    CHECK(no_answer.gap_kinds.at(gaps::GapKind::ENTITLEMENT) == 3);
    CHECK(no_answer.gap_kinds.at(gaps::GapKind::WRITING) == 3);

    const auto& zh = report.gaps[3];
    CHECK(zh.label == "如何重設密碼");
    CHECK(zh.locales == std::map<std::string, std::size_t>{{"zh-CN", 2}, {"zh-TW", 3}});
    CHECK(zh.phrasings.size() == 2);

    const auto& popular = group_named(report.top_questions, "export data");
    CHECK(popular.searches == 20);
    CHECK(popular.unresolved == 2);
    CHECK(popular.previous_searches == 10);
    CHECK(popular.previous_unresolved == 1);

    REQUIRE(report.deflection.size() == 2);
    CHECK(report.deflection[0].route == "/billing");
    CHECK(report.deflection[0].attempts == 4);
    CHECK(report.deflection[0].opened == 3);
    CHECK(report.deflection[0].deflected == 2);
    CHECK(report.deflection[1].route == "/settings/security");
    CHECK(report.deflection[1].rate() == Approx(1.0));

    REQUIRE(report.not_helpful_articles.size() == 1);
    CHECK(report.not_helpful_articles[0].article_id == "reset-password");
    CHECK(report.not_helpful_articles[0].not_helpful == 2);
    CHECK(report.not_helpful_articles[0].comments == std::vector<std::string>{"old screenshots", "old screenshots"});

    REQUIRE(report.translation_gaps.size() == 2);
    CHECK(report.translation_gaps[0].locale == "zh-TW");
    CHECK(report.translation_gaps[0].searches == 3);
    CHECK(report.translation_gaps[0].group_key == chinese);
    CHECK(report.translation_gaps[1].locale == "zh-CN");
    REQUIRE(report.entitlement_gaps.size() == 1);
    CHECK(report.entitlement_gaps[0].tier == "basic");
    CHECK(report.entitlement_gaps[0].group_key == sso);
    CHECK(report.entitlement_gaps[0].searches == 3);

    REQUIRE(report.daily.size() == 7);
    CHECK(report.daily.front().date == "2026-11-02");
    CHECK(report.daily.back().date == "2026-11-08");
    std::size_t searches = 0, unresolved = 0;
    for (const auto& day : report.daily) searches += day.searches, unresolved += day.unresolved;
    CHECK(searches == 51);
    CHECK(unresolved == 27);
}

}  // namespace

TEST_CASE("Gaps report: a known event log gives the known ranking, counts and trend", "[gaps][integration]") {
    auto current = gaps::fold_interactions(this_week(), judged_at_until());
    auto previous = gaps::fold_interactions(last_week(), judged_at_until());
    check_known_answers(report_of(current, previous));
}

TEST_CASE("Gaps report: the locale filter keeps a language's regions together", "[gaps][integration][zh]") {
    auto current = gaps::fold_interactions(this_week(), judged_at_until());
    auto chinese = report_of(current, {}, "zh");
    CHECK(chinese.searches == 5);
    REQUIRE(chinese.gaps.size() == 1);
    CHECK(chinese.gaps[0].searches == 5);
    auto taiwan = report_of(current, {}, "zh-TW");
    CHECK(taiwan.searches == 3);
    CHECK(taiwan.deflection.empty());
}

TEST_CASE("Gaps report: group keys are the same whatever order the log is read in", "[gaps][integration]") {
    auto current = gaps::fold_interactions(this_week(), judged_at_until());
    auto forward = report_of(current, {});
    std::reverse(current.begin(), current.end());
    auto backward = report_of(current, {});
    CHECK(keys_of(forward.gaps) == keys_of(backward.gaps));
    CHECK(keys_of(forward.top_questions) == keys_of(backward.top_questions));
}

TEST_CASE("Gaps report: the same log through the SQLite events store", "[gaps][integration][events]") {
    test::TempDir dir;
    const auto db = dir / "events.db";
    {
        events::SqliteEventStore store({.path = db});
        for (auto& event : last_week()) store.record(event);
        for (auto& event : this_week()) store.record(event);
        store.flush();
    }
    auto read = [&](Clock::time_point since, Clock::time_point until) {
        gaps::InteractionFolder folder(judged_at_until());
        events::for_each_event(db, since, until + minutes(30), [&](events::Event&& e) { folder.add(std::move(e)); });
        auto interactions = folder.finish();
        std::erase_if(interactions, [&](auto& i) { return i.at < since || i.at >= until; });
        return interactions;
    };
    check_known_answers(report_of(read(SINCE, UNTIL), read(PREVIOUS, SINCE)));
}

TEST_CASE("Gaps CSV: RFC 4180 quoting and no spreadsheet formulas", "[gaps][integration][csv]") {
    gaps::GapsReport report;
    gaps::QuestionGroup group;
    group.key = "en:click hyperlink";
    group.label = "=HYPERLINK(\"http://evil.example\",\"click\")";
    group.searches = 3;
    group.unresolved = 2;
    group.previous_unresolved = 4;
    group.locales = {{"en", 3}};
    group.phrasings = {{group.label, "en", 2}, {"line one\nline, two", "en", 1}};
    group.shown_not_helpful = {{"@import", 2}};
    report.gaps.push_back(group);
    group.key = "en:plus";
    group.label = "+1 555 help";
    group.phrasings = {{"-plain", "en", 1}};
    group.shown_not_helpful.clear();
    report.gaps.push_back(group);

    const std::string csv = gaps::write_csv(report);
    const auto first_break = csv.find("\r\n");
    REQUIRE(first_break != std::string::npos);
    CHECK(csv.substr(0, first_break).starts_with("rank,key,label,searches,unresolved,"));
    const std::string rows = csv.substr(first_break + 2);
    CHECK(rows ==
          "1,en:click hyperlink,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",3,2,0.667,0,0,0,0,0,4,-2,"
          "en:3,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\") (en, 2); line one\nline, two (en, 1)\",,"
          "'@import:2,\r\n"  // joined_by: empty, one language
          "2,en:plus,'+1 555 help,3,2,0.667,0,0,0,0,0,4,-2,en:3,\"'-plain (en, 1)\",,,\r\n");
}

TEST_CASE("Gaps writers: Markdown escapes what customers typed, JSON holds everything", "[gaps][integration]") {
    auto current = gaps::fold_interactions(this_week(), judged_at_until());
    EventLog odd(SINCE);
    odd.ask({.query = "a | b <script>alert(1)</script> **bold**", .outcome = Outcome::NO_RESULTS});
    auto odd_interactions = gaps::fold_interactions(odd.events(), judged_at_until());
    current.insert(current.end(), odd_interactions.begin(), odd_interactions.end());
    auto report = report_of(current, gaps::fold_interactions(last_week(), judged_at_until()));

    const std::string markdown = gaps::write_markdown(report);
    CHECK(markdown.find("## What to write next") != std::string::npos);
    CHECK(markdown.find("**reset password**") != std::string::npos);
    CHECK(markdown.find("## Deflection by route") != std::string::npos);
    CHECK(markdown.find("## Entitlement gaps per tier") != std::string::npos);
    CHECK(markdown.find("<script>") == std::string::npos);
    CHECK(markdown.find("a \\| b \\<script\\>") != std::string::npos);

    auto json = nlohmann::json::parse(gaps::write_json(report));
    CHECK(json["searches"] == 52);
    CHECK(json["since"] == "2026-11-02T00:00:00Z");
    CHECK(json["previous"]["since"] == "2026-10-26T00:00:00Z");
    CHECK(json["previous"]["unresolved"] == 7);
    CHECK(json["gaps"][0]["key"] == "en:password reset");
    CHECK(json["gaps"][0]["phrasings"][1]["text"] == "resetting passwords");
    CHECK(json["gaps"][0]["gap_kinds"]["none"] == 7);
    CHECK(json["deflection"][0]["rate"] == Approx(0.5));
    CHECK(json["translation_gaps"].size() == 2);
    CHECK(json["daily"].size() == 7);

    CHECK(gaps::parse_report_format("md") == gaps::ReportFormat::MARKDOWN);
    CHECK(gaps::parse_report_format("json") == gaps::ReportFormat::JSON);
    CHECK_THROWS_WITH(gaps::parse_report_format("xlsx"), Catch::Contains("`xlsx`"));
}
