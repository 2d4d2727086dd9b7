// End to end: `anticipa gaps` run as a support lead runs it, on an events store written by the
// real SQLite store.
#include "events/event_store.h"
#include "support/csv_reader.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

using namespace anticipa;
using test::TempDir;

namespace {

using Clock = std::chrono::system_clock;

const Clock::time_point MONDAY = std::chrono::sys_days{std::chrono::year{2026} / 11 / 2};

events::Event search(const std::string& id, const std::string& query, const std::string& locale, std::size_t results,
                     Clock::time_point at) {
    events::Event event;
    event.kind = events::EventKind::SEARCH;
    event.search_id = id;
    event.source = "search";
    event.locale = locale;
    event.tier = "standard";
    event.query = query;
    event.results = results;
    if (results > 0) event.shown = {"reset-password"};
    event.at = at;
    return event;
}

events::Event click(const std::string& id, Clock::time_point at) {
    events::Event event;
    event.kind = events::EventKind::CLICK;
    event.search_id = id;
    event.article_id = "reset-password";
    event.at = at;
    return event;
}

/// This week: "reset password" 3 times unanswered (one typo), "invoice" once answered; the week
/// before: "reset password" once unanswered.
void write_events(const std::filesystem::path& db) {
    events::SqliteEventStore store({.path = db});
    using std::chrono::hours;
    store.record(search("p1", "reset password", "en", 2, MONDAY - hours(48)));
    store.record(search("c1", "reset password", "en", 0, MONDAY + hours(10)));
    store.record(search("c2", "resetting passwords", "en", 2, MONDAY + hours(20)));
    store.record(search("c3", "resset pasword", "en", 0, MONDAY + hours(30)));
    store.record(search("c4", "invoice", "en", 2, MONDAY + hours(40)));
    store.record(click("c4", MONDAY + hours(40) + std::chrono::minutes(1)));
    store.record(search("c5", "如何重設密碼", "zh-TW", 0, MONDAY + hours(50)));
    store.flush();
}

test::ProcessResult gaps(const TempDir& dir, std::vector<std::string> extra) {
    std::vector<std::string> args{test::anticipa_binary(),      "gaps",      "--events",
                                  (dir / "events.db").string(), "--locales", (test::source_dir() / "locales").string()};
    if (std::find(extra.begin(), extra.end(), "--articles") == extra.end())
        args.insert(args.end(), {"--articles", (dir / "no-articles").string()});
    args.insert(args.end(), extra.begin(), extra.end());
    return test::run_process(args);
}

}  // namespace

TEST_CASE("anticipa gaps: the JSON report of a week read from the events store", "[gaps][e2e]") {
    TempDir dir;
    write_events(dir / "events.db");
    auto result = gaps(dir, {"--since", "2026-11-02", "--until", "2026-11-09", "--format", "json"});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    auto report = nlohmann::json::parse(result.out);
    CHECK(report["since"] == "2026-11-02T00:00:00Z");
    CHECK(report["until"] == "2026-11-09T00:00:00Z");
    CHECK(report["searches"] == 5);
    CHECK(report["unresolved"] == 4);
    CHECK(report["previous"]["searches"] == 1);
    REQUIRE(report["gaps"].size() == 2);
    CHECK(report["gaps"][0]["key"] == "en:password reset");
    CHECK(report["gaps"][0]["unresolved"] == 3);
    CHECK(report["gaps"][0]["no_results"] == 2);
    CHECK(report["gaps"][0]["no_click"] == 1);
    CHECK(report["gaps"][0]["previous_unresolved"] == 1);
    CHECK(report["gaps"][0]["phrasings"].size() == 3);
    CHECK(report["gaps"][1]["locales"]["zh-TW"] == 1);
    CHECK(report["top_questions"].size() == 3);

    SECTION("--locale keeps one language, --since as a duration counts back from --until") {
        auto zh = gaps(dir, {"--since", "7d", "--until", "2026-11-09", "--locale", "zh", "--format", "json"});
        INFO(zh.err);
        REQUIRE(zh.exit_code == 0);
        auto only = nlohmann::json::parse(zh.out);
        CHECK(only["searches"] == 1);
        CHECK(only["locale"] == "zh");
        CHECK(only["since"] == "2026-11-02T00:00:00Z");
    }
    SECTION("Markdown and CSV go to --out") {
        auto md = gaps(dir, {"--since", "2026-11-02", "--until", "2026-11-09", "--out", (dir / "plan.md").string()});
        INFO(md.err);
        REQUIRE(md.exit_code == 0);
        CHECK(test::read_file(dir / "plan.md").find("## What to write next") != std::string::npos);
        auto csv = gaps(dir, {"--since", "2026-11-02", "--until", "2026-11-09", "--format", "csv", "-o",
                              (dir / "plan.csv").string()});
        REQUIRE(csv.exit_code == 0);
        CHECK(test::read_file(dir / "plan.csv").find("1,en:password reset,reset password,3,3,") != std::string::npos);
    }
}

