#include "events/event_schema.h"

#include "events/event_line.h"

#include <nlohmann/json.hpp>

#include <iterator>
#include <optional>

namespace anticipa::events {
namespace {

using nlohmann::json;

struct Migration {
    int version;
    const char* sql;
};

// In order. A release that changes the table appends a migration and never edits a published one:
// a database at version n gets exactly the migrations after n.
constexpr Migration MIGRATIONS[] = {
    {1, R"sql(
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            at_ms INTEGER NOT NULL,
            search_id TEXT NOT NULL DEFAULT '',
            session_id TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            locale TEXT NOT NULL DEFAULT '',
            tier TEXT NOT NULL DEFAULT '',
            query TEXT NOT NULL DEFAULT '',
            results INTEGER NOT NULL DEFAULT 0,
            fallback INTEGER NOT NULL DEFAULT 0,
            shown TEXT NOT NULL DEFAULT '[]',
            article_id TEXT NOT NULL DEFAULT '',
            rank INTEGER NOT NULL DEFAULT 0,
            comment TEXT NOT NULL DEFAULT '',
            channel TEXT NOT NULL DEFAULT '',
            route TEXT NOT NULL DEFAULT '',
            client TEXT NOT NULL DEFAULT '',
            matches_other_locales INTEGER NOT NULL DEFAULT 0,
            matches_any_tier INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX events_at_ms ON events(at_ms);
        CREATE INDEX events_search_id ON events(search_id);
    )sql"},
};

constexpr int LATEST_SCHEMA_VERSION = std::end(MIGRATIONS)[-1].version;

}  // namespace

void refuse_newer_schema(const std::filesystem::path& where, int version) {
    if (version > LATEST_SCHEMA_VERSION) {
        throw file_error(where, "events schema version " + std::to_string(version) +
                                    " is newer than this build's version " + std::to_string(LATEST_SCHEMA_VERSION) +
                                    "; use a newer anticipa");
    }
}

int latest_schema_version() {
    return LATEST_SCHEMA_VERSION;
}

// Applies the missing migrations in one transaction, so a failure leaves the old version intact.
void migrate(Connection& db) {
    refuse_newer_schema(db.file(), db.user_version());              // before touching a file a newer build owns
    db.execute("PRAGMA journal_mode=WAL", "cannot switch to WAL");  // readers never block the writer
    // NORMAL: a commit survives the process being killed; only a power cut may lose the last ones.
    db.execute("PRAGMA synchronous=NORMAL", "cannot set synchronous");
    Transaction transaction(db);
    int version = db.user_version();  // again, under the write lock: another process may have won
    refuse_newer_schema(db.file(), version);
    for (const Migration& migration : MIGRATIONS) {
        if (migration.version <= version) continue;
        std::string doing = "cannot migrate to schema version " + std::to_string(migration.version);
        db.execute(migration.sql, doing.c_str());
        db.execute("PRAGMA user_version = " + std::to_string(migration.version), "cannot set the schema version");
    }
    transaction.commit();
}

void require_latest_schema(Connection& db) {
    require_schema_version(db.file(), db.user_version());
}

void require_schema_version(const std::filesystem::path& where, int version) {
    refuse_newer_schema(where, version);
    if (version == 0) throw file_error(where, "not an events database (schema version 0)");
    if (version < LATEST_SCHEMA_VERSION) {
        throw file_error(where, "events schema version " + std::to_string(version) + " is older than this build's " +
                                    std::to_string(LATEST_SCHEMA_VERSION) + "; run `anticipa serve` on it once");
    }
}

#define EVENT_COLUMNS                                                                                 \
    "id, kind, at_ms, search_id, session_id, source, locale, tier, query, results, fallback, shown, " \
    "article_id, rank, comment, channel, route, client, matches_other_locales, matches_any_tier"

const char* const EVENT_COLUMN_LIST = EVENT_COLUMNS;

// The event id is the primary key: replaying a journal whose batch was already committed (a crash
// between the commit and the journal's removal) changes nothing.
const char* const INSERT_EVENT_SQL = "INSERT OR IGNORE INTO events (" EVENT_COLUMNS
                                     ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                                     "?14, ?15, ?16, ?17, ?18, ?19, ?20)";

const char* const SELECT_EVENTS_SQL =
    "SELECT " EVENT_COLUMNS " FROM events WHERE at_ms >= ?1 AND at_ms < ?2 ORDER BY at_ms, rowid";
#undef EVENT_COLUMNS

std::string shown_column(const Event& event) {
    std::string shown;
    append_json_array(shown, event.shown);
    return shown;
}

void read_shown_column(const std::string& column, Event& event, const std::filesystem::path& where) {
    json shown = json::parse(column, nullptr, false);
    if (!shown.is_array()) throw file_error(where, "event " + event.event_id + ": `shown` is not a JSON array");
    for (const json& article : shown) {
        if (article.is_string()) event.shown.push_back(article.get<std::string>());
    }
}

EventKind kind_column(const std::string& column, const std::filesystem::path& where) {
    auto kind = kind_named(column);
    if (!kind) throw file_error(where, "unknown event kind `" + column + "`");
    return *kind;
}

// One transaction for the batch (one fsync-free WAL commit, not one per event).
std::uint64_t insert_events(Connection& db, Statement& insert, const EventSource& next_event) {
    Transaction transaction(db);
    std::uint64_t inserted = 0;
    while (const Event* event = next_event()) {
        bind_event(insert, *event);
        insert.step();
        insert.reset();
        ++inserted;
    }
    transaction.commit();
    return inserted;
}

}  // namespace anticipa::events
