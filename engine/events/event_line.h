// Events stage (internal): an Event <-> one JSON line, the format of the store's journal. Also the
// field encodings the line and the SQLite row share (kind names, milliseconds, the `shown` array).
#pragma once

#include "events/event.h"
#include "events/event_kind.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace anticipa::events {

/// Milliseconds since the epoch, rounded down: how events store `at`.
std::int64_t to_ms(std::chrono::system_clock::time_point at);
std::chrono::system_clock::time_point from_ms(std::int64_t ms);

/// Appends the texts as a JSON array of strings (invalid UTF-8 repaired): `["a","b"]`.
void append_json_array(std::string& out, const std::vector<std::string>& texts);

/// The event as one JSON object on one line, ending in "\n". Cheap enough for the request path.
std::string event_line(const Event& event);

/// Repairs invalid UTF-8 in the event's texts as event_line() does, so the event a store inserts
/// as accepted is the one a replay of its journal line inserts.
void repair_texts(Event& event);

/// A line back into an event; nullopt for a line that is not a whole event (a crash cut it short).
std::optional<Event> parse_event_line(const std::string& line);

}  // namespace anticipa::events
