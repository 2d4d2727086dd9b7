#include "events/sqlite_connection.h"

#include <sqlite3.h>

namespace anticipa::events {

namespace fs = std::filesystem;

std::runtime_error file_error(const fs::path& file, const std::string& what) {
    return std::runtime_error(file.string() + ": " + what);
}

// ---- Connection -------------------------------------------------------------------------------

namespace {

int open_flags(OpenMode mode) {
    switch (mode) {
        case OpenMode::READ_WRITE_CREATE:
            return SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        case OpenMode::READ_ONLY:
            return SQLITE_OPEN_READONLY;
    }
    return SQLITE_OPEN_READONLY;
}

}  // namespace

Connection::Connection(fs::path file, OpenMode mode) : file_(std::move(file)) {
    int status = sqlite3_open_v2(file_.c_str(), &db_, open_flags(mode), nullptr);
    if (status != SQLITE_OK) {
        std::string reason = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(status);
        sqlite3_close_v2(db_);
        throw file_error(file_, "cannot open the events database: " + reason);
    }
    // A reader (`anticipa gaps`) or a checkpoint can hold a lock for a moment: wait, not fail.
    sqlite3_busy_timeout(db_, 5000);
}

Connection::~Connection() {
    sqlite3_close_v2(db_);
}

std::runtime_error Connection::error(const std::string& doing) const {
    return file_error(file_, doing + ": " + sqlite3_errmsg(db_));
}

void Connection::execute(const std::string& sql, const char* doing) {
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) throw error(doing);
}

int Connection::user_version() {
    Statement pragma(*this, "PRAGMA user_version");
    pragma.step();
    return static_cast<int>(pragma.integer(0));
}

// ---- Statement --------------------------------------------------------------------------------

Statement::Statement(Connection& connection, const char* sql) : connection_(connection) {
    if (sqlite3_prepare_v2(connection.handle(), sql, -1, &statement_, nullptr) != SQLITE_OK) {
        throw connection.error("cannot prepare a statement");
    }
}

Statement::~Statement() {
    sqlite3_finalize(statement_);
}

void Statement::bind(int index, const std::string& text) {
    check(sqlite3_bind_text(statement_, index, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT));
}

void Statement::bind(int index, std::int64_t value) {
    check(sqlite3_bind_int64(statement_, index, value));
}

bool Statement::step() {
    int status = sqlite3_step(statement_);
    if (status == SQLITE_ROW) return true;
    if (status == SQLITE_DONE) return false;
    throw connection_.error("cannot read or write events");
}

void Statement::reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
}

std::string Statement::text(int column) const {
    const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
    return bytes ? std::string(bytes, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column))) : "";
}

std::int64_t Statement::integer(int column) const {
    return sqlite3_column_int64(statement_, column);
}

void Statement::check(int status) {
    if (status != SQLITE_OK) throw connection_.error("cannot bind a value");
}

// ---- Transaction ------------------------------------------------------------------------------

Transaction::Transaction(Connection& connection) : connection_(connection) {
    // IMMEDIATE takes the write lock now, so a busy database waits here (busy_timeout)
    // instead of failing halfway through the batch.
    connection_.execute("BEGIN IMMEDIATE", "cannot begin a transaction");
}

Transaction::~Transaction() {
    if (!committed_) sqlite3_exec(connection_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    connection_.execute("COMMIT", "cannot commit events");
    committed_ = true;
}

}  // namespace anticipa::events
