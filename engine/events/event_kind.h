// Events stage: the name of each event kind, written once, as the API, the journal and the store
// spell it ("click", "not_helpful").
#pragma once

#include "events/event.h"

#include <optional>
#include <string_view>

namespace anticipa::events {

/// The kind whose to_string() is `name`; nullopt for any other text.
std::optional<EventKind> kind_named(std::string_view name);

/// A kind a customer reports after an answer (click, helpful, not_helpful, escalate), by name;
/// nullopt for "search", which only the server records, and for any other text.
std::optional<EventKind> reaction_kind_named(std::string_view name);

}  // namespace anticipa::events
