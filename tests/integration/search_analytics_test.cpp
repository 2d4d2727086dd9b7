// Gaps stage, search analytics through the real parts: events written by the real SQLite store,
// read back, folded and reported by the content plan's one path (gaps/content_plan.h) with the
// real analyzers of locales/; then the figures in every format of the report.
#include "events/event_store.h"
#include "gaps/content_plan.h"
#include "gaps/report_writers.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <string>

using namespace anticipa;
using test::TempDir;

namespace {

using Clock = std::chrono::system_clock;
using std::chrono::minutes;

const Clock::time_point MONDAY = std::chrono::sys_days{std::chrono::year{2026} / 11 / 2};

events::Event search(const std::string& id, const std::string& query, const std::string& locale, std::size_t results,
                     minutes at, const std::string& source = "search") {
    events::Event event;
    event.kind = events::EventKind::SEARCH;
    event.search_id = id;
    event.source = source;
    event.locale = locale;
    event.tier = "standard";
    event.query = query;
    event.results = results;
    for (std::size_t i = 0; i < results; ++i) event.shown.push_back("shown-" + std::to_string(i + 1));
    event.at = MONDAY + std::chrono::hours(10) + at;
    return event;
}

events::Event click(const std::string& id, const std::string& article, int rank, minutes at) {
    events::Event event;
    event.kind = events::EventKind::CLICK;
    event.search_id = id;
    event.article_id = article;
    event.rank = rank;
    event.at = MONDAY + std::chrono::hours(10) + at;
    return event;
}

/// Seven searches: five with results, four of them clicked (positions 1; 2 then 1; 3; 1), two
/// spellings of one search that found nothing, and a typing session of three keystrokes that
/// counts once. A contextual suggestion asks nothing and is left out.
void write_week(const std::filesystem::path& db) {
    events::SqliteEventStore store({.path = db});
    store.record(search("s1", "reset password", "en", 3, minutes(0)));
    store.record(click("s1", "reset-password", 1, minutes(1)));
    store.record(search("s2", "reset password", "en", 3, minutes(10)));
    store.record(click("s2", "two-factor", 2, minutes(11)));
    store.record(click("s2", "reset-password", 1, minutes(12)));
    store.record(search("s3", "invoice", "en", 2, minutes(20)));
    store.record(search("s4", "quantum invoices", "en", 0, minutes(30)));
    store.record(search("s5", "Quantum  invoices", "en", 0, minutes(40)));
    store.record(search("s6", "fatura", "pt", 1, minutes(50)));
    store.record(click("s6", "billing", 3, minutes(51)));
    for (const auto& [id, typed] : {std::pair{"k1", "r"}, {"k2", "re"}, {"k3", "reset"}}) {
        events::Event keystroke = search(id, typed, "en", 2, minutes(60), "suggest");
        keystroke.session_id = "typing-1";
        store.record(std::move(keystroke));
    }
    store.record(click("k3", "reset-password", 1, minutes(61)));
    store.record(search("c1", "", "en", 2, minutes(70), "context"));
    store.flush();
}

gaps::GapsReport week_report(const TempDir& dir, const std::string& locale = "") {
    analysis::AnalyzerSet analyzers(test::source_dir() / "locales");
    gaps::ReportOptions options;
    options.since = MONDAY;
    options.until = MONDAY + std::chrono::days(7);
    options.locale = locale;
    return gaps::build_content_plan({.events_db = dir / "events.db"}, analyzers, options);
}

}  // namespace

