// Gaps stage through the real parts: one question asked in six locales (five languages, Chinese in
// both scripts), written by the real SQLite store, grouped by the content plan's one path with the
// translation table built from the sample help center (articles/), Debian's FreeDict dictionaries
// and Unihan's glosses of Chinese characters: one row in the HTML report, which says which
// translations joined it.
#include "events/event_store.h"
#include "gaps/content_plan.h"
#include "gaps/report_writers.h"
#include "gaps/translation_table.h"
#include "support/temp_dir.h"
#include "support/text_count.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <string>

using namespace anticipa;

namespace {

using Clock = std::chrono::system_clock;

const Clock::time_point MONDAY = std::chrono::sys_days{std::chrono::year{2026} / 11 / 2};

/// "Print a board" as the scenario's customers ask it (tools/traffic/scenarios.yaml, held out):
/// no article answers it, so every search finds nothing.
const std::vector<std::pair<std::string, std::string>> PRINT_A_BOARD{
    {"en", "print my board as pdf"},      {"pt", "imprimir quadro"},
    {"pt", "imprimir o quadro em pdf"},   {"es", "imprimir tablero"},
    {"es", "imprimir el tablero en pdf"}, {"it", "stampare bacheca"},
    {"it", "stampare la bacheca in pdf"}, {"zh-TW", "列印看板"}, {"zh-CN", "打印看板"}};

}  // namespace

TEST_CASE("Content plan: a question asked in six locales is one row, with the translations that joined it",
          "[gaps][integration][pt][es][it][zh]") {
    const std::filesystem::path dictd = "/usr/share/dictd";
    const gaps::DictionaryOptions bridges;
    if (!std::filesystem::exists(dictd / "freedict-por-eng.index") || !std::filesystem::exists(bridges.unihan)) {
        WARN("FreeDict or unicode-data is not installed (tools/setup-debian.sh installs them): nothing to test");
        return;
    }
    test::TempDir dir;
    {
        events::SqliteEventStore store({.path = dir / "events.db"});
        int minute = 0;
        for (const auto& [locale, query] : PRINT_A_BOARD) {
            events::Event event;
            event.kind = events::EventKind::SEARCH;
            event.search_id = "s" + std::to_string(minute);
            event.source = "search";
            event.locale = locale;
            event.tier = "basic";
            event.query = query;
            event.at = MONDAY + std::chrono::hours(9) + std::chrono::minutes(minute++);
            store.record(std::move(event));
        }
        store.flush();
    }
    analysis::AnalyzerSet analyzers(test::source_dir() / "locales");
    gaps::ReportOptions options;
    options.since = MONDAY;
    options.until = MONDAY + std::chrono::days(7);
    const auto plan = [&](const std::filesystem::path& articles) {
        return gaps::build_content_plan({.events_db = dir / "events.db", .articles = articles, .dictionaries = dictd},
                                        analyzers, options);
    };

    const gaps::GapsReport report = plan(test::source_dir() / "articles");
    REQUIRE(report.gaps.size() == 1);
    const gaps::QuestionGroup& row = report.gaps.front();
    CHECK(row.unresolved == PRINT_A_BOARD.size());
    CHECK(row.locales.size() == 6);
    CHECK(row.label == "print my board as pdf");  // labelled in the source locale's language
    REQUIRE_FALSE(row.joined_by.empty());
    const std::string html = gaps::write_html(report);
    CHECK(test::occurrences(html, "<article class=\"gap\">") == 1);
    CHECK(html.find("One row across languages because:") != std::string::npos);
    CHECK(html.find("print (en) \xE2\x89\x88 imprim (es)") != std::string::npos);
    // Unihan's first gloss of 印 is "print": zh-TW's 列印 and zh-CN's 打印 both say it.
    CHECK(html.find("\xE5\x88\x97\xE5\x8D\xB0 (zh) \xE2\x89\x88 \xE6\x89\x93\xE5\x8D\xB0 (zh)") != std::string::npos);
    // board (en) ≈ 看板 (zh): from the help center's own zh-TW and en articles.
    CHECK(html.find("\xE7\x9C\x8B\xE6\x9D\xBF (zh)") != std::string::npos);

    // Without the articles (a replica's plan) nothing bridges the languages: a row per language,
    // and the two Chinese phrasings, with two words for "print", apart.
    CHECK(plan({}).gaps.size() == 6);
}
