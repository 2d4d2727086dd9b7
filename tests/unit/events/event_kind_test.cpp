// Events stage: the event vocabulary, written once (events/event_kind.h): kinds and sources.
#include "events/event_kind.h"

#include <catch2/catch.hpp>

using namespace anticipa;

TEST_CASE("Event kinds: every name reads back as its kind; customers report all but searches", "[events][unit]") {
    struct Case {
        events::EventKind kind;
        const char* name;
        bool reaction;
    };
    const Case cases[] = {{events::EventKind::SEARCH, "search", false},
                          {events::EventKind::CLICK, "click", true},
                          {events::EventKind::HELPFUL, "helpful", true},
                          {events::EventKind::NOT_HELPFUL, "not_helpful", true},
                          {events::EventKind::ESCALATE, "escalate", true}};
    for (const auto& c : cases) {
        CAPTURE(c.name);
        CHECK(std::string(events::to_string(c.kind)) == c.name);
        CHECK(events::kind_named(c.name) == c.kind);
        CHECK(events::reaction_kind_named(c.name).has_value() == c.reaction);
    }
    for (const char* unknown : {"", "Click", "clicks", "not-helpful", "unknown"}) {
        CAPTURE(unknown);
        CHECK_FALSE(events::kind_named(unknown));
        CHECK_FALSE(events::reaction_kind_named(unknown));
    }
}

TEST_CASE("Event sources: the surfaces an event comes from, listed once for checks and messages", "[events][unit]") {
    for (const char* source : {"search", "suggest", "deflect", "context", "page"}) {
        CAPTURE(source);
        CHECK(events::is_event_source(source));
        CHECK(events::event_sources_listed().find(source) != std::string::npos);
    }
    for (const char* unknown : {"", "Search", "widget", "elsewhere", "page "}) {
        CAPTURE(unknown);
        CHECK_FALSE(events::is_event_source(unknown));
    }
    CHECK(events::event_sources_listed() == "search, suggest, deflect, context or page");
}
