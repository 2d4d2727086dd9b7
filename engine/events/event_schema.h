// Events stage (internal): the versioned `events` table. Migrations bring a database to this build's
// schema; an Event becomes a row and a row an Event; journal lines go into the table in batches.
#pragma once

#include "events/event.h"
#include "events/event_database.h"
#include "events/event_line.h"
#include "events/sqlite_connection.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace anticipa::events {

/// The schema version this build writes and reads (PRAGMA user_version).
int latest_schema_version();

/// Throws naming `where` when its schema version is newer than this build's: a store never writes,
/// and a reader never reads, a table whose meaning it does not know.
void refuse_newer_schema(const std::filesystem::path& where, int version);

/// Brings the database to latest_schema_version() in one transaction, and switches it to WAL.
/// Throws naming the file when it was written by a newer schema or a migration fails.
void migrate(Connection& db);

/// Throws naming the file unless the database is at latest_schema_version(): what a reader checks,
/// since it must not migrate a file a server may be writing.
void require_latest_schema(Connection& db);

/// The same rule for a database of any kind at `version` (0: no events table).
void require_schema_version(const std::filesystem::path& where, int version);

/// SQLite's: inserts one event (parameters in bind_event's order); an event id already there is ignored.
extern const char* const INSERT_EVENT_SQL;

/// The events with ?1 <= at_ms < ?2, oldest first, in event_from_row's column order.
extern const char* const SELECT_EVENTS_SQL;

/// The table's columns, in bind_event's and event_from_row's order, comma-separated: the one list
/// both databases' statements are built from.
extern const char* const EVENT_COLUMN_LIST;

/// The encodings bind_event and event_from_row share across databases; errors name `where`.
std::string shown_column(const Event& event);
void read_shown_column(const std::string& column, Event& event, const std::filesystem::path& where);
EventKind kind_column(const std::string& column, const std::filesystem::path& where);

/// Binds every column of an insert of EVENT_COLUMN_LIST (SQLite's Statement, PostgreSQL's
/// parameters: anything with bind(1-based index, text or integer)).
template <class Parameters>
void bind_event(Parameters& insert, const Event& event) {
    insert.bind(1, event.event_id);
    insert.bind(2, std::string(to_string(event.kind)));
    insert.bind(3, to_ms(event.at));
    insert.bind(4, event.search_id);
    insert.bind(5, event.session_id);
    insert.bind(6, event.source);
    insert.bind(7, event.locale);
    insert.bind(8, event.tier);
    insert.bind(9, event.query);
    insert.bind(10, static_cast<std::int64_t>(event.results));
    insert.bind(11, std::int64_t{event.fallback ? 1 : 0});
    insert.bind(12, shown_column(event));
    insert.bind(13, event.article_id);
    insert.bind(14, std::int64_t{event.rank});
    insert.bind(15, event.comment);
    insert.bind(16, event.channel);
    insert.bind(17, event.route);
    insert.bind(18, event.client);
    insert.bind(19, static_cast<std::int64_t>(event.matches_other_locales));
    insert.bind(20, static_cast<std::int64_t>(event.matches_any_tier));
}

/// The row a select of EVENT_COLUMN_LIST stands on (anything with text(column) and
/// integer(column), 0-based); throws naming `where` for a row no build wrote.
template <class Row>
Event event_from_row(const Row& row, const std::filesystem::path& where) {
    Event event;
    event.event_id = row.text(0);
    event.kind = kind_column(row.text(1), where);
    event.at = from_ms(row.integer(2));
    event.search_id = row.text(3);
    event.session_id = row.text(4);
    event.source = row.text(5);
    event.locale = row.text(6);
    event.tier = row.text(7);
    event.query = row.text(8);
    event.results = static_cast<std::size_t>(row.integer(9));
    event.fallback = row.integer(10) != 0;
    read_shown_column(row.text(11), event, where);
    event.article_id = row.text(12);
    event.rank = static_cast<int>(row.integer(13));
    event.comment = row.text(14);
    event.channel = row.text(15);
    event.route = row.text(16);
    event.client = row.text(17);
    event.matches_other_locales = static_cast<std::size_t>(row.integer(18));
    event.matches_any_tier = static_cast<std::size_t>(row.integer(19));
    return event;
}

/// Inserts every event through `insert` (an INSERT_EVENT_SQL statement) in one transaction;
/// returns how many were inserted or already there.
std::uint64_t insert_events(Connection& db, Statement& insert, const EventSource& next_event);

}  // namespace anticipa::events
