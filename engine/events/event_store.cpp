// Events stage: the embedded events store, SQLite behind the journaled store, and the one place an
// events location (a file or a PostgreSQL URI) is told apart, for writing and for reading.
//
// The pieces, each in its own file: the journal and its writer (journaled_store.h, event_journal.h),
// the JSON line of an event (event_line.h), the table and its migrations (event_schema.h), SQLite
// (sqlite_connection.h) and PostgreSQL (postgres_event_store.h).
#include "events/event_store.h"

#include "events/event_line.h"
#include "events/event_schema.h"
#include "events/postgres_connection.h"
#include "events/postgres_event_store.h"
#include "events/sqlite_connection.h"

#include <cstdlib>
#include <optional>

namespace anticipa::events {
namespace {

namespace fs = std::filesystem;

/// The SQLite file behind a SqliteEventStore, used by its writer thread alone.
class SqliteEventDatabase : public EventDatabase {
  public:
    explicit SqliteEventDatabase(const fs::path& path) : db_(path, OpenMode::READ_WRITE_CREATE) {
        migrate(db_);
        // 64 MiB of page cache instead of SQLite's 2: each insert also goes into two indexes of
        // random keys (`id`, `search_id`), whose pages were read back from the kernel on almost
        // every insert once the file outgrew 2 MiB. Under tools/eventsbench.sh's search load the
        // writer stored 19,100-19,400 events/s before and 22,000-23,200 after, nearly what the
        // request path accepts. The cache grows only as pages are used.
        db_.execute("PRAGMA cache_size=-65536", "cannot set the page cache");
        insert_.emplace(db_, INSERT_EVENT_SQL);
    }

    std::uint64_t insert_events(const EventSource& next_event) override {
        return events::insert_events(db_, *insert_, next_event);
    }

    void delete_before(std::chrono::system_clock::time_point cutoff) override {
        Statement remove(db_, "DELETE FROM events WHERE at_ms < ?1");
        remove.bind(1, to_ms(cutoff));
        remove.step();
    }

  private:
    Connection db_;
    std::optional<Statement> insert_;
};

JournaledStoreOptions journaled(const EventStoreOptions& options, const fs::path& journal) {
    return {.journal = journal,
            .max_pending = options.max_pending,
            .flush_interval = options.flush_interval,
            .retention_days = options.retention_days};
}

void for_each_sqlite_event(const fs::path& path, std::chrono::system_clock::time_point since,
                           std::chrono::system_clock::time_point until, const std::function<void(Event&&)>& visit) {
    std::error_code error;
    if (!fs::exists(path, error)) {
        throw file_error(path, "no events database (start `anticipa serve` first, or pass --events)");
    }
    // Read-only: WAL lets it read the last commit while a server keeps writing.
    Connection db(path, OpenMode::READ_ONLY);
    require_latest_schema(db);
    Statement select(db, SELECT_EVENTS_SQL);
    select.bind(1, to_ms(since));
    select.bind(2, to_ms(until));
    while (select.step()) visit(event_from_row(select, path));
}

}  // namespace

SqliteEventStore::SqliteEventStore(const EventStoreOptions& options)
    : JournaledEventStore(journaled(options, options.path), std::make_unique<SqliteEventDatabase>(options.path)) {}

std::filesystem::path default_events_path() {
    const char* configured = std::getenv("ANTICIPA_EVENTS");
    return configured && *configured ? fs::path(configured) : fs::path("events.db");
}

int event_schema_version() {
    return latest_schema_version();
}

bool is_postgresql_uri(const std::string& location) {
    return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

void check_events_location(const std::string& location) {
    if (is_postgresql_uri(location)) check_postgresql_uri(location);
}

std::string shown_events_location(const std::string& location) {
    return is_postgresql_uri(location) ? redacted_uri(location) : location;
}

fs::path default_postgres_journal() {
    return "events-postgresql";
}

std::unique_ptr<EventSink> open_events_store(const EventStoreOptions& options, const fs::path& journal) {
    if (!is_postgresql_uri(options.path.string())) return std::make_unique<SqliteEventStore>(options);
    return std::make_unique<PostgresEventStore>(options.path.string(), journaled(options, journal));
}

void for_each_event(const fs::path& location, std::chrono::system_clock::time_point since,
                    std::chrono::system_clock::time_point until, const std::function<void(Event&&)>& visit) {
    if (is_postgresql_uri(location.string())) return for_each_postgres_event(location.string(), since, until, visit);
    for_each_sqlite_event(location, since, until, visit);
}

std::vector<Event> read_events(const fs::path& location, std::chrono::system_clock::time_point since,
                               std::chrono::system_clock::time_point until) {
    std::vector<Event> events;
    for_each_event(location, since, until, [&](Event&& event) { events.push_back(std::move(event)); });
    return events;
}

}  // namespace anticipa::events
