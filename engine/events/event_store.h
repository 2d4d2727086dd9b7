// Events stage: the embedded store. Events are accepted on the request path by appending them to
// a journal file (one write(2), no fsync: the kernel keeps the bytes if the process dies), and a
// writer thread moves them into SQLite (WAL) in batches, off the request path. On start the store
// replays whatever journal a crash left behind; event ids make the replay idempotent.
#pragma once

#include "events/event_sink.h"

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
/// (see pii_scrubber.h) before they are journaled. Thread-safe.
class SqliteEventStore : public EventSink {
  public:
    /// Opens or creates the database, migrates its schema, replays a left-over journal and starts
    /// the writer. Throws std::runtime_error naming the file when it cannot.
    explicit SqliteEventStore(EventStoreOptions options);
    ~SqliteEventStore() override;  ///< writes everything accepted, then stops the writer

    void record(Event event) override;
    SinkStats stats() const override;
    void flush();  ///< returns once everything accepted so far is in SQLite

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// The schema version this build writes and reads (PRAGMA user_version).
int event_schema_version();

/// Reads the events with since <= at < until, oldest first, through a read-only connection that
/// is safe while a server writes. Throws std::runtime_error naming the file when it cannot be read
/// or was written by a newer schema.
std::vector<Event> read_events(const std::filesystem::path& path, std::chrono::system_clock::time_point since,
                               std::chrono::system_clock::time_point until);

/// The same, one event at a time, for logs too large to hold (a million events and up).
void for_each_event(const std::filesystem::path& path, std::chrono::system_clock::time_point since,
                    std::chrono::system_clock::time_point until, const std::function<void(Event&&)>& visit);

}  // namespace anticipa::events
