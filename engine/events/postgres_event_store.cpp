// Events stage: the PostgreSQL events database. The same table as SQLite's (event_schema.h's
// columns, bind_event, event_from_row), its own DDL and schema-version table, and migrations that
// replicas starting at once run one after the other.
#include "events/postgres_event_store.h"

#include "events/event_line.h"
#include "events/event_schema.h"
#include "events/postgres_connection.h"

#include <cstdio>
#include <iterator>
#include <memory>
#include <optional>
#include <stdexcept>

namespace anticipa::events {
namespace {

struct Migration {
    int version;
    const char* sql;
};

// In order, with the same version numbers as SQLite's (event_schema.cpp): both hold one table, and
// a release that changes it appends a migration to each. `seq` keeps the insertion order among
// equal timestamps, as SQLite's rowid does.
constexpr Migration MIGRATIONS[] = {
    {1, R"sql(
        CREATE TABLE anticipa_events (
            seq BIGSERIAL NOT NULL,
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            at_ms BIGINT NOT NULL,
            search_id TEXT NOT NULL DEFAULT '',
            session_id TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            locale TEXT NOT NULL DEFAULT '',
            tier TEXT NOT NULL DEFAULT '',
            query TEXT NOT NULL DEFAULT '',
            results BIGINT NOT NULL DEFAULT 0,
            fallback INTEGER NOT NULL DEFAULT 0,
            shown TEXT NOT NULL DEFAULT '[]',
            article_id TEXT NOT NULL DEFAULT '',
            rank INTEGER NOT NULL DEFAULT 0,
            comment TEXT NOT NULL DEFAULT '',
            channel TEXT NOT NULL DEFAULT '',
            route TEXT NOT NULL DEFAULT '',
            client TEXT NOT NULL DEFAULT '',
            matches_other_locales BIGINT NOT NULL DEFAULT 0,
            matches_any_tier BIGINT NOT NULL DEFAULT 0
        );
        CREATE INDEX anticipa_events_at_ms ON anticipa_events (at_ms, seq);
        CREATE INDEX anticipa_events_search_id ON anticipa_events (search_id);
    )sql"},
};

constexpr int POSTGRES_SCHEMA_VERSION = std::end(MIGRATIONS)[-1].version;

// pg_advisory_xact_lock's key for the migrations: "anticipa" in ASCII, a key no other program uses.
constexpr const char* MIGRATION_LOCK = "SELECT pg_advisory_xact_lock(7020098083985829985)";

const std::string INSERT_SQL = std::string("INSERT INTO anticipa_events (") + EVENT_COLUMN_LIST +
                               ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, "
                               "$17, $18, $19, $20) ON CONFLICT (id) DO NOTHING";

const std::string SELECT_SQL = std::string("SELECT ") + EVENT_COLUMN_LIST +
                               " FROM anticipa_events WHERE at_ms >= $1 AND at_ms < $2 ORDER BY at_ms, seq";

/// Rolls back unless committed; a lost connection has nothing left to roll back.
class PgTransaction {
  public:
    explicit PgTransaction(PgConnection& db) : db_(db) { db_.execute("BEGIN", "cannot start a transaction"); }
    ~PgTransaction() {
        if (committed_ || !db_.usable()) return;
        try {
            db_.execute("ROLLBACK", "cannot roll back");
        } catch (const std::exception&) {  // the connection is dropped and reopened on next use
        }
    }
    PgTransaction(const PgTransaction&) = delete;
    PgTransaction& operator=(const PgTransaction&) = delete;

    void commit() {
        db_.execute("COMMIT", "cannot commit");
        committed_ = true;
    }

