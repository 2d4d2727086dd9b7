#include "events/event_sink.h"

namespace anticipa::events {

void MemoryEventSink::record(Event event) {
    std::lock_guard lock(mutex_);
    events_.push_back(std::move(event));
    if (events_.size() > capacity_) {
        events_.pop_front();
        ++dropped_;
    }
}

std::vector<Event> MemoryEventSink::events() const {
    std::lock_guard lock(mutex_);
    return {events_.begin(), events_.end()};
}

std::uint64_t MemoryEventSink::dropped() const {
    std::lock_guard lock(mutex_);
    return dropped_;
}

SinkStats MemoryEventSink::stats() const {
    std::lock_guard lock(mutex_);
    return {events_.size() + dropped_, 0, dropped_};
}

}  // namespace anticipa::events
