// Events stage: events of several machines in one PostgreSQL database. Each replica accepts events
// as the embedded store does, into a journal of its own (journaled_store.h), and its writer thread
// moves them into the shared table; event ids (128 random bits) make a replay, or two replicas
// sending the same event, insert it once. A database that is down costs nothing on the request
// path: the events wait in the journal, and the writer retries until it is back.
#pragma once

#include "events/journaled_store.h"

#include <chrono>
#include <functional>
#include <string>

namespace anticipa::events {

/// The shared store. Thread-safe; flush() returns once everything accepted so far is in the
/// database, or throws when it could not be written (the events then wait in the journal).
class PostgresEventStore : public JournaledEventStore {
  public:
    /// Checks the URI (std::invalid_argument with libpq's reason when it is malformed), connects
    /// and migrates the schema (std::runtime_error naming the database when it was written by a
    /// newer build), replays what the journal at options.journal holds and starts the writer. A
    /// database that cannot be reached now is said once on stderr and tried again each cycle.
    PostgresEventStore(const std::string& uri, JournaledStoreOptions options);
};

/// The events with since <= at < until, oldest first, row by row. Throws std::runtime_error
/// naming the database (its password left out) when it cannot be read or was written by a newer
/// schema; std::invalid_argument when the URI is malformed.
void for_each_postgres_event(const std::string& uri, std::chrono::system_clock::time_point since,
                             std::chrono::system_clock::time_point until, const std::function<void(Event&&)>& visit);

}  // namespace anticipa::events
