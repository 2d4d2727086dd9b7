// Events stage: the embedded store. Events are accepted on the request path by appending them to
// a journal file (one write(2), no fsync: the kernel keeps the bytes if the process dies), and a
// writer thread moves them into SQLite (WAL) in batches, off the request path (journaled_store.h).
// On start the store replays whatever journal a crash left behind; event ids make the replay
// idempotent. Several machines share one PostgreSQL database instead (postgres_event_store.h);
// the functions here that take an events location accept either.
#pragma once

#include "events/event_sink.h"
#include "events/journaled_store.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace anticipa::events {

/// Where `anticipa serve` writes events and `anticipa gaps` reads them when neither is told
/// otherwise (ANTICIPA_EVENTS overrides it): relative to the current folder, like `index`.
std::filesystem::path default_events_path();

struct EventStoreOptions {
    std::filesystem::path path;        ///< the SQLite file; its journal sits beside it
    std::size_t max_pending = 200000;  ///< accepted but not yet in SQLite; past this, drop and count
    std::chrono::milliseconds flush_interval{250};
    int retention_days = 0;  ///< events older than this are deleted; 0 keeps all
};

/// The default EventSink of `anticipa serve`. Queries and comments are scrubbed of personal data
/// (see pii_scrubber.h) before they are journaled. Thread-safe; flush() returns once everything
/// accepted so far is in SQLite; the destructor writes everything accepted, then stops the writer.
class SqliteEventStore : public JournaledEventStore {
  public:
    /// Opens or creates the database, migrates its schema, replays a left-over journal and starts
    /// the writer. Throws std::runtime_error naming the file when it cannot.
    explicit SqliteEventStore(const EventStoreOptions& options);
};

/// The schema version this build writes and reads (PRAGMA user_version).
int event_schema_version();

/// True for a libpq connection URI (`postgresql://...` or `postgres://...`): an events location
/// that is not a file.
bool is_postgresql_uri(const std::string& location);

/// Throws std::invalid_argument with libpq's reason when `location` is a PostgreSQL URI libpq
/// cannot parse; a file path is always accepted (it is opened later, and that error names it).
void check_events_location(const std::string& location);

/// The location as messages show it: a URI with its password left out.
std::string shown_events_location(const std::string& location);

/// Where the PostgreSQL store journals what it accepted when neither `--events-journal` nor
/// `events.journal` says: `events-postgresql` in the current folder (one per replica).
std::filesystem::path default_postgres_journal();

/// The store `anticipa serve` writes to: SQLite at options.path, or PostgreSQL when options.path
/// is a connection URI (its journal then at `journal`, a file name this replica alone uses).
std::unique_ptr<EventSink> open_events_store(const EventStoreOptions& options, const std::filesystem::path& journal);

/// Reads the events with since <= at < until, oldest first, from a SQLite file (through a
/// read-only connection that is safe while a server writes) or a PostgreSQL URI: the one reading
/// side of `anticipa gaps`, /admin and whatever else learns from events. Throws
/// std::runtime_error naming the file or database when it cannot be read or was written by a
/// newer schema.
std::vector<Event> read_events(const std::filesystem::path& location, std::chrono::system_clock::time_point since,
                               std::chrono::system_clock::time_point until);

/// The same, one event at a time, for logs too large to hold (a million events and up).
void for_each_event(const std::filesystem::path& location, std::chrono::system_clock::time_point since,
                    std::chrono::system_clock::time_point until, const std::function<void(Event&&)>& visit);

}  // namespace anticipa::events
