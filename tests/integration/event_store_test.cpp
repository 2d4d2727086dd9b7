// Events stage: the SQLite events store on a real file in a temporary folder: every field comes
// back, nothing accepted is lost to a kill -9, concurrent writers and overload are counted right,
// and the schema version guards the file.
#include "events/event_store.h"
#include "support/stored_events.h"
#include "support/temp_dir.h"

#include <sqlite3.h>
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace anticipa;
using Catch::Matchers::Contains;
using events::Event;
using events::EventKind;
using test::now_ms;
using events::EventStoreOptions;
using events::SqliteEventStore;
using std::chrono::system_clock;

namespace {

Event search_event(const std::string& query, system_clock::time_point at = now_ms()) {
    Event event;
    event.kind = EventKind::SEARCH;
    event.search_id = "s-" + query;
    event.at = at;
    event.locale = "en";
    event.query = query;
    return event;
}

std::vector<Event> all_events(const std::filesystem::path& database) {
    return events::read_events(database, system_clock::time_point::min(), system_clock::time_point::max());
}

std::set<std::string> ids_of(const std::vector<Event>& events) {
    std::set<std::string> ids;
    for (const Event& event : events) ids.insert(event.event_id);
    return ids;
}

std::vector<std::filesystem::path> journal_files(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> journals;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() == ".jsonl") journals.push_back(entry.path());
    }
    return journals;
}

// What `kill -9` does to a server right after it answered: no destructor, no flush, no exit handlers.
[[noreturn]] void die_by_sigkill() {
    kill(getpid(), SIGKILL);
    _exit(4);  // not reached
}

// Runs `body` in a forked child; the body must end by calling die_by_sigkill() while its store is
// still open (a store that goes out of scope first would be closed cleanly, proving nothing).
void run_in_child_killed(const std::function<void()>& body) {
    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        try {
            body();
        } catch (...) {
            _exit(3);
        }
        _exit(5);  // the body returned without dying: the parent's checks fail
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE(WIFSIGNALED(status));
    REQUIRE(WTERMSIG(status) == SIGKILL);
}

void set_schema_version(const std::filesystem::path& database, int version) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(database.c_str(), &db) == SQLITE_OK);
    std::string sql = "PRAGMA user_version = " + std::to_string(version);
    CHECK(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
}

}  // namespace

TEST_CASE("SqliteEventStore: every field of an event comes back from read_events",
          "[events][event_store][integration]") {
    test::TempDir dir;
    auto database = dir / "events.db";
    const Event sent = test::every_field_event("redefinir senha 重置密码");
    {
        SqliteEventStore store({.path = database});
        store.record(sent);
    }

    auto stored = events::read_events(database, sent.at, sent.at + std::chrono::milliseconds(1));
    REQUIRE(stored.size() == 1);
    const Event& got = stored.front();
    CHECK(got.query == sent.query);
    test::check_every_field_but_query(got, sent);
}

TEST_CASE("SqliteEventStore: quotes, control characters and invalid UTF-8 survive the journal",
          "[events][event_store][integration]") {
    test::TempDir dir;
    auto database = dir / "events.db";
    Event sent = search_event("say \"hi\" \\ back\tslash\nnext line \x01 end");
    sent.shown = {"with \"quote\"", "中文"};
    Event broken = search_event("caf\xe9 au lait");  // Latin-1, not UTF-8
    Event broken_comment = search_event("ok");
    broken_comment.comment = "ol\xe9 \xff";
    // All go through the journal: two inserted by the writer as accepted, one replayed from its
    // line after a kill -9. Invalid UTF-8 is repaired the same way on both paths.
    {
        SqliteEventStore store({.path = database});
        store.record(sent);
        store.record(broken_comment);
    }
    run_in_child_killed([&] {
        SqliteEventStore store({.path = database, .flush_interval = std::chrono::hours(1)});
        store.record(broken);
        die_by_sigkill();
    });
    { SqliteEventStore reopened({.path = database}); }

    auto stored = all_events(database);
    REQUIRE(stored.size() == 3);
    CHECK(stored[0].query == sent.query);
    CHECK(stored[0].shown == sent.shown);
    CHECK(stored[1].comment == "ol\xEF\xBF\xBD \xEF\xBF\xBD");
    CHECK(stored[2].query == "caf\xEF\xBF\xBD au lait");  // U+FFFD, so the line stays valid JSON
}

TEST_CASE("SqliteEventStore: assigns unique ids and reads a time window oldest first",
          "[events][event_store][integration]") {
    test::TempDir dir;
    auto database = dir / "events.db";
    auto base = now_ms() - std::chrono::hours(1);
    {
        SqliteEventStore store({.path = database});
        store.record(search_event("third", base + std::chrono::seconds(2)));
        store.record(search_event("first", base));
        store.record(search_event("second", base + std::chrono::seconds(1)));
    }

    auto all = all_events(database);
    REQUIRE(all.size() == 3);
    CHECK(all[0].query == "first");
    CHECK(all[1].query == "second");
    CHECK(all[2].query == "third");
    CHECK(ids_of(all).size() == 3);
    CHECK(all[0].event_id.size() == 32);

    SECTION("since is included, until is not") {
        auto window = events::read_events(database, base + std::chrono::seconds(1), base + std::chrono::seconds(2));
        REQUIRE(window.size() == 1);
        CHECK(window[0].query == "second");
    }
    SECTION("for_each_event visits the same events") {
        std::vector<std::string> queries;
        events::for_each_event(database, base, base + std::chrono::hours(1),
                               [&](Event&& event) { queries.push_back(event.query); });
        CHECK(queries == std::vector<std::string>{"first", "second", "third"});
    }
}

