// Events stage (internal): PostgreSQL through Debian's libpq, thinly wrapped so every error names
// the database (its URI, the password left out) and says whether the database was unreachable
// (DatabaseUnavailable: the events wait in the journal) or refused what was asked.
#pragma once

#include "events/event_database.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct pg_conn;
struct pg_result;

namespace anticipa::events {

/// The URI with its password, if any, replaced by `***`: what messages and logs show.
std::string redacted_uri(const std::string& uri);

/// Throws std::invalid_argument with libpq's reason when `uri` is not a connection URI it accepts.
void check_postgresql_uri(const std::string& uri);

/// One result of a query; rows and columns are 0-based, values as PostgreSQL's text.
class PgResult {
  public:
    explicit PgResult(pg_result* result) : result_(result) {}
    int rows() const;
    std::string text(int row, int column) const;
    bool is_null(int row, int column) const;

  private:
    struct Clear {
        void operator()(pg_result* result) const;
    };
    std::unique_ptr<pg_result, Clear> result_;
};

/// The text parameters of one statement: bind_event's bind(1-based index, text or integer).
class PgParameters {
  public:
    explicit PgParameters(std::size_t count) : values_(count) {}
    void bind(int index, const std::string& text) { values_.at(index - 1) = text; }
    void bind(int index, std::int64_t value) { values_.at(index - 1) = std::to_string(value); }
    std::vector<const char*> pointers() const;

  private:
    std::vector<std::string> values_;
};

/// One open connection. Not thread-safe.
class PgConnection {
  public:
    /// Connects (within a few seconds, unless the URI sets connect_timeout). Throws
    /// DatabaseUnavailable naming the database when it cannot.
    explicit PgConnection(const std::string& uri);
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    /// The redacted URI, for messages.
    const std::string& name() const { return name_; }

    /// Runs one statement (parameters as text; none for several statements at once) and returns
    /// its rows. Throws naming the database, what was being done and PostgreSQL's message:
    /// DatabaseUnavailable when the connection is lost, std::runtime_error otherwise.
    PgResult execute(const std::string& sql, const char* doing);
    PgResult execute(const std::string& sql, const PgParameters& parameters, const char* doing);

    /// Sends a query whose rows come back one at a time (single-row mode), for logs too large to
    /// hold; next_row() returns them until it returns false.
    void start_row_by_row(const std::string& sql, const PgParameters& parameters, const char* doing);
    bool next_row(PgResult& row, const char* doing);

    /// False once the connection was lost: the caller opens a new one.
    bool usable() const;

  private:
    [[noreturn]] void fail(pg_result* result, const char* doing);

    std::string name_;
    pg_conn* conn_ = nullptr;
};

}  // namespace anticipa::events