TEST_CASE("anticipa gaps: bad values and a missing store are usage errors naming what is wrong", "[gaps][e2e]") {
    TempDir dir;
    write_events(dir / "events.db");
    for (const char* since : {"yesterday", "7x", "0d", "2026-13-01"}) {
        CAPTURE(since);
        auto result = gaps(dir, {"--since", since});
        CHECK(result.exit_code == 2);
        CHECK(result.err.find("--since") != std::string::npos);
        CHECK(result.err.find(since) != std::string::npos);
    }
    auto until = gaps(dir, {"--until", "tomorrow"});
    CHECK(until.exit_code == 2);
    CHECK(until.err.find("--until") != std::string::npos);
    auto tier = gaps(dir, {"--tier", "gold"});
    CHECK(tier.exit_code == 2);
    CHECK(tier.err.find("--tier `gold`: expected basic, standard or advanced") != std::string::npos);

    auto format = gaps(dir, {"--format", "xlsx"});
    CHECK(format.exit_code == 2);
    CHECK(format.err.find("xlsx") != std::string::npos);

    auto missing = test::run_process({test::anticipa_binary(), "gaps", "--events", (dir / "nowhere.db").string()});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("nowhere.db") != std::string::npos);
}

TEST_CASE("anticipa gaps: --tier keeps one tier's customers; stale translations come from --articles", "[gaps][e2e]") {
    TempDir dir;
    write_events(dir / "events.db");
    const std::vector<std::string> week{"--since", "2026-11-02", "--until", "2026-11-09", "--format", "json"};
    auto with = [&](std::vector<std::string> extra) {
        extra.insert(extra.begin(), week.begin(), week.end());
        return extra;
    };
    auto standard = gaps(dir, with({"--tier", "standard"}));
    INFO(standard.err);
    REQUIRE(standard.exit_code == 0);
    CHECK(nlohmann::json::parse(standard.out)["searches"] == 5);
    CHECK(nlohmann::json::parse(standard.out)["tier"] == "standard");
    auto basic = gaps(dir, with({"--tier", "basic"}));
    REQUIRE(basic.exit_code == 0);
    CHECK(nlohmann::json::parse(basic.out)["searches"] == 0);

    // No articles folder: the list is not checked, and the report says so rather than "none".
    auto unchecked = nlohmann::json::parse(gaps(dir, week).out);
    CHECK(unchecked["translations_checked_in"] == "");
    CHECK(unchecked["stale_translations"].empty());

    std::filesystem::copy(test::source_dir() / "articles", dir / "articles", std::filesystem::copy_options::recursive);
    const auto file = dir / "articles" / "es" / "account" / "reset-password.md";
    std::string text = test::read_file(file);
    text = std::regex_replace(text, std::regex("source_revision: [0-9a-f]+"), "source_revision: 000000000000");
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
    auto checked = gaps(dir, with({"--articles", (dir / "articles").string()}));
    INFO(checked.err);
    REQUIRE(checked.exit_code == 0);
    auto report = nlohmann::json::parse(checked.out);
    CHECK(report["translations_checked_in"] == (dir / "articles").generic_string());
    bool listed = false;
    for (const auto& problem : report["stale_translations"])
        listed =
            listed || (problem["code"] == "stale_translation" &&
                       problem["file"].get<std::string>().find("es/account/reset-password.md") != std::string::npos);
    CHECK(listed);
}