  private:
    PgConnection& db_;
    bool committed_ = false;
};

int schema_version(PgConnection& db) {
    PgResult table = db.execute("SELECT to_regclass('anticipa_events_schema') IS NOT NULL",
                                "cannot look for the events schema version");
    if (table.text(0, 0) != "t") return 0;
    PgResult version =
        db.execute("SELECT coalesce(max(version), 0) FROM anticipa_events_schema", "cannot read the schema version");
    return std::stoi(version.text(0, 0));
}

// One transaction under an advisory lock: two replicas starting at once do not both create the
// table, and a failure leaves the old version intact.
void migrate(PgConnection& db) {
    static_assert(POSTGRES_SCHEMA_VERSION > 0);
    if (POSTGRES_SCHEMA_VERSION != latest_schema_version())
        throw std::logic_error("the PostgreSQL and SQLite events schemas have different versions");
    PgTransaction transaction(db);
    db.execute(MIGRATION_LOCK, "cannot lock the events schema");
    db.execute("CREATE TABLE IF NOT EXISTS anticipa_events_schema (version INTEGER NOT NULL)",
               "cannot create the schema version table");
    const int version = schema_version(db);
    refuse_newer_schema(db.name(), version);
    if (version == POSTGRES_SCHEMA_VERSION) return;  // rolled back: nothing was changed
    for (const Migration& migration : MIGRATIONS) {
        if (migration.version <= version) continue;
        std::string doing = "cannot migrate to schema version " + std::to_string(migration.version);
        db.execute(migration.sql, doing.c_str());
    }
    db.execute("DELETE FROM anticipa_events_schema", "cannot set the schema version");
    db.execute("INSERT INTO anticipa_events_schema (version) VALUES (" + std::to_string(POSTGRES_SCHEMA_VERSION) + ")",
               "cannot set the schema version");
    transaction.commit();
}

/// A single-row result as event_from_row reads it.
struct PgRow {
    const PgResult& result;
    std::string text(int column) const { return result.text(0, column); }
    std::int64_t integer(int column) const { return std::stoll(result.text(0, column)); }
};

PgParameters time_window(std::chrono::system_clock::time_point since, std::chrono::system_clock::time_point until) {
    PgParameters window(2);
    window.bind(1, to_ms(since));
    window.bind(2, to_ms(until));
    return window;
}

/// The shared database as the writer thread sees it: one connection, opened again (and the schema
/// checked again) after it was lost.
class PostgresEventDatabase : public EventDatabase {
  public:
    explicit PostgresEventDatabase(std::string uri) : uri_(std::move(uri)) {
        check_postgresql_uri(uri_);
        try {
            connection();
        } catch (const DatabaseUnavailable&) {  // the store says so and retries; serving goes on
        }
    }

    std::uint64_t insert_events(const EventSource& next_event) override {
        PgConnection& db = connection();
        PgTransaction transaction(db);
        std::uint64_t inserted = 0;
        PgParameters row(20);
        while (const Event* event = next_event()) {
            bind_event(row, *event);
            db.execute(INSERT_SQL, row, "cannot insert an event");
            ++inserted;
        }
        transaction.commit();
        return inserted;
    }

    void delete_before(std::chrono::system_clock::time_point cutoff) override {
        PgParameters before(1);
        before.bind(1, to_ms(cutoff));
        connection().execute("DELETE FROM anticipa_events WHERE at_ms < $1", before, "cannot delete expired events");
    }

  private:
    PgConnection& connection() {
        if (db_ && db_->usable()) return *db_;
        db_.reset();
        auto fresh = std::make_unique<PgConnection>(uri_);
        migrate(*fresh);
        db_ = std::move(fresh);
        return *db_;
    }

    const std::string uri_;
    std::unique_ptr<PgConnection> db_;
};

}  // namespace

PostgresEventStore::PostgresEventStore(const std::string& uri, JournaledStoreOptions options)
    : JournaledEventStore(std::move(options), std::make_unique<PostgresEventDatabase>(uri)) {}

void for_each_postgres_event(const std::string& uri, std::chrono::system_clock::time_point since,
                             std::chrono::system_clock::time_point until, const std::function<void(Event&&)>& visit) {
    check_postgresql_uri(uri);
    PgConnection db(uri);
    require_schema_version(db.name(), schema_version(db));
    db.start_row_by_row(SELECT_SQL, time_window(since, until), "cannot read the events");
    PgResult row(nullptr);
    while (db.next_row(row, "cannot read the events")) visit(event_from_row(PgRow{row}, db.name()));
}

}  // namespace anticipa::events
