#include "events/event_kind.h"

#include <iterator>

namespace anticipa::events {

namespace {

constexpr EventKind ALL_KINDS[] = {EventKind::SEARCH, EventKind::CLICK, EventKind::HELPFUL, EventKind::NOT_HELPFUL,
                                   EventKind::ESCALATE};

constexpr std::string_view ALL_SOURCES[] = {"search", "suggest", "deflect", "context", "page"};

}  // namespace

const char* to_string(EventKind kind) {
    switch (kind) {
        case EventKind::SEARCH:
            return "search";
        case EventKind::CLICK:
            return "click";
        case EventKind::HELPFUL:
            return "helpful";
        case EventKind::NOT_HELPFUL:
            return "not_helpful";
        case EventKind::ESCALATE:
            return "escalate";
    }
    return "unknown";
}

std::optional<EventKind> kind_named(std::string_view name) {
    for (EventKind kind : ALL_KINDS) {
        if (name == to_string(kind)) return kind;
    }
    return std::nullopt;
}

std::optional<EventKind> reaction_kind_named(std::string_view name) {
    auto kind = kind_named(name);
    if (kind == EventKind::SEARCH) return std::nullopt;
    return kind;
}

bool is_event_source(std::string_view source) {
    for (std::string_view known : ALL_SOURCES)
        if (source == known) return true;
    return false;
}

std::string event_sources_listed() {
    std::string listed;
    const std::size_t count = std::size(ALL_SOURCES);
    for (std::size_t i = 0; i < count; ++i)
        listed += std::string(i == 0 ? "" : i + 1 == count ? " or " : ", ") + std::string(ALL_SOURCES[i]);
    return listed;
}

}  // namespace anticipa::events
