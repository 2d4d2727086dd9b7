// Events stage (internal): SQLite, thinly wrapped so every error names the file. A connection, a
// prepared statement and a transaction, each owning its sqlite3 handle (RAII).
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace anticipa::events {

/// An error that starts with the file it is about: "events.db: cannot open ...".
std::runtime_error file_error(const std::filesystem::path& file, const std::string& what);

/// How a Connection opens its file.
enum class OpenMode {
    READ_WRITE_CREATE,  ///< the store: creates the database when it is missing
    READ_ONLY,          ///< readers such as `anticipa gaps`
};

/// One open database. Throws std::runtime_error naming the file when it cannot be opened.
class Connection {
  public:
    Connection(std::filesystem::path file, OpenMode mode);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    sqlite3* handle() const { return db_; }
    const std::filesystem::path& file() const { return file_; }

    /// The file, what was being done and SQLite's last message, as one error to throw.
    std::runtime_error error(const std::string& doing) const;

    /// Runs SQL that returns no rows; throws error(doing) when it fails.
    void execute(const std::string& sql, const char* doing);

    /// PRAGMA user_version: the schema version the database was last migrated to.
    int user_version();

  private:
    std::filesystem::path file_;
    sqlite3* db_ = nullptr;
};

/// One prepared statement of a connection, reusable through reset().
class Statement {
  public:
    Statement(Connection& connection, const char* sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    void bind(int index, const std::string& text);
    void bind(int index, std::int64_t value);

    /// True while there is a row to read.
    bool step();
    void reset();  ///< ready to bind and step again

    std::string text(int column) const;
    std::int64_t integer(int column) const;

  private:
    void check(int status);

    Connection& connection_;
    sqlite3_stmt* statement_ = nullptr;
};

/// Rolls back unless committed, so an exception mid-batch leaves the database as it was.
class Transaction {
  public:
    explicit Transaction(Connection& connection);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

  private:
    Connection& connection_;
    bool committed_ = false;
};

}  // namespace anticipa::events
