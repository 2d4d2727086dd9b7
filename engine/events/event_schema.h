// Events stage (internal): the versioned `events` table. Migrations bring a database to this build's
// schema; an Event becomes a row and a row an Event; journal lines go into the table in batches.
#pragma once

#include "events/event.h"
#include "events/sqlite_connection.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace anticipa::events {

/// The schema version this build writes and reads (PRAGMA user_version).
int latest_schema_version();

/// Brings the database to latest_schema_version() in one transaction, and switches it to WAL.
/// Throws naming the file when it was written by a newer schema or a migration fails.
void migrate(Connection& db);

/// Throws naming the file unless the database is at latest_schema_version(): what a reader checks,
/// since it must not migrate a file a server may be writing.
void require_latest_schema(Connection& db);

/// Inserts one event (parameters in bind_event's order); an event id already there is ignored.
extern const char* const INSERT_EVENT_SQL;

/// The events with ?1 <= at_ms < ?2, oldest first, in event_from_row's column order.
extern const char* const SELECT_EVENTS_SQL;

/// Binds every column of INSERT_EVENT_SQL.
void bind_event(Statement& insert, const Event& event);

/// The row a SELECT_EVENTS_SQL step stands on; throws naming `file` for a row no build wrote.
Event event_from_row(const Statement& row, const std::filesystem::path& file);

/// The next journal line, or nullptr after the last one.
using LineSource = std::function<const std::string*()>;

/// Inserts every line that is an event through `insert` (an INSERT_EVENT_SQL statement) in one
/// transaction; returns how many were inserted or already there.
std::uint64_t insert_event_lines(Connection& db, Statement& insert, const LineSource& next_line);

}  // namespace anticipa::events
