// Server: the content plan on /admin over real HTTP, built from a real events store and the
// articles folder by the same engine path as `anticipa gaps`: the period, locale and tier
// controls, their errors, and the stale translations.
#include "events/event_store.h"
#include "support/csv_reader.h"
#include "support/served_admin.h"
#include "support/text_count.h"

#include <httplib.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <regex>
#include <string>

using namespace anticipa;
using test::ServedAdmin;

namespace {

using Clock = std::chrono::system_clock;

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

events::Event search(const std::string& id, const std::string& query, const std::string& locale,
                     const std::string& tier, std::size_t results, Clock::time_point at) {
    events::Event event;
    event.kind = events::EventKind::SEARCH;
    event.search_id = id;
    event.source = "search";
    event.locale = locale;
    event.tier = tier;
    event.query = query;
    event.results = results;
    if (results > 0) event.shown = {"reset-password", "two-factor"};
    event.at = at;
    return event;
}

/// Two days ago: an English basic customer found nothing for "quantum invoices", a Portuguese
/// standard one nothing for "fatura quântica"; forty days ago, "ancient question".
void record_searches(const std::filesystem::path& db) {
    events::SqliteEventStore store({.path = db});
    const auto two_days_ago = Clock::now() - std::chrono::hours(48);
    store.record(search("a1", "quantum invoices", "en", "basic", 0, two_days_ago));
    store.record(search("a2", "fatura quantica", "pt", "standard", 0, two_days_ago));
    store.record(search("a3", "ancient question", "en", "basic", 0, Clock::now() - std::chrono::hours(24 * 40)));
    store.flush();
}

}  // namespace

TEST_CASE("Admin report over HTTP: since, until, locale and tier are read as `anticipa gaps` reads them",
          "[server][integration][admin][gaps]") {
    ServedAdmin hc;
    record_searches(hc.config.events_path);

    const auto week = hc.admin_get("/admin");
    REQUIRE(week.status == 200);
    CHECK(contains(week.body, "quantum invoices"));
    CHECK(contains(week.body, "fatura quantica"));
    CHECK_FALSE(contains(week.body, "ancient question"));  // the default period is 7 days

    const auto pt = hc.admin_get("/admin?since=30d&locale=pt");
    REQUIRE(pt.status == 200);
    CHECK(contains(pt.body, "locale pt"));
    CHECK(contains(pt.body, "fatura quantica"));
    CHECK_FALSE(contains(pt.body, "quantum invoices"));

    const auto basic = hc.admin_get("/admin?since=60d&tier=basic");
    REQUIRE(basic.status == 200);
    CHECK(contains(basic.body, "tier basic"));
    CHECK(contains(basic.body, "ancient question"));
    CHECK(contains(basic.body, "quantum invoices"));
    CHECK_FALSE(contains(basic.body, "fatura quantica"));

    // Dates, which only the command line took before; an empty parameter (a form's "all") is the default.
    const auto dated = hc.admin_get("/admin?since=2026-11-02&until=2026-11-09&locale=&tier=");
    REQUIRE(dated.status == 200);
    CHECK(contains(dated.body, "2026-11-02 to 2026-11-09"));

    SECTION("a bad value is a 400 naming the parameter, the value and the forms it takes") {
        struct Case {
            std::string query, parameter, value;
        };
        for (const Case& c : {Case{"since=yesterday", "since", "yesterday"}, Case{"since=0d", "since", "0d"},
                              Case{"until=tomorrow", "until", "tomorrow"},
                              Case{"since=2026-11-10&until=2026-11-09", "since", "2026-11-10"},
                              Case{"locale=..%2Fetc", "locale", "../etc"}, Case{"tier=gold", "tier", "gold"}}) {
            CAPTURE(c.query);
            const auto bad = hc.admin_get("/admin?" + c.query);
            CHECK(bad.status == 400);
            CHECK(contains(bad.body, "<code>" + c.parameter + "</code>"));
            CHECK(contains(bad.body, "<code>" + c.value + "</code>"));
        }
        CHECK(contains(hc.admin_get("/admin?since=yesterday").body, "24h, 7d, 2w"));
        CHECK(contains(hc.admin_get("/admin?tier=gold").body, "basic, standard or advanced"));
    }
}