TEST_CASE("anticipa gaps: --table writes any table of the report as CSV", "[gaps][e2e][csv]") {
    TempDir dir;
    write_events(dir / "events.db");
    auto csv = [&](const std::string& table) {
        auto result =
            gaps(dir, {"--since", "2026-11-02", "--until", "2026-11-09", "--format", "csv", "--table", table});
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
        return test::parse_csv(result.out);
    };
    const auto no_results = csv("no_results");
    REQUIRE(no_results.size() == 4);  // "reset password", "resset pasword", "如何重設密碼"
    CHECK(no_results[0] == std::vector<std::string>{"rank", "search", "locale", "searches"});
    const auto searches = csv("searches");
    REQUIRE(searches.size() == 2);
    CHECK(searches[0][0] == "searches");
    CHECK(searches[1][0] == "5");
    CHECK(searches[1][4] == "0.500");  // click-through: 1 of the 2 searches with results
    const auto clicked = csv("top_clicked");
    REQUIRE(clicked.size() == 2);
    CHECK(clicked[1][1] == "reset-password");
    const auto locales = csv("locales");
    REQUIRE(locales.size() == 3);
    CHECK(locales[1][0] == "en");
    CHECK(locales[1][1] == "4");

    auto unknown = gaps(dir, {"--format", "csv", "--table", "everything"});
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("--table `everything`: expected one of gaps, questions,") != std::string::npos);
    auto not_csv = gaps(dir, {"--format", "json", "--table", "gaps"});
    CHECK(not_csv.exit_code == 2);
    CHECK(not_csv.err.find("--format csv") != std::string::npos);
}

namespace {

/// The row of the JSON plan that lists `text` among its phrasings; -1 when none does.
int row_of(const nlohmann::json& report, const std::string& text) {
    for (std::size_t row = 0; row < report["gaps"].size(); ++row)
        for (const auto& phrasing : report["gaps"][row]["phrasings"])
            if (phrasing["text"] == text) return int(row);
    return -1;
}

}  // namespace

TEST_CASE("anticipa index stores the plan's translation table beside the index; anticipa gaps reads it while it fits",
          "[gaps][e2e][pt]") {
    TempDir dir;
    std::filesystem::copy(test::source_dir() / "articles", dir / "articles", std::filesystem::copy_options::recursive);
    const std::string articles = (dir / "articles").string(), index_dir = (dir / "index").string();
    auto index = [&] {
        auto run = test::run_process({test::anticipa_binary(), "index", "--articles", articles, "--index", index_dir,
                                      "--locales", (test::source_dir() / "locales").string(), "--json"});
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        return nlohmann::json::parse(run.out)["translations"];
    };
    const nlohmann::json first = index();
    CHECK(first["learned"] == true);
    CHECK(first["term_translations"].get<int>() > 400);  // the help center's own pairs alone are over 400
    const std::filesystem::path stored = dir / "index" / "translations.tsv";
    REQUIRE(std::filesystem::exists(stored));
    CHECK(index()["learned"] == false);  // nothing changed: the stored table is kept

    {
        events::SqliteEventStore store({.path = dir / "events.db"});
        for (int i = 0; i < 3; ++i)
            store.record(search("en" + std::to_string(i), "restore deleted note", "en", 0, MONDAY + std::chrono::hours(i)));
        for (int i = 0; i < 2; ++i)
            store.record(
                search("pt" + std::to_string(i), "restaurar nota excluída", "pt", 0, MONDAY + std::chrono::hours(5 + i)));
        store.flush();
    }
    auto plan = [&] {
        auto run = gaps(dir, {"--since", "2026-11-02", "--until", "2026-11-09", "--format", "json", "--index", index_dir,
                              "--articles", articles});
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        return nlohmann::json::parse(run.out);
    };
    const nlohmann::json joined = plan();
    REQUIRE(row_of(joined, "restore deleted note") >= 0);
    CHECK(row_of(joined, "restaurar nota excluída") == row_of(joined, "restore deleted note"));

    // The stored table is what the plan reads: the same stamp over a table with no translations
    // leaves the two languages in two rows.
    {
        std::ifstream in(stored);
        std::string line, head;
        for (int i = 0; i < 3 && std::getline(in, line); ++i) head += line + "\n";  // format, sources, pivot
        in.close();
        std::ofstream(stored, std::ios::trunc) << head << "end\n";
    }
    const nlohmann::json emptied = plan();
    CHECK(row_of(emptied, "restaurar nota excluída") != row_of(emptied, "restore deleted note"));

    // An article edited since the index was built: the stored table no longer fits, and the plan
    // learns its own from the articles.
    std::ofstream(dir / "articles" / "en" / "account" / "delete-account.md", std::ios::app) << "\nOne more line.\n";
    const nlohmann::json relearned = plan();
    CHECK(row_of(relearned, "restaurar nota excluída") == row_of(relearned, "restore deleted note"));
    CHECK(index()["learned"] == true);
}
