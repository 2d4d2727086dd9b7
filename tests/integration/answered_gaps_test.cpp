// Gaps stage through the real parts: events written by the real SQLite store, the sample help
// center indexed by the real indexer, and the content plan's one path (gaps/content_plan.h). A
// search that showed results but left the customer unresolved is checked, at report time, for an
// article above the customer's tier or only in another language, as a search without results is.
#include "gaps/answered_gaps.h"
#include "events/event_store.h"
#include "gaps/content_plan.h"
#include "gaps/report_writers.h"
#include "search/search_service.h"
#include "support/sample_index.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <string>

using namespace anticipa;

namespace {

using Clock = std::chrono::system_clock;

const Clock::time_point MONDAY = std::chrono::sys_days{std::chrono::year{2026} / 11 / 2};

/// A search that showed `shown` and was left there: no click, no vote.
events::Event unresolved(const std::string& id, const std::string& query, const std::string& locale,
                         const std::string& tier, std::vector<std::string> shown, int minute) {
    events::Event event;
    event.kind = events::EventKind::SEARCH;
    event.search_id = id;
    event.source = "search";
    event.locale = locale;
    event.tier = tier;
    event.query = query;
    event.results = shown.size();
    event.shown = std::move(shown);
    event.at = MONDAY + std::chrono::hours(10) + std::chrono::minutes(minute);
    return event;
}

const gaps::QuestionGroup& group_labelled(const gaps::GapsReport& report, const std::string& label) {
    auto found = std::find_if(report.top_questions.begin(), report.top_questions.end(),
                              [&](const gaps::QuestionGroup& group) { return group.label == label; });
    REQUIRE(found != report.top_questions.end());
    return *found;
}

std::size_t kind_count(const gaps::QuestionGroup& group, gaps::GapKind kind) {
    auto found = group.gap_kinds.find(kind);
    return found == group.gap_kinds.end() ? 0 : found->second;
}

}  // namespace

TEST_CASE("Content plan: unresolved searches with results are checked for articles above the tier or elsewhere",
          "[gaps][integration][events]") {
    test::SampleIndex sample;
    search::SearchService service({sample.index_dir, "en"}, sample.analyzers);
    {
        events::SqliteEventStore store({.path = sample.dir / "events.db"});
        // pt/admin/single-sign-on.md says "login único", for the advanced tier only.
        store.record(unresolved("s1", "login único", "pt", "basic", {"sign-in-problems", "two-factor"}, 0));
        store.record(unresolved("s2", "login único", "pt", "basic", {"sign-in-problems"}, 5));
        // Only the pt help center has the boleto article (translate: false).
        store.record(unresolved("s3", "boleto", "en", "basic", {"payment-methods"}, 10));
        // Answered for this customer in their own language: looked at, not a gap of either kind.
        store.record(unresolved("s4", "reset password", "en", "basic", {"reset-password"}, 15));
        // An advanced customer may read the SSO article: not an entitlement gap.
        store.record(unresolved("s5", "login único", "pt", "advanced", {"sign-in-problems"}, 20));
        store.flush();
    }
    gaps::ReportOptions options;
    options.since = MONDAY;
    options.until = MONDAY + std::chrono::days(7);
    const auto events_db = sample.dir / "events.db";

    SECTION("with the index, each kind and the article that would have answered") {
        const gaps::GapsReport report =
            gaps::build_content_plan({.events_db = events_db,
                                      .check_with_index =
                                          [&](std::vector<gaps::Interaction>& interactions) {
                                              gaps::find_gaps_behind_results(interactions, service);
                                          }},
                                     sample.analyzers, options);
        const gaps::QuestionGroup& sso = group_labelled(report, "login único");
        CHECK(kind_count(sso, gaps::GapKind::ENTITLEMENT) == 2);
        REQUIRE_FALSE(sso.would_answer.empty());
        CHECK(sso.would_answer.front().first == "single-sign-on (pt)");
        CHECK(sso.would_answer.front().second == 2);
        REQUIRE(report.entitlement_gaps.size() == 1);
        CHECK(report.entitlement_gaps.front().tier == "basic");
        CHECK(report.entitlement_gaps.front().would_answer == "single-sign-on (pt)");

        const gaps::QuestionGroup& boleto = group_labelled(report, "boleto");
        CHECK(kind_count(boleto, gaps::GapKind::TRANSLATION) == 1);
        REQUIRE_FALSE(boleto.would_answer.empty());
        CHECK(boleto.would_answer.front().first == "boleto-pix (pt)");
        REQUIRE(report.translation_gaps.size() == 1);
        CHECK(report.translation_gaps.front().locale == "en");

        const gaps::QuestionGroup& reset = group_labelled(report, "reset password");
        CHECK(kind_count(reset, gaps::GapKind::NONE) == 1);
        CHECK(reset.would_answer.empty());

        // Every format names the article a writer would start from.
        for (const auto format : {gaps::ReportFormat::MARKDOWN, gaps::ReportFormat::JSON, gaps::ReportFormat::HTML}) {
            CAPTURE(int(format));
            CHECK(gaps::write_report(report, format).find("single-sign-on (pt)") != std::string::npos);
        }
    }

    SECTION("without the index, the searches with results stay unexplained, as before") {
        const gaps::GapsReport report = gaps::build_content_plan({.events_db = events_db}, sample.analyzers, options);
        CHECK(report.entitlement_gaps.empty());
        CHECK(report.translation_gaps.empty());
        CHECK(kind_count(group_labelled(report, "login único"), gaps::GapKind::NONE) == 3);
    }
}
