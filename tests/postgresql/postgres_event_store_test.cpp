// Events stage: the PostgreSQL events store against a real PostgreSQL 15 cluster the test starts
// (support/postgres_cluster.h): every field comes back through the reading side `anticipa gaps`
// uses, the schema version guards the database, the same event sent twice or by two stores at
// once is stored once, and events accepted while the database is down are written when it is back.
#include "events/postgres_event_store.h"
#include "events/event_store.h"
#include "support/postgres_cluster.h"
#include "support/stored_events.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace anticipa;
using Catch::Matchers::Contains;
using events::Event;
using events::EventKind;
using test::now_ms;
using events::PostgresEventStore;
using std::chrono::system_clock;

namespace {

Event search_event(const std::string& id, const std::string& query, system_clock::time_point at = now_ms()) {
    Event event;
    event.kind = EventKind::SEARCH;
    event.event_id = id;
    event.search_id = "s-" + id;
    event.at = at;
    event.locale = "en";
    event.query = query;
    return event;
}

events::JournaledStoreOptions journal_in(const test::TempDir& dir, const std::string& name = "events-postgresql") {
    return {.journal = dir / name};
}

std::vector<Event> all_events(const std::string& uri) {
    return events::read_events(uri, system_clock::time_point::min(), system_clock::time_point::max());
}

/// "rows|distinct ids" in the table.
std::string counts(const test::PostgresCluster& cluster) {
    return cluster.sql("SELECT count(*) || '|' || count(DISTINCT id) FROM anticipa_events");
}

std::vector<std::filesystem::path> journal_files(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> journals;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() == ".jsonl") journals.push_back(entry.path());
    }
    return journals;
}

}  // namespace

TEST_CASE("PostgresEventStore: every field comes back through read_events, scrubbed as in SQLite",
          "[events][postgresql]") {
    test::PostgresCluster cluster;
    test::TempDir dir;
    const Event sent = test::every_field_event("redefinir senha 重置密码 \"quoted\" \\ ana@example.com");
    {
        PostgresEventStore store(cluster.uri(), journal_in(dir));
        store.record(sent);
        store.flush();
        CHECK(store.stats().written == 1);
    }
    auto stored = events::read_events(cluster.uri(), sent.at, sent.at + std::chrono::milliseconds(1));
    REQUIRE(stored.size() == 1);
    const Event& got = stored[0];
    CHECK(got.query == "redefinir senha 重置密码 \"quoted\" \\ [email]");
    test::check_every_field_but_query(got, sent);
    CHECK(journal_files(dir.path()).empty());  // all written: the journal goes

    SECTION("a time window, oldest first, through the same for_each_event as a SQLite file") {
        PostgresEventStore store(cluster.uri(), journal_in(dir));
        const auto base = now_ms() + std::chrono::hours(1);
        for (int i = 2; i >= 0; --i)
            store.record(search_event("w" + std::to_string(i), "q", base + std::chrono::seconds(i)));
        store.flush();
        std::vector<std::string> ids;
        events::for_each_event(cluster.uri(), base, base + std::chrono::seconds(2),
                               [&](Event&& event) { ids.push_back(event.event_id); });
        CHECK(ids == std::vector<std::string>{"w0", "w1"});
    }
}

TEST_CASE("PostgresEventStore: the schema version is kept in the database, a newer one is refused",
          "[events][postgresql]") {
    test::PostgresCluster cluster;
    test::TempDir dir;
    { PostgresEventStore store(cluster.uri(), journal_in(dir)); }
    const std::string ours = std::to_string(events::event_schema_version());
    CHECK(cluster.sql("SELECT version FROM anticipa_events_schema") == ours + "\n");

    SECTION("opening it again migrates nothing") {
        { PostgresEventStore again(cluster.uri(), journal_in(dir)); }
        CHECK(cluster.sql("SELECT count(*) FROM anticipa_events_schema") == "1\n");
    }
    SECTION("a newer version: the store and the readers refuse it, naming the database") {
        const std::string newer = std::to_string(events::event_schema_version() + 1);
        cluster.sql("UPDATE anticipa_events_schema SET version = " + newer);
        CHECK_THROWS_WITH(PostgresEventStore(cluster.uri(), journal_in(dir)),
                          Contains(cluster.uri()) && Contains("version " + newer) && Contains("newer"));
        CHECK_THROWS_WITH(all_events(cluster.uri()), Contains(cluster.uri()) && Contains("newer"));
    }
    SECTION("a database no store has written: the reader says so") {
        cluster.sql("DROP TABLE anticipa_events_schema");
        CHECK_THROWS_WITH(all_events(cluster.uri()), Contains(cluster.uri()) && Contains("not an events database"));
    }
}

TEST_CASE("PostgresEventStore: the same events sent twice are stored once", "[events][postgresql]") {
    test::PostgresCluster cluster;
    test::TempDir dir;
    const auto at = now_ms();
    for (int round = 0; round < 2; ++round) {
        PostgresEventStore store(cluster.uri(), journal_in(dir));
        for (int i = 0; i < 50; ++i) store.record(search_event("twice-" + std::to_string(i), "q", at));
        store.flush();
        CHECK(store.stats().written == 50);  // inserted or already there
    }
    CHECK(counts(cluster) == "50|50\n");
}

