// Server: the content plan on /admin over real HTTP, built from a real events store and the
// articles folder by the same engine path as `anticipa gaps`: the period, locale and tier
// controls, their errors, and the stale translations.
#include "events/event_store.h"
#include "support/served_admin.h"

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
