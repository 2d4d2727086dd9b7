// Events stage: where events go. One small interface, so the embedded store, a shared database
// or a test's in-memory list can stand behind the server alike.
#pragma once

#include "events/event.h"

#include <mutex>
#include <vector>

namespace anticipa::events {

class EventSink {
  public:
    virtual ~EventSink() = default;
    /// Accepts an event; must not block the request path on the disk. Thread-safe.
    virtual void record(Event event) = 0;
};

/// Keeps events in memory: for tests, and for a server started without an events store.
class MemoryEventSink : public EventSink {
  public:
    void record(Event event) override;
    std::vector<Event> events() const;  ///< a copy, in the order they were recorded

  private:
    mutable std::mutex mutex_;
    std::vector<Event> events_;
};

}  // namespace anticipa::events
