// Events stage: where events go. One small interface, so the embedded store, a shared database
// or a test's in-memory list can stand behind the server alike.
#pragma once

#include "events/event.h"

#include <cstdint>
#include <deque>
#include <mutex>
#include <vector>

namespace anticipa::events {

/// What a sink did with the events it was given, for /metrics.
struct SinkStats {
    std::uint64_t accepted = 0;  ///< taken, and kept from then on (journaled, for a store)
    std::uint64_t written = 0;   ///< in the store's database
    std::uint64_t dropped = 0;   ///< refused or pushed out because the sink could not keep up
};

class EventSink {
  public:
    virtual ~EventSink() = default;
    /// Accepts an event; must not block the request path on the disk. Thread-safe.
    virtual void record(Event event) = 0;
    virtual SinkStats stats() const = 0;
};

/// Keeps the latest events in memory: for tests, and for a server started without an events
/// store. Bounded, so a long-running server does not grow with its traffic; the oldest go first.
class MemoryEventSink : public EventSink {
  public:
    explicit MemoryEventSink(std::size_t capacity = 100000) : capacity_(capacity) {}
    void record(Event event) override;
    std::vector<Event> events() const;  ///< a copy, oldest first
    std::uint64_t dropped() const;      ///< events pushed out by newer ones
    SinkStats stats() const override;

  private:
    mutable std::mutex mutex_;
    std::size_t capacity_;
    std::deque<Event> events_;
    std::uint64_t dropped_ = 0;
};

}  // namespace anticipa::events