TEST_CASE("PostgresEventStore: two stores writing one database at once lose and duplicate nothing",
          "[events][postgresql]") {
    test::PostgresCluster cluster;
    test::TempDir dir;
    // Each replica has its own journal; 200 events both send (a client retrying through the proxy
    // on the other replica), 500 of their own with ids the store makes.
    auto replica = [&](const std::string& name) {
        PostgresEventStore store(cluster.uri(),
                                 {.journal = dir / name, .flush_interval = std::chrono::milliseconds(1)});
        const auto at = now_ms();
        for (int i = 0; i < 700; ++i) {
            Event event = search_event(i < 200 ? "both-" + std::to_string(i) : "", name, at);
            store.record(event);
        }
        store.flush();
    };
    std::thread first(replica, "replica-1");
    std::thread second(replica, "replica-2");
    first.join();
    second.join();
    CHECK(counts(cluster) == "1200|1200\n");
    CHECK(cluster.sql("SELECT count(*) FROM anticipa_events WHERE id LIKE 'both-%'") == "200\n");
}

TEST_CASE("PostgresEventStore: events accepted while the database is down are written when it is back",
          "[events][postgresql]") {
    test::PostgresCluster cluster;
    test::TempDir dir;
    const auto at = now_ms();

    SECTION("the store keeps running: its writer retries until the database is back") {
        PostgresEventStore store(cluster.uri(), journal_in(dir));
        store.record(search_event("before", "q", at));
        store.flush();
        cluster.stop();
        for (int i = 0; i < 100; ++i) store.record(search_event("down-" + std::to_string(i), "q", at));
        // Accepted (journaled) at once, though nothing can be written.
        CHECK(store.stats().accepted == 101);
        CHECK(store.stats().dropped == 0);
        CHECK_THROWS(store.flush());
        CHECK(store.stats().written == 1);
        CHECK_FALSE(journal_files(dir.path()).empty());
        cluster.start();
        store.record(search_event("after", "q", at));
        store.flush();  // the kept journals first, then the new batch
        CHECK(counts(cluster) == "102|102\n");
    }
    SECTION("the store is closed while the database is down: the next start replays its journal") {
        cluster.stop();
        {
            PostgresEventStore store(cluster.uri(), journal_in(dir));  // starts though it cannot connect
            for (int i = 0; i < 100; ++i) store.record(search_event("down-" + std::to_string(i), "q", at));
            CHECK(store.stats().accepted == 100);
        }
        CHECK_FALSE(journal_files(dir.path()).empty());
        cluster.start();
        { PostgresEventStore restarted(cluster.uri(), journal_in(dir)); }
        CHECK(counts(cluster) == "100|100\n");
        CHECK(journal_files(dir.path()).empty());
    }
    SECTION("a store started while the database is down, then a second start while it is still down") {
        cluster.stop();
        {
            PostgresEventStore store(cluster.uri(), journal_in(dir));
            store.record(search_event("first-run", "q", at));
        }
        {
            PostgresEventStore store(cluster.uri(), journal_in(dir));  // the first run's journal is kept aside
            store.record(search_event("second-run", "q", at));
        }
        cluster.start();
        { PostgresEventStore restarted(cluster.uri(), journal_in(dir)); }
        CHECK(counts(cluster) == "2|2\n");
    }
}

TEST_CASE("PostgresEventStore: a kill -9 right after record() loses no accepted event", "[events][postgresql]") {
    test::PostgresCluster cluster;
    test::TempDir dir;
    const int sent = 2000;
    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        try {
            PostgresEventStore store(
                cluster.uri(), {.journal = dir / "events-postgresql", .flush_interval = std::chrono::milliseconds(1)});
            for (int i = 0; i < sent; ++i) store.record(search_event("", "query " + std::to_string(i)));
            kill(getpid(), SIGKILL);
        } catch (...) {
            _exit(3);
        }
        _exit(5);
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE(WIFSIGNALED(status));
    { PostgresEventStore restarted(cluster.uri(), journal_in(dir)); }
    CHECK(counts(cluster) == std::to_string(sent) + "|" + std::to_string(sent) + "\n");
}

TEST_CASE("PostgresEventStore: retention deletes events older than retention_days at open", "[events][postgresql]") {
    test::PostgresCluster cluster;
    test::TempDir dir;
    {
        PostgresEventStore store(cluster.uri(), journal_in(dir));
        store.record(search_event("old", "q", now_ms() - std::chrono::hours(24 * 10)));
        store.record(search_event("new", "q"));
    }
    { PostgresEventStore store(cluster.uri(), {.journal = dir / "events-postgresql", .retention_days = 5}); }
    CHECK(cluster.sql("SELECT string_agg(id, ',') FROM anticipa_events") == "new\n");
}
