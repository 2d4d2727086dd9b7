// Events stage (internal): "accepted means stored", once for every database. record() scrubs an
// event, appends it as one JSON line to a local journal and queues it; a writer thread moves each
// queue into the database in one transaction, off the request path. A batch the database could
// not take keeps its journal file and is retried each cycle; a restart replays what is left.
#pragma once

#include "events/event_database.h"
#include "events/event_sink.h"

#include <chrono>
#include <filesystem>
#include <memory>

namespace anticipa::events {

struct JournaledStoreOptions {
    std::filesystem::path journal;     ///< journal files are named after it: `<journal>-journal.jsonl`
    std::size_t max_pending = 200000;  ///< accepted but not yet taken by the writer; past this, drop and count
    std::chrono::milliseconds flush_interval{250};
    int retention_days = 0;  ///< events older than this are deleted; 0 keeps all
};

/// Queries and comments are scrubbed of personal data (pii_scrubber.h) before they are journaled.
/// Thread-safe.
class JournaledEventStore : public EventSink {
  public:
    /// Takes the journal's writer lock, replays the journals a previous run left (those the
    /// database cannot take now, being unavailable, stay for the writer to retry) and starts the
    /// writer. Throws naming the file when the journal cannot be used or the replay fails.
    JournaledEventStore(JournaledStoreOptions options, std::unique_ptr<EventDatabase> database);
    ~JournaledEventStore() override;  ///< writes what it can of everything accepted, then stops

    void record(Event event) override;
    SinkStats stats() const override;

    /// Returns once the writer has tried everything accepted so far; throws the database's
    /// problem when it could not write it (the events then stay in the journal).
    void flush();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace anticipa::events