TEST_CASE("Admin report over HTTP: stale translations of the articles folder, as `anticipa gaps` lists them",
          "[server][integration][admin][gaps]") {
    SECTION("a translation made from an older revision of its source is listed") {
        ServedAdmin hc;
        const auto file = hc.dir / "articles" / "es" / "account" / "reset-password.md";
        std::string text = test::read_file(file);
        text = std::regex_replace(text, std::regex("source_revision: [0-9a-f]+"), "source_revision: 000000000000");
        std::ofstream(file, std::ios::binary | std::ios::trunc) << text;

        const auto page = hc.admin_get("/admin");
        REQUIRE(page.status == 200);
        CHECK(contains(page.body, "id=\"stale\""));
        CHECK(contains(page.body, "es/account/reset-password.md"));
        CHECK(contains(page.body, "stale_translation"));
        CHECK(contains(page.body, "000000000000"));
    }
    SECTION("a server without the articles folder (a replica) says the list was not checked") {
        ServedAdmin hc([](server::ServerConfig& config) { config.articles_dir = "/nonexistent/articles"; });
        const auto page = hc.admin_get("/admin");
        REQUIRE(page.status == 200);
        CHECK(contains(page.body, "Not checked"));
    }
}

TEST_CASE("Admin report over HTTP: a GET form sets the period, locale and tier, styled like the help center",
          "[server][integration][admin]") {
    ServedAdmin hc;
    const auto page = hc.admin_get("/admin?since=30d&locale=pt&tier=standard");
    REQUIRE(page.status == 200);
    for (const char* part : {"<form method=\"get\" action=\"/admin\"", "name=\"since\" value=\"30d\"",
                             "name=\"until\" value=\"now\"", "name=\"locale\" value=\"pt\"",
                             "<option selected>standard</option>", "<option value=\"zh-TW\">",  // the index's locales
                             ".plan-bar{background:#25346b", "action=\"/admin/logout\""})
        CHECK(contains(page.body, part));

    SECTION("the 400 page is the admin's layout, with the form to correct the value") {
        const auto bad = hc.admin_get("/admin?since=fortnight&locale=pt");
        CHECK(bad.status == 400);
        CHECK(contains(bad.body, "header{background:#25346b"));
        CHECK(contains(bad.body, "role=\"alert\""));
        CHECK(contains(bad.body, "name=\"since\" value=\"fortnight\""));
        CHECK(contains(bad.body, "name=\"locale\" value=\"pt\""));
    }
}