TEST_CASE("SqliteEventStore: events survive closing and reopening, and the journal goes",
          "[events][event_store][integration]") {
    test::TempDir dir;
    auto database = dir / "events.db";
    {
        SqliteEventStore store({.path = database});
        store.record(search_event("one"));
        store.record(search_event("two"));
    }
    CHECK(all_events(database).size() == 2);
    CHECK(journal_files(dir.path()).empty());
    {
        SqliteEventStore store({.path = database});
        store.record(search_event("three"));
    }
    CHECK(all_events(database).size() == 3);
    CHECK(journal_files(dir.path()).empty());
}

TEST_CASE("SqliteEventStore: after flush() a read-only reader sees the events while the store is open",
          "[events][event_store][integration]") {
    test::TempDir dir;
    auto database = dir / "events.db";
    SqliteEventStore store({.path = database, .flush_interval = std::chrono::hours(1)});
    store.record(search_event("one"));
    store.record(search_event("two"));
    store.flush();

    CHECK(all_events(database).size() == 2);
    auto stats = store.stats();
    CHECK(stats.accepted == 2);
    CHECK(stats.written == 2);
    CHECK(stats.dropped == 0);

    store.record(search_event("three"));
    store.flush();
    CHECK(all_events(database).size() == 3);
}

TEST_CASE("SqliteEventStore: a kill -9 right after record() loses no accepted event",
          "[events][event_store][integration]") {
    test::TempDir dir;
    auto database = dir / "events.db";
    // An hour: nothing reaches SQLite before the kill, all comes from the journal. A millisecond:
    // the kill lands among writer cycles, with batches committed, rotated or still queued.
    auto interval = GENERATE(std::chrono::milliseconds(std::chrono::hours(1)), std::chrono::milliseconds(1));
    // Several threads: their lines are appended side by side while the writer swaps journals.
    const int threads = GENERATE(1, 4);
    const int per_thread = (interval > std::chrono::seconds(1) ? 500 : 3000) / threads;
    const int sent = threads * per_thread;
    CAPTURE(interval.count(), threads, sent);

    run_in_child_killed([&] {
        SqliteEventStore store({.path = database, .flush_interval = interval});
        std::vector<std::thread> recording;
        for (int t = 0; t < threads; ++t) {
            recording.emplace_back([&store, t, per_thread] {
                for (int i = 0; i < per_thread; ++i)
                    store.record(search_event("thread " + std::to_string(t) + " query " + std::to_string(i)));
            });
        }
        for (auto& thread : recording) thread.join();
        die_by_sigkill();
    });
    REQUIRE_FALSE(journal_files(dir.path()).empty());  // the child's store was never closed

    {
        SqliteEventStore reopened({.path = database});  // replays what the child left
        auto replayed = all_events(database);
        CHECK(replayed.size() == static_cast<std::size_t>(sent));
        CHECK(ids_of(replayed).size() == static_cast<std::size_t>(sent));
    }
    CHECK(all_events(database).size() == static_cast<std::size_t>(sent));
    CHECK(journal_files(dir.path()).empty());
}

TEST_CASE("SqliteEventStore: a journal line torn by a crash is skipped on replay",
          "[events][event_store][integration]") {
    test::TempDir dir;
    auto database = dir / "events.db";
    run_in_child_killed([&] {
        SqliteEventStore store({.path = database, .flush_interval = std::chrono::hours(1)});
        for (int i = 0; i < 3; ++i) store.record(search_event("query " + std::to_string(i)));
        die_by_sigkill();
    });
    auto journals = journal_files(dir.path());
    REQUIRE(journals.size() == 1);
    {
        std::ofstream journal(journals.front(), std::ios::app | std::ios::binary);
        journal << R"({"id":"torn","kind":"search","at_ms":17000000)";  // no closing brace, no newline
    }

    { SqliteEventStore reopened({.path = database}); }
    auto stored = all_events(database);
    CHECK(stored.size() == 3);
    CHECK(ids_of(stored).count("torn") == 0);
}

