#include "events/event_kind.h"

namespace anticipa::events {

namespace {

constexpr EventKind ALL_KINDS[] = {EventKind::SEARCH, EventKind::CLICK, EventKind::HELPFUL, EventKind::NOT_HELPFUL,
                                   EventKind::ESCALATE};

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

}  // namespace anticipa::events
