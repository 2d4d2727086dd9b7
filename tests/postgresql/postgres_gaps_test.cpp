// End to end with PostgreSQL: `anticipa serve --events postgresql://...` writes what simulated
// customers did into a real PostgreSQL cluster, and `anticipa gaps` reads it with the same
// --events value and gives the same content plan as from SQLite for the same events. A malformed
// URI is refused before anything starts, naming --events.
#include "events/event_store.h"
#include "support/postgres_cluster.h"
#include "support/process.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>
#include <vector>

using namespace anticipa;
using Catch::Matchers::Contains;
using nlohmann::json;

TEST_CASE("anticipa serve and gaps: a malformed PostgreSQL URI is refused, naming --events", "[postgresql][e2e]") {
    test::TempDir dir;
    const std::string malformed = "postgresql://lead:s3cret@db.example/help?no_such_option=1";
    for (const char* command : {"serve", "gaps"}) {
        CAPTURE(command);
        auto run = test::run_process(
            {test::anticipa_binary(), command, "--events", malformed, "--index", (dir / "index").string()});
        CHECK(run.exit_code == 2);
        CHECK_THAT(run.err, Contains("--events `postgresql://lead:***@db.example/help?no_such_option=1`") &&
                                Contains("not a PostgreSQL connection URI") && Contains("no_such_option"));
        CHECK_THAT(run.err, !Contains("s3cret"));
    }
}

TEST_CASE("anticipa gaps: the same content plan from PostgreSQL as from SQLite for the same events",
          "[postgresql][e2e][gaps]") {
    test::PostgresCluster cluster;
    test::TempDir dir;
    const std::string locales = (test::source_dir() / "locales").string();
    const std::string articles = (test::source_dir() / "articles").string();
    const std::string index = (dir / "index").string();
    REQUIRE(test::run_process(
                {test::anticipa_binary(), "index", "--articles", articles, "--index", index, "--locales", locales})
                .exit_code == 0);

    // Customers on a real server that writes the shared database.
    json sent;
    {
        test::ServerProcess server({"--index", index, "--locales", locales, "--articles", articles, "--events",
                                    cluster.uri(), "--events-journal", (dir / "replica-journal").string()});
        auto traffic =
            test::run_process({test::traffic_binary(), "--server", "http://127.0.0.1:" + std::to_string(server.port),
                               "--customers", "120", "--seed", "11", "--concurrency", "2", "--json"});
        CAPTURE(traffic.err);
        REQUIRE(traffic.exit_code == 0);
        sent = json::parse(traffic.out);
        CHECK(sent["requests"]["server_errors"] == 0);
        CHECK_THAT(server.log(), Contains("events postgresql://anticipa@127.0.0.1"));
        REQUIRE(server.terminate() == 0);
    }
    const auto stored =
        events::read_events(cluster.uri(), {}, std::chrono::system_clock::now() + std::chrono::hours(1));
    CHECK(stored.size() == sent["events"].get<std::size_t>());

    // The same events, ids and times included, into SQLite.
    const auto sqlite = dir / "events.db";
    {
        events::SqliteEventStore copy({.path = sqlite});
        for (const events::Event& event : stored) copy.record(event);
    }
    // One period for both (the default --until is "now", which moves between the two runs).
    const auto tomorrow =
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) + std::chrono::days(1);
    const std::chrono::year_month_day day{tomorrow};
    char until[16];
    std::snprintf(until, sizeof until, "%04d-%02u-%02u", static_cast<int>(day.year()),
                  static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
    auto plan = [&](const std::string& events_location) {
        auto gaps =
            test::run_process({test::anticipa_binary(), "gaps", "--events", events_location, "--index", index,
                               "--articles", articles, "--session-window", "0", "--until", until, "--format", "json"});
        CAPTURE(gaps.err);
        REQUIRE(gaps.exit_code == 0);
        return json::parse(gaps.out);
    };
    const json from_postgresql = plan(cluster.uri());
    const json from_sqlite = plan(sqlite.string());
    CHECK(from_postgresql["searches"].get<int>() > 0);
    REQUIRE_FALSE(from_postgresql["gaps"].empty());
    CHECK(from_postgresql == from_sqlite);
}