TEST_CASE("SqliteEventStore: eight threads recording at once store every event exactly once",
          "[events][event_store][integration]") {
    test::TempDir dir;
    auto database = dir / "events.db";
    constexpr int THREADS = 8;
    constexpr int PER_THREAD = 500;
    {
        SqliteEventStore store({.path = database, .flush_interval = std::chrono::milliseconds(1)});
        std::vector<std::thread> threads;
        for (int t = 0; t < THREADS; ++t) {
            threads.emplace_back([&store, t] {
                for (int i = 0; i < PER_THREAD; ++i) {
                    store.record(search_event("thread " + std::to_string(t) + " event " + std::to_string(i)));
                }
            });
        }
        for (auto& thread : threads) thread.join();
        store.flush();
        auto stats = store.stats();
        CHECK(stats.accepted == THREADS * PER_THREAD);
        CHECK(stats.written == THREADS * PER_THREAD);
        CHECK(stats.dropped == 0);
    }
    auto stored = all_events(database);
    CHECK(stored.size() == THREADS * PER_THREAD);
    CHECK(ids_of(stored).size() == THREADS * PER_THREAD);
    std::set<std::string> queries;
    for (const Event& event : stored) queries.insert(event.query);
    CHECK(queries.size() == THREADS * PER_THREAD);
}

TEST_CASE("SqliteEventStore: past max_pending events are dropped and counted, the rest stored",
          "[events][event_store][integration]") {
    test::TempDir dir;
    auto database = dir / "events.db";
    constexpr std::uint64_t SENT = 50;
    events::SinkStats stats;
    {
        SqliteEventStore store({.path = database, .max_pending = 4, .flush_interval = std::chrono::hours(1)});
        for (std::uint64_t i = 0; i < SENT; ++i) store.record(search_event("query " + std::to_string(i)));
        stats = store.stats();
    }
    CHECK(stats.accepted + stats.dropped == SENT);
    CHECK(stats.dropped > 0);
    CHECK(all_events(database).size() == stats.accepted);
}

TEST_CASE("SqliteEventStore: scrubs personal data from queries and comments",
          "[events][event_store][pii][integration]") {
    test::TempDir dir;
    auto database = dir / "events.db";
    {
        SqliteEventStore store({.path = database});
        Event event = search_event("my email is ana@example.com");
        event.kind = EventKind::NOT_HELPFUL;
        event.comment = "call me at +55 11 91234-5678, card 4111 1111 1111 1111";
        store.record(event);
    }
    auto stored = all_events(database);
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].query == "my email is [email]");
    CHECK(stored[0].comment == "call me at [phone], card [card]");
    for (const auto& journal : journal_files(dir.path())) {
        CHECK_THAT(test::read_file(journal), !Contains("ana@example.com"));
    }
}

TEST_CASE("SqliteEventStore: a database from a newer schema is refused with the file named",
          "[events][event_store][integration]") {
    test::TempDir dir;
    auto database = dir / "events.db";
    { SqliteEventStore store({.path = database}); }
    const int newer = events::event_schema_version() + 1;
    set_schema_version(database, newer);

    const std::string ours = std::to_string(events::event_schema_version());
    CHECK_THROWS_WITH(SqliteEventStore({.path = database}),
                      Contains(database.string()) && Contains(std::to_string(newer)) && Contains(ours));
    CHECK_THROWS_WITH(all_events(database),
                      Contains(database.string()) && Contains(std::to_string(newer)) && Contains(ours));
}

TEST_CASE("SqliteEventStore: retention deletes events older than retention_days at open",
          "[events][event_store][integration]") {
    test::TempDir dir;
    auto database = dir / "events.db";
    auto now = now_ms();
    {
        SqliteEventStore store({.path = database});
        store.record(search_event("ten days ago", now - std::chrono::hours(24 * 10)));
        store.record(search_event("yesterday", now - std::chrono::hours(24)));
    }
    REQUIRE(all_events(database).size() == 2);

    { SqliteEventStore store({.path = database, .retention_days = 5}); }
    auto kept = all_events(database);
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].query == "yesterday");
}

TEST_CASE("SqliteEventStore: a second writer on the same database is refused", "[events][event_store][integration]") {
    test::TempDir dir;
    auto database = dir / "events.db";
    SqliteEventStore first({.path = database});
    CHECK_THROWS_WITH(SqliteEventStore({.path = database}), Contains(database.string()));
}

TEST_CASE("read_events: a missing database says how to get one", "[events][event_store][integration]") {
    test::TempDir dir;
    auto missing = dir / "missing.db";
    CHECK_THROWS_WITH(all_events(missing), Contains(missing.string()) && Contains("no events database"));
}

TEST_CASE("default_events_path: ANTICIPA_EVENTS, else events.db in the current folder",
          "[events][event_store][integration]") {
    const char* before = std::getenv("ANTICIPA_EVENTS");
    std::string saved = before ? before : "";

    unsetenv("ANTICIPA_EVENTS");
    CHECK(events::default_events_path() == "events.db");
    setenv("ANTICIPA_EVENTS", "", 1);
    CHECK(events::default_events_path() == "events.db");
    setenv("ANTICIPA_EVENTS", "/var/lib/anticipa/events.db", 1);
    CHECK(events::default_events_path() == "/var/lib/anticipa/events.db");

    if (before) {
        setenv("ANTICIPA_EVENTS", saved.c_str(), 1);
    } else {
        unsetenv("ANTICIPA_EVENTS");
    }
}