TEST_CASE("Admin report over HTTP: every table downloads as CSV for the period on screen, behind the admin session",
          "[server][integration][admin][csv]") {
    ServedAdmin hc;
    record_searches(hc.config.events_path);

    const auto no_results = hc.admin_get("/admin?since=7d&format=csv&table=no_results");
    REQUIRE(no_results.status == 200);
    CHECK(no_results.get_header_value("Content-Type") == "text/csv; charset=utf-8");
    CHECK(contains(no_results.get_header_value("Content-Disposition"),
                   "attachment; filename=\"content-plan-no_results-"));
    const auto rows = test::parse_csv(no_results.body);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == std::vector<std::string>{"rank", "search", "locale", "searches"});
    CHECK(rows[1][3] == "1");
    CHECK((rows[1][1] == "quantum invoices" || rows[2][1] == "quantum invoices"));

    const auto pt = test::parse_csv(hc.admin_get("/admin?since=7d&locale=pt&format=csv&table=locales").body);
    REQUIRE(pt.size() == 2);  // the locale filter holds in the download too
    CHECK(pt[1][0] == "pt");
    CHECK(pt[1][1] == "1");

    // Each link on the page answers with a CSV of its own table: a header row, then data rows as wide.
    const auto page = hc.admin_get("/admin?since=30d");
    const std::regex link("href=\"(/admin\\?since=30d&amp;until=now&amp;format=csv&amp;table=([a-z_]+))\" download");
    std::size_t tables = 0;
    for (auto it = std::sregex_iterator(page.body.begin(), page.body.end(), link); it != std::sregex_iterator(); ++it) {
        std::string target = (*it)[1];
        for (auto at = target.find("&amp;"); at != std::string::npos; at = target.find("&amp;"))
            target.replace(at, 5, "&");
        CAPTURE(target);
        const auto csv = hc.admin_get(target);
        CHECK(csv.status == 200);
        const auto table = test::parse_csv(csv.body);
        REQUIRE_FALSE(table.empty());
        for (const auto& row : table) CHECK(row.size() == table[0].size());
        ++tables;
    }
    CHECK(tables == 13);

    SECTION("a download needs the admin session like the page; a bad format or table is a 400 naming it") {
        auto anonymous = hc.client().Get("/admin?format=csv&table=gaps");
        REQUIRE(anonymous);
        CHECK(anonymous->status == 401);
        CHECK_FALSE(contains(anonymous->body, "rank,"));
        const auto table = hc.admin_get("/admin?format=csv&table=everything");
        CHECK(table.status == 400);
        CHECK(contains(table.body, "<code>table</code>"));
        CHECK(contains(table.body, "top_clicked"));
        const auto format = hc.admin_get("/admin?format=xlsx");
        CHECK(format.status == 400);
        CHECK(contains(format.body, "<code>format</code>"));
    }
}

namespace {

void write_article(const std::filesystem::path& file, const std::string& text) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
}

/// One unanswered question in two languages, in words no article and no dictionary has.
void record_one_question_in_two_languages(const std::filesystem::path& db) {
    events::SqliteEventStore store({.path = db});
    const auto yesterday = Clock::now() - std::chrono::hours(24);
    store.record(search("z1", "zorblat", "en", "basic", 0, yesterday));
    store.record(search("z2", "quibrona", "pt", "basic", 0, yesterday + std::chrono::minutes(1)));
    store.flush();
}

std::size_t gap_rows(const std::string& html) {
    return test::occurrences(html, "<article class=\"gap\">");
}

}  // namespace

TEST_CASE("Admin report over HTTP: the translation table follows the articles, learned again when they change",
          "[server][integration][admin][gaps]") {
    ServedAdmin hc;
    record_one_question_in_two_languages(hc.config.events_path);
    const auto before = hc.admin_get("/admin");
    REQUIRE(before.status == 200);
    CHECK(gap_rows(before.body) == 2);
    CHECK(hc.admin_get("/admin").body == before.body);  // nothing changed: the same plan

    // A writer adds the article in both languages: its translation says zorblat is quibrona.
    write_article(hc.dir / "articles/en/boards/zorblat.md",
                  "---\nid: zorblat\ntitle: The zorblat\ncategory: account\nquestions:\n  - what is a zorblat\n"
                  "  - where is my zorblat\nupdated: 2026-09-18\n---\n\nA zorblat keeps your boards tidy.\n\n"
                  "## Zorblat\n\nOpen the zorblat from the menu.\n");
    write_article(hc.dir / "articles/pt/boards/zorblat.md",
                  "---\nid: zorblat\ntitle: O quibrona\ncategory: account\nquestions:\n  - o que é um quibrona\n"
                  "  - onde está meu quibrona\nupdated: 2026-09-18\n---\n\nUm quibrona mantém seus quadros "
                  "organizados.\n\n## Quibrona\n\nAbra o quibrona pelo menu.\n");
    const auto after = hc.admin_get("/admin");
    REQUIRE(after.status == 200);
    CHECK(gap_rows(after.body) == 1);
    CHECK(contains(after.body, "zorblat (en) \xE2\x89\x88 quibron (pt)"));
}
