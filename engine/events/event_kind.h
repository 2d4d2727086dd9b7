// Events stage: the event vocabulary, written once — the name of each event kind as the API, the
// journal and the store spell it ("click", "not_helpful"), and the surfaces an event comes from.
#pragma once

#include "events/event.h"

#include <optional>
#include <string>
#include <string_view>

namespace anticipa::events {

/// The kind whose to_string() is `name`; nullopt for any other text.
std::optional<EventKind> kind_named(std::string_view name);

/// A kind a customer reports after an answer (click, helpful, not_helpful, escalate), by name;
/// nullopt for "search", which only the server records, and for any other text.
std::optional<EventKind> reaction_kind_named(std::string_view name);

/// True for a surface an event may come from (Event::source): search, suggest, deflect, context
/// (the widget's product-page list) or page (the server-rendered help center).
bool is_event_source(std::string_view source);

/// The sources for a message: "search, suggest, deflect, context or page".
std::string event_sources_listed();

}  // namespace anticipa::events