TEST_CASE("Search analytics: click-through rate, click position, clicked articles and no-result phrasings",
          "[gaps][integration][analytics]") {
    TempDir dir;
    write_week(dir / "events.db");
    const gaps::GapsReport report = week_report(dir);
    const gaps::SearchAnalytics& analytics = report.analytics;

    CHECK(analytics.overall.searches == 7);  // the typing session once, the contextual suggestion not at all
    CHECK(analytics.overall.searches == report.searches);
    CHECK(analytics.overall.with_results == 5);
    CHECK(analytics.overall.no_results == 2);
    CHECK(analytics.overall.clicked == 4);
    CHECK(analytics.overall.click_through_rate() == Approx(0.8));
    CHECK(analytics.overall.clicks == 5);
    CHECK(analytics.overall.average_click_position() == Approx(8.0 / 5.0));

    REQUIRE(analytics.locales.size() == 2);
    CHECK(analytics.locales[0].locale == "en");
    CHECK(analytics.locales[0].figures.searches == 6);
    CHECK(analytics.locales[0].figures.click_through_rate() == Approx(0.75));
    CHECK(analytics.locales[0].figures.average_click_position() == Approx(5.0 / 4.0));
    CHECK(analytics.locales[1].locale == "pt");
    CHECK(analytics.locales[1].figures.click_through_rate() == Approx(1.0));
    CHECK(analytics.locales[1].figures.average_click_position() == Approx(3.0));

    REQUIRE(analytics.top_clicked.size() == 3);
    CHECK(analytics.top_clicked[0].article_id == "reset-password");
    CHECK(analytics.top_clicked[0].clicks == 3);
    CHECK(analytics.top_clicked[0].searches == 3);
    CHECK(analytics.top_clicked[0].average_position() == Approx(1.0));

    REQUIRE(analytics.no_results.size() == 1);  // two spellings, one phrasing
    CHECK(analytics.no_results[0].text == "quantum invoices");
    CHECK(analytics.no_results[0].locale == "en");
    CHECK(analytics.no_results[0].searches == 2);

    SECTION("a locale filter keeps that locale's searches only") {
        const gaps::GapsReport pt = week_report(dir, "pt");
        CHECK(pt.analytics.overall.searches == 1);
        REQUIRE(pt.analytics.locales.size() == 1);
        CHECK(pt.analytics.top_clicked.front().article_id == "billing");
        CHECK(pt.analytics.no_results.empty());
    }
    SECTION("every format of the report carries the figures") {
        const auto json = nlohmann::json::parse(gaps::write_json(report));
        CHECK(json["analytics"]["searches"] == 7);
        CHECK(json["analytics"]["click_through_rate"] == Approx(0.8));
        CHECK(json["analytics"]["average_click_position"] == Approx(1.6));
        CHECK(json["analytics"]["locales"][1]["locale"] == "pt");
        CHECK(json["analytics"]["top_clicked"][0]["article_id"] == "reset-password");
        CHECK(json["analytics"]["no_results"][0]["searches"] == 2);

        const std::string markdown = gaps::write_markdown(report);
        CHECK(markdown.find("## Search analytics") != std::string::npos);
        CHECK(markdown.find("| en | 6 | 4 | 2 | 75% | 1.25 |") != std::string::npos);
        CHECK(markdown.find("| quantum invoices | en | 2 |") != std::string::npos);

        const std::string html = gaps::write_html(report);
        CHECK(html.find("id=\"analytics\"") != std::string::npos);
        CHECK(html.find("id=\"no-results\"") != std::string::npos);
        CHECK(html.find("<code>reset-password</code>") != std::string::npos);
    }
}

TEST_CASE("Content plan: comments sent with a Yes vote, or from a page without a search, reach the feedback list",
          "[gaps][integration][feedback]") {
    TempDir dir;
    {
        events::SqliteEventStore store({.path = dir / "events.db"});
        store.record(search("v1", "export notes", "en", 2, minutes(0)));
        store.record(click("v1", "export-notes", 1, minutes(1)));
        events::Event yes = click("v1", "export-notes", 0, minutes(2));
        yes.kind = events::EventKind::HELPFUL;
        yes.comment = "helpful, but step 3 shows the old menu";
        store.record(std::move(yes));
        // Votes on article pages reached without a search (a bookmark): nothing to join them to.
        for (const auto& [kind, comment] : {std::pair{events::EventKind::NOT_HELPFUL, "the screenshots are old"},
                                            {events::EventKind::HELPFUL, "clear, thanks"}}) {
            events::Event vote = click("", "change-email", 0, minutes(30));
            vote.kind = kind;
            vote.source = "page";
            vote.locale = "en";
            vote.comment = comment;
            store.record(std::move(vote));
        }
        store.flush();
    }
    const gaps::GapsReport report = week_report(dir);
    CHECK(report.searches == 1);  // a vote alone asks nothing
    CHECK(report.analytics.overall.searches == 1);
    CHECK(report.unresolved == 0);
    REQUIRE(report.not_helpful_articles.size() == 2);
    const gaps::ArticleVotes& page = report.not_helpful_articles.front();  // voted down first
    CHECK(page.article_id == "change-email");
    CHECK(page.not_helpful == 1);
    CHECK(page.helpful == 1);
    CHECK(page.comments == std::vector<std::string>{"the screenshots are old"});
    CHECK(page.helpful_comments == std::vector<std::string>{"clear, thanks"});
    const gaps::ArticleVotes& votes = report.not_helpful_articles.back();  // no "No" vote, but a comment
    CHECK(votes.article_id == "export-notes");
    CHECK(votes.helpful == 1);
    CHECK(votes.not_helpful == 0);
    CHECK(votes.helpful_comments == std::vector<std::string>{"helpful, but step 3 shows the old menu"});
    CHECK(gaps::write_markdown(report).find("Yes: \xE2\x80\x9Chelpful, but step 3 shows the old menu") !=
          std::string::npos);
    CHECK(gaps::write_html(report).find("Yes:</span> helpful, but step 3 shows the old menu") != std::string::npos);
    CHECK(nlohmann::json::parse(gaps::write_json(report))["not_helpful_articles"][1]["helpful_comments"][0] ==
          "helpful, but step 3 shows the old menu");
    CHECK(gaps::write_csv(report, "not_helpful").find("export-notes,0,1,,\"helpful, but step 3 shows the old menu\"") !=
          std::string::npos);
}
