// Events stage: the in-memory sink (tests, a server without an events store) stays bounded.
#include "events/event_sink.h"

#include <catch2/catch.hpp>

#include <string>

using namespace anticipa;

TEST_CASE("MemoryEventSink: keeps the latest events up to its capacity", "[events][unit]") {
    events::MemoryEventSink sink(3);
    for (int i = 0; i < 5; ++i) {
        events::Event event;
        event.query = std::to_string(i);
        sink.record(event);
    }
    auto kept = sink.events();
    REQUIRE(kept.size() == 3);
    CHECK(kept.front().query == "2");
    CHECK(kept.back().query == "4");
    CHECK(sink.dropped() == 2);
}
