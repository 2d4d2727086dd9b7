// Events stage (internal): the database a journaled store moves its events into. SQLite on one
// machine, PostgreSQL for several; the journal, the queue and the writer thread do not care which.
#pragma once

#include "events/event.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>

namespace anticipa::events {

/// The next event, or nullptr after the last one.
using EventSource = std::function<const Event*()>;

/// Thrown when the database cannot be reached right now (a server down, a dropped connection):
/// the events stay in their journal and are written once it is back. Any other error is a real
/// problem with the database (a newer schema, a full disk) and is reported as such.
struct DatabaseUnavailable : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Used by one writer thread at a time; never by the request path.
class EventDatabase {
  public:
    virtual ~EventDatabase() = default;

    /// Inserts every event in one transaction; an event id already there is left as it is, so a
    /// replay changes nothing. Returns how many it was given. Throws, having committed nothing,
    /// when it cannot. The events come from the writer's queue as they were accepted, or from a
    /// journal's lines read back (replay_journal()).
    virtual std::uint64_t insert_events(const EventSource& next_event) = 0;

    /// Deletes the events that happened before `cutoff` (retention).
    virtual void delete_before(std::chrono::system_clock::time_point cutoff) = 0;
};

}  // namespace anticipa::events
