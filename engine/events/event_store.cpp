// Events stage: the embedded events store. record() scrubs an event, appends it as one JSON line
// to a journal beside the database and queues it; a writer thread moves each queue into SQLite in
// one transaction. The journal is what a crash leaves behind, and the next start replays it.
//
// Files beside `events.db`:
//   events.db-journal.jsonl     lines accepted since the writer's last swap (O_APPEND, no fsync)
//   events.db-journal.<n>.jsonl a swapped-out journal whose batch is being (or failed to be) written
//   events.db-journal.lock      held (flock) by the one process writing this database
#include "events/event_store.h"

#include "common/utf8.h"
#include "events/pii_scrubber.h"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/random.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <system_error>
#include <thread>

namespace anticipa::events {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::runtime_error file_error(const fs::path& file, const std::string& what) {
    return std::runtime_error(file.string() + ": " + what);
}

// ---- SQLite, thinly wrapped so every error names the file -------------------------------------

class Connection {
  public:
    Connection(fs::path file, int flags) : file_(std::move(file)) {
        int status = sqlite3_open_v2(file_.c_str(), &db_, flags, nullptr);
        if (status != SQLITE_OK) {
            std::string reason = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(status);
            sqlite3_close_v2(db_);
            throw file_error(file_, "cannot open the events database: " + reason);
        }
        // A reader (`anticipa gaps`) or a checkpoint can hold a lock for a moment: wait, not fail.
        sqlite3_busy_timeout(db_, 5000);
    }
    ~Connection() { sqlite3_close_v2(db_); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    sqlite3* handle() const { return db_; }
    const fs::path& file() const { return file_; }

    std::runtime_error error(const std::string& doing) const {
        return file_error(file_, doing + ": " + sqlite3_errmsg(db_));
    }

    void execute(const std::string& sql, const char* doing) {
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) throw error(doing);
    }

    int user_version();

  private:
    fs::path file_;
    sqlite3* db_ = nullptr;
};

class Statement {
  public:
    Statement(Connection& connection, const char* sql) : connection_(connection) {
        if (sqlite3_prepare_v2(connection.handle(), sql, -1, &statement_, nullptr) != SQLITE_OK) {
            throw connection.error("cannot prepare a statement");
        }
    }
    ~Statement() { sqlite3_finalize(statement_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    void bind(int index, const std::string& text) {
        check(sqlite3_bind_text(statement_, index, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT));
    }
    void bind(int index, std::int64_t value) { check(sqlite3_bind_int64(statement_, index, value)); }

    /// True while there is a row to read.
    bool step() {
        int status = sqlite3_step(statement_);
        if (status == SQLITE_ROW) return true;
        if (status == SQLITE_DONE) return false;
        throw connection_.error("cannot read or write events");
    }
    void reset() {
        sqlite3_reset(statement_);
        sqlite3_clear_bindings(statement_);
    }

    std::string text(int column) const {
        const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
        return bytes ? std::string(bytes, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column))) : "";
    }
    std::int64_t integer(int column) const { return sqlite3_column_int64(statement_, column); }

  private:
    void check(int status) {
        if (status != SQLITE_OK) throw connection_.error("cannot bind a value");
    }

    Connection& connection_;
    sqlite3_stmt* statement_ = nullptr;
};

int Connection::user_version() {
    Statement pragma(*this, "PRAGMA user_version");
    pragma.step();
    return static_cast<int>(pragma.integer(0));
}

// Rolls back unless committed, so an exception mid-batch leaves the database as it was.
class Transaction {
  public:
    explicit Transaction(Connection& connection) : connection_(connection) {
        // IMMEDIATE takes the write lock now, so a busy database waits here (busy_timeout)
        // instead of failing halfway through the batch.
        connection_.execute("BEGIN IMMEDIATE", "cannot begin a transaction");
    }
    ~Transaction() {
        if (!committed_) sqlite3_exec(connection_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit() {
        connection_.execute("COMMIT", "cannot commit events");
        committed_ = true;
    }

  private:
    Connection& connection_;
    bool committed_ = false;
};

// ---- schema -----------------------------------------------------------------------------------

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

void refuse_newer_schema(Connection& db, int version) {
    if (version > LATEST_SCHEMA_VERSION) {
        throw file_error(db.file(), "events schema version " + std::to_string(version) +
                                        " is newer than this build's version " +
                                        std::to_string(LATEST_SCHEMA_VERSION) + "; use a newer anticipa");
    }
}

// Applies the missing migrations in one transaction, so a failure leaves the old version intact.
void migrate(Connection& db) {
    refuse_newer_schema(db, db.user_version());  // before touching a file a newer build owns
    db.execute("PRAGMA journal_mode=WAL", "cannot switch to WAL");  // readers never block the writer
    // NORMAL: a commit survives the process being killed; only a power cut may lose the last ones.
    db.execute("PRAGMA synchronous=NORMAL", "cannot set synchronous");
    Transaction transaction(db);
    int version = db.user_version();  // again, under the write lock: another process may have won
    refuse_newer_schema(db, version);
    for (const Migration& migration : MIGRATIONS) {
        if (migration.version <= version) continue;
        std::string doing = "cannot migrate to schema version " + std::to_string(migration.version);
        db.execute(migration.sql, doing.c_str());
        db.execute("PRAGMA user_version = " + std::to_string(migration.version), "cannot set the schema version");
    }
    transaction.commit();
}

// ---- events as JSON lines and as rows ----------------------------------------------------------

constexpr EventKind ALL_KINDS[] = {EventKind::SEARCH, EventKind::CLICK, EventKind::HELPFUL,
                                   EventKind::NOT_HELPFUL, EventKind::ESCALATE};

std::optional<EventKind> kind_named(std::string_view name) {
    for (EventKind kind : ALL_KINDS) {
        if (name == to_string(kind)) return kind;
    }
    return std::nullopt;
}

std::int64_t to_ms(std::chrono::system_clock::time_point at) {
    return std::chrono::floor<std::chrono::milliseconds>(at.time_since_epoch()).count();
}

std::chrono::system_clock::time_point from_ms(std::int64_t ms) {
    return std::chrono::system_clock::time_point(std::chrono::milliseconds(ms));
}

// Journal lines are written by hand, not through an nlohmann::json object: building one (a map of
// allocated strings) costs ~10 µs per event on the request path, this costs ~1 µs. They are read
// back with nlohmann, off the request path. Text is repaired to valid UTF-8 first, or the reader
// would refuse the line and the event would be lost.
void append_json_string(std::string& out, std::string_view text) {
    std::string repaired;
    if (find_invalid_utf8(text) != std::string_view::npos) {
        repaired = repair_utf8(text);
        text = repaired;
    }
    out += '"';
    for (char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    static constexpr char HEX[] = "0123456789abcdef";
                    out += "\\u00";
                    out += HEX[(c >> 4) & 0xF];
                    out += HEX[c & 0xF];
                } else {
                    out += c;
                }
        }
    }
    out += '"';
}

void append_json_array(std::string& out, const std::vector<std::string>& texts) {
    out += '[';
    for (std::size_t i = 0; i < texts.size(); ++i) {
        if (i > 0) out += ',';
        append_json_string(out, texts[i]);
    }
    out += ']';
}

// One JSON object on one line, built field by field.
class JsonLine {
  public:
    JsonLine() { out_.reserve(512); }
    void text(std::string_view name, std::string_view value) { append_json_string(key(name), value); }
    void number(std::string_view name, std::int64_t value) { key(name) += std::to_string(value); }
    void flag(std::string_view name, bool value) { key(name) += value ? "true" : "false"; }
    void texts(std::string_view name, const std::vector<std::string>& values) { append_json_array(key(name), values); }
    std::string finish() && {
        out_ += "}\n";
        return std::move(out_);
    }

  private:
    std::string& key(std::string_view name) {
        out_ += out_.empty() ? '{' : ',';
        append_json_string(out_, name);
        out_ += ':';
        return out_;
    }
    std::string out_;
};

std::string journal_line(const Event& event) {
    JsonLine line;
    line.text("id", event.event_id);
    line.text("kind", to_string(event.kind));
    line.number("at_ms", to_ms(event.at));
    line.text("search_id", event.search_id);
    line.text("session_id", event.session_id);
    line.text("source", event.source);
    line.text("locale", event.locale);
    line.text("tier", event.tier);
    line.text("query", event.query);
    line.number("results", static_cast<std::int64_t>(event.results));
    line.flag("fallback", event.fallback);
    line.texts("shown", event.shown);
    line.text("article_id", event.article_id);
    line.number("rank", event.rank);
    line.text("comment", event.comment);
    line.text("channel", event.channel);
    line.text("route", event.route);
    line.text("client", event.client);
    line.number("matches_other_locales", static_cast<std::int64_t>(event.matches_other_locales));
    line.number("matches_any_tier", static_cast<std::int64_t>(event.matches_any_tier));
    return std::move(line).finish();
}

// A journal line back into an event; nullopt for a line a crash cut short (or any damage), which
// replay skips: its record() never returned, so nobody was told it was kept.
std::optional<Event> parse_journal_line(const std::string& line) {
    json object = json::parse(line, nullptr, false);
    if (object.is_discarded() || !object.is_object()) return std::nullopt;
    try {
        auto kind = kind_named(object.at("kind").get<std::string>());
        if (!kind) return std::nullopt;
        Event event;
        event.kind = *kind;
        event.event_id = object.at("id").get<std::string>();
        event.at = from_ms(object.at("at_ms").get<std::int64_t>());
        event.search_id = object.value("search_id", "");
        event.session_id = object.value("session_id", "");
        event.source = object.value("source", "");
        event.locale = object.value("locale", "");
        event.tier = object.value("tier", "");
        event.query = object.value("query", "");
        event.results = object.value("results", std::size_t{0});
        event.fallback = object.value("fallback", false);
        event.shown = object.value("shown", std::vector<std::string>{});
        event.article_id = object.value("article_id", "");
        event.rank = object.value("rank", 0);
        event.comment = object.value("comment", "");
        event.channel = object.value("channel", "");
        event.route = object.value("route", "");
        event.client = object.value("client", "");
        event.matches_other_locales = object.value("matches_other_locales", std::size_t{0});
        event.matches_any_tier = object.value("matches_any_tier", std::size_t{0});
        if (event.event_id.empty()) return std::nullopt;
        return event;
    } catch (const json::exception&) {
        return std::nullopt;
    }
}

#define EVENT_COLUMNS                                                                                 \
    "id, kind, at_ms, search_id, session_id, source, locale, tier, query, results, fallback, shown, " \
    "article_id, rank, comment, channel, route, client, matches_other_locales, matches_any_tier"

// The event id is the primary key: replaying a journal whose batch was already committed (a crash
// between the commit and the journal's removal) changes nothing.
constexpr const char* INSERT_SQL = "INSERT OR IGNORE INTO events (" EVENT_COLUMNS
                                   ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                                   "?14, ?15, ?16, ?17, ?18, ?19, ?20)";

constexpr const char* SELECT_SQL = "SELECT " EVENT_COLUMNS
                                   " FROM events WHERE at_ms >= ?1 AND at_ms < ?2 ORDER BY at_ms, rowid";
#undef EVENT_COLUMNS

void bind_event(Statement& insert, const Event& event) {
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
    std::string shown;
    append_json_array(shown, event.shown);
    insert.bind(12, shown);
    insert.bind(13, event.article_id);
    insert.bind(14, std::int64_t{event.rank});
    insert.bind(15, event.comment);
    insert.bind(16, event.channel);
    insert.bind(17, event.route);
    insert.bind(18, event.client);
    insert.bind(19, static_cast<std::int64_t>(event.matches_other_locales));
    insert.bind(20, static_cast<std::int64_t>(event.matches_any_tier));
}

Event event_from_row(const Statement& row, const fs::path& file) {
    Event event;
    auto kind = kind_named(row.text(1));
    if (!kind) throw file_error(file, "unknown event kind `" + row.text(1) + "`");
    event.kind = *kind;
    event.event_id = row.text(0);
    event.at = from_ms(row.integer(2));
    event.search_id = row.text(3);
    event.session_id = row.text(4);
    event.source = row.text(5);
    event.locale = row.text(6);
    event.tier = row.text(7);
    event.query = row.text(8);
    event.results = static_cast<std::size_t>(row.integer(9));
    event.fallback = row.integer(10) != 0;
    json shown = json::parse(row.text(11), nullptr, false);
    if (!shown.is_array()) throw file_error(file, "event " + event.event_id + ": `shown` is not a JSON array");
    for (const json& article : shown) {
        if (article.is_string()) event.shown.push_back(article.get<std::string>());
    }
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

// Inserts every line in one transaction (one fsync-free WAL commit for the batch, not one per
// event); skips lines that are not events. Returns how many were inserted or already there.
template <typename Lines>
std::uint64_t insert_lines(Connection& db, Statement& insert, Lines&& next_line) {
    Transaction transaction(db);
    std::uint64_t inserted = 0;
    while (const std::string* line = next_line()) {
        std::optional<Event> event = parse_journal_line(*line);
        if (!event) continue;
        bind_event(insert, *event);
        insert.step();
        insert.reset();
        ++inserted;
    }
    transaction.commit();
    return inserted;
}

std::uint64_t insert_journal_file(Connection& db, Statement& insert, const fs::path& journal) {
    std::ifstream in(journal, std::ios::binary);
    if (!in) throw file_error(journal, "cannot read the events journal");
    std::string line;
    return insert_lines(db, insert, [&]() -> const std::string* {
        return std::getline(in, line) ? &line : nullptr;
    });
}

// ---- the journal's files ----------------------------------------------------------------------

fs::path journal_path(const fs::path& database) { return database.string() + "-journal.jsonl"; }

fs::path rotated_journal_path(const fs::path& database, unsigned number) {
    return database.string() + "-journal." + std::to_string(number) + ".jsonl";
}

// Journals a previous run left: the swapped-out ones in the order they were made, then the
// current one, so replayed events keep their order among equal timestamps.
std::vector<fs::path> left_over_journals(const fs::path& database) {
    fs::path folder = database.parent_path().empty() ? fs::path(".") : database.parent_path();
    const std::string current = journal_path(database).filename().string();
    const std::string prefix = database.filename().string() + "-journal.";
    const std::string suffix = ".jsonl";
    std::vector<std::pair<unsigned long, fs::path>> found;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(folder, error)) {
        std::string name = entry.path().filename().string();
        if (name == current) {
            found.emplace_back(~0UL, entry.path());
            continue;
        }
        if (name.size() <= prefix.size() + suffix.size() || name.compare(0, prefix.size(), prefix) != 0 ||
            name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) {
            continue;
        }
        std::string number = name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
        auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
        if (number.size() < 10 && std::all_of(number.begin(), number.end(), is_digit)) {
            found.emplace_back(std::stoul(number), entry.path());
        }
    }
    std::sort(found.begin(), found.end());
    std::vector<fs::path> journals;
    for (auto& [order, path] : found) journals.push_back(std::move(path));
    return journals;
}

int open_journal(const fs::path& journal) {
    return ::open(journal.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
}

// One process writes a database: a second `anticipa serve` on the same file would replay and
// delete the journal the first is still appending to. flock is released by the kernel when the
// holder dies, so a crash never leaves the database locked. The lock file itself stays: removing
// it would let two processes lock two different files.
class WriterLock {
  public:
    explicit WriterLock(const fs::path& database) {
        std::error_code ignored;
        if (database.has_parent_path()) fs::create_directories(database.parent_path(), ignored);
        fs::path lock_file = database.string() + "-journal.lock";
        fd_ = ::open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd_ < 0) {
            throw file_error(lock_file, std::string("cannot create the writer lock: ") + std::strerror(errno));
        }
        if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
            ::close(fd_);
            throw file_error(database,
                             "another process is writing these events (it holds " + lock_file.string() + ")");
        }
    }
    ~WriterLock() { ::close(fd_); }
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;

  private:
    int fd_ = -1;
};

// 128 bits from the kernel: unique across threads and across fork() (a seeded generator copied
// into a child would hand out the parent's next ids, and INSERT OR IGNORE would drop one of them).
std::string random_event_id() {
    std::array<unsigned char, 16> bytes{};
    std::size_t got = 0;
    while (got < bytes.size()) {
        ssize_t n = ::getrandom(bytes.data() + got, bytes.size() - got, 0);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw std::system_error(errno, std::generic_category(), "cannot make an event id");
        }
        got += static_cast<std::size_t>(n);
    }
    static constexpr char HEX[] = "0123456789abcdef";
    std::string id(32, '0');
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        id[2 * i] = HEX[bytes[i] >> 4];
        id[2 * i + 1] = HEX[bytes[i] & 0xF];
    }
    return id;
}

constexpr std::chrono::hours RETENTION_PERIOD{1};

}  // namespace

// ---- the store --------------------------------------------------------------------------------

struct SqliteEventStore::Impl {
    explicit Impl(EventStoreOptions store_options);
    ~Impl();

    void record(Event event);
    SinkStats stats() const;
    void flush();

  private:
    struct CycleOutcome {
        std::uint64_t written = 0;
        std::string problem;
    };

    void replay_left_over_journals();
    void delete_expired_events();
    void append_to_journal(const std::string& line);
    fs::path rotate_journal();
    void report_journal_problem(const char* doing);
    void run_writer();
    CycleOutcome write_cycle(const std::vector<std::string>& batch, const fs::path& rotated);

    const EventStoreOptions options_;
    const fs::path journal_file_;
    WriterLock writer_lock_;
    Connection db_;
    std::optional<Statement> insert_;

    // Guarded by mutex_: what record(), stats(), flush() and the writer share.
    mutable std::mutex mutex_;
    std::condition_variable writer_wakeup_;
    std::condition_variable settled_changed_;
    int journal_fd_ = -1;
    std::vector<std::string> queue_;  // journal lines not yet taken by the writer
    std::size_t in_flight_ = 0;       // lines the writer is inserting now
    std::uint64_t accepted_ = 0;
    std::uint64_t written_ = 0;
    std::uint64_t dropped_ = 0;
    std::uint64_t settled_ = 0;  // accepted lines the writer has finished with (written or kept)
    unsigned next_rotation_ = 1;
    bool flush_requested_ = false;
    bool stopping_ = false;
    bool keep_journal_ = false;  // a rotation failed: the journal holds lines a restart must replay
    bool journal_problem_reported_ = false;
    std::string write_problem_;  // from the writer's last cycle; flush() throws it

    // The writer thread's own.
    std::vector<fs::path> unwritten_journals_;  // swapped out, but their batch failed: retried
    std::chrono::steady_clock::time_point last_retention_ = std::chrono::steady_clock::now();
    std::thread writer_;
};

SqliteEventStore::Impl::Impl(EventStoreOptions store_options)
    : options_(std::move(store_options)),
      journal_file_(journal_path(options_.path)),
      writer_lock_(options_.path),
      db_(options_.path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) {
    migrate(db_);
    insert_.emplace(db_, INSERT_SQL);
    replay_left_over_journals();
    delete_expired_events();
    journal_fd_ = open_journal(journal_file_);
    if (journal_fd_ < 0) {
        throw file_error(journal_file_, std::string("cannot create the events journal: ") + std::strerror(errno));
    }
    writer_ = std::thread([this] { run_writer(); });
}

SqliteEventStore::Impl::~Impl() {
    {
        std::lock_guard guard(mutex_);
        stopping_ = true;
    }
    writer_wakeup_.notify_one();
    writer_.join();  // its last cycle writes whatever was still queued
    std::lock_guard guard(mutex_);
    if (journal_fd_ >= 0) ::close(journal_fd_);
    // Everything is in SQLite, the journal is empty: remove it. Otherwise the next start replays it.
    if (!keep_journal_ && write_problem_.empty() && unwritten_journals_.empty()) {
        std::error_code ignored;
        fs::remove(journal_file_, ignored);
    }
}

// A crash (or a failed write) left journals: their lines were accepted, so they go in before
// anything new. A journal is removed only after its transaction committed.
void SqliteEventStore::Impl::replay_left_over_journals() {
    for (const fs::path& journal : left_over_journals(options_.path)) {
        insert_journal_file(db_, *insert_, journal);
        std::error_code error;
        fs::remove(journal, error);
        if (error) throw file_error(journal, "cannot remove the replayed journal: " + error.message());
    }
}

void SqliteEventStore::Impl::delete_expired_events() {
    if (options_.retention_days <= 0) return;
    auto cutoff = std::chrono::system_clock::now() - std::chrono::hours(24) * options_.retention_days;
    Statement remove(db_, "DELETE FROM events WHERE at_ms < ?1");
    remove.bind(1, to_ms(cutoff));
    remove.step();
}

void SqliteEventStore::Impl::record(Event event) {
    if (event.event_id.empty()) event.event_id = random_event_id();
    event.query = scrub_personal_data(event.query);
    event.comment = scrub_personal_data(event.comment);
    std::string line = journal_line(event);  // outside the lock

    std::lock_guard guard(mutex_);
    if (queue_.size() + in_flight_ >= options_.max_pending) {
        ++dropped_;
        return;
    }
    append_to_journal(line);
    queue_.push_back(std::move(line));
    ++accepted_;
}

// One write(2) of a whole line under the mutex: lines never interleave, and once it returns the
// kernel has the bytes, which outlive a kill -9 of this process (not a power cut: no fsync, as the
// request path must not wait for the disk).
void SqliteEventStore::Impl::append_to_journal(const std::string& line) {
    if (journal_fd_ < 0) return report_journal_problem("the journal is not open");
    const char* data = line.data();
    std::size_t left = line.size();
    while (left > 0) {
        ssize_t n = ::write(journal_fd_, data, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return report_journal_problem(std::strerror(errno));
        data += n;
        left -= static_cast<std::size_t>(n);
    }
}

// The event is still queued and reaches SQLite in the next cycle; only a crash before that would
// lose it. Said once on stderr, since the engine has no logger and a full disk repeats itself.
void SqliteEventStore::Impl::report_journal_problem(const char* doing) {
    if (journal_problem_reported_) return;
    journal_problem_reported_ = true;
    std::fprintf(stderr, "%s: cannot append to the events journal (%s); events are kept in memory until written\n",
                 journal_file_.c_str(), doing);
}

// Called with mutex_ held, so no record() appends between the rename and the new file: every line
// of the batch is in the rotated file, and no line of a later batch is.
fs::path SqliteEventStore::Impl::rotate_journal() {
    if (journal_fd_ < 0) {  // the last reopen failed: these lines are only in memory, try again
        journal_fd_ = open_journal(journal_file_);
        return {};
    }
    fs::path rotated = rotated_journal_path(options_.path, next_rotation_++);
    if (::rename(journal_file_.c_str(), rotated.c_str()) != 0) {
        keep_journal_ = true;  // the batch still gets written; the journal stays for a replay
        return {};
    }
    ::close(journal_fd_);
    journal_fd_ = open_journal(journal_file_);
    if (journal_fd_ < 0) report_journal_problem(std::strerror(errno));
    return rotated;
}

void SqliteEventStore::Impl::run_writer() {
    const auto interval = std::max(options_.flush_interval, std::chrono::milliseconds(1));
    std::unique_lock guard(mutex_);
    for (;;) {
        writer_wakeup_.wait_for(guard, interval, [this] { return stopping_ || flush_requested_; });
        const bool last_cycle = stopping_;
        flush_requested_ = false;
        std::vector<std::string> batch;
        batch.swap(queue_);
        in_flight_ = batch.size();
        fs::path rotated = batch.empty() ? fs::path() : rotate_journal();

        guard.unlock();  // record() goes on while SQLite writes
        CycleOutcome outcome = write_cycle(batch, rotated);
        guard.lock();

        written_ += outcome.written;
        settled_ += in_flight_;
        in_flight_ = 0;
        write_problem_ = std::move(outcome.problem);
        settled_changed_.notify_all();
        if (last_cycle) return;
    }
}

// Never throws (the writer thread has no caller): a failure becomes the outcome's problem, and a
// batch that failed keeps its journal, retried next cycle and replayed at the next start anyway.
SqliteEventStore::Impl::CycleOutcome SqliteEventStore::Impl::write_cycle(const std::vector<std::string>& batch,
                                                                         const fs::path& rotated) {
    CycleOutcome outcome;
    for (auto journal = unwritten_journals_.begin(); journal != unwritten_journals_.end();) {
        try {
            outcome.written += insert_journal_file(db_, *insert_, *journal);
            std::error_code ignored;
            fs::remove(*journal, ignored);
            journal = unwritten_journals_.erase(journal);
        } catch (const std::exception& error) {
            outcome.problem = error.what();
            ++journal;
        }
    }
    if (!batch.empty()) {
        try {
            auto line = batch.begin();
            insert_lines(db_, *insert_, [&]() { return line == batch.end() ? nullptr : &*line++; });
            outcome.written += batch.size();
            std::error_code ignored;
            if (!rotated.empty()) fs::remove(rotated, ignored);
        } catch (const std::exception& error) {
            outcome.problem = error.what();
            if (!rotated.empty()) unwritten_journals_.push_back(rotated);
        }
    }
    auto now = std::chrono::steady_clock::now();
    if (options_.retention_days > 0 && now - last_retention_ >= RETENTION_PERIOD) {
        last_retention_ = now;
        try {
            delete_expired_events();
        } catch (const std::exception& error) {
            outcome.problem = error.what();
        }
    }
    return outcome;
}

SinkStats SqliteEventStore::Impl::stats() const {
    std::lock_guard guard(mutex_);
    return {accepted_, written_, dropped_};
}

void SqliteEventStore::Impl::flush() {
    std::unique_lock guard(mutex_);
    const std::uint64_t target = accepted_;
    flush_requested_ = true;
    writer_wakeup_.notify_one();
    settled_changed_.wait(guard, [&] { return settled_ >= target; });
    if (!write_problem_.empty()) throw std::runtime_error(write_problem_);
}

SqliteEventStore::SqliteEventStore(EventStoreOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}

SqliteEventStore::~SqliteEventStore() = default;

void SqliteEventStore::record(Event event) { impl_->record(std::move(event)); }

SinkStats SqliteEventStore::stats() const { return impl_->stats(); }

void SqliteEventStore::flush() { impl_->flush(); }

// ---- reading ----------------------------------------------------------------------------------

std::filesystem::path default_events_path() {
    const char* configured = std::getenv("ANTICIPA_EVENTS");
    return configured && *configured ? fs::path(configured) : fs::path("events.db");
}

int event_schema_version() { return LATEST_SCHEMA_VERSION; }

void for_each_event(const std::filesystem::path& path, std::chrono::system_clock::time_point since,
                    std::chrono::system_clock::time_point until, const std::function<void(Event&&)>& visit) {
    std::error_code error;
    if (!fs::exists(path, error)) {
        throw file_error(path, "no events database (start `anticipa serve` first, or pass --events)");
    }
    // Read-only: WAL lets it read the last commit while a server keeps writing.
    Connection db(path, SQLITE_OPEN_READONLY);
    int version = db.user_version();
    refuse_newer_schema(db, version);
    if (version == 0) throw file_error(path, "not an events database (schema version 0)");
    if (version < LATEST_SCHEMA_VERSION) {
        throw file_error(path, "events schema version " + std::to_string(version) + " is older than this build's " +
                                   std::to_string(LATEST_SCHEMA_VERSION) + "; run `anticipa serve` on it once");
    }
    Statement select(db, SELECT_SQL);
    select.bind(1, to_ms(since));
    select.bind(2, to_ms(until));
    while (select.step()) visit(event_from_row(select, path));
}

std::vector<Event> read_events(const std::filesystem::path& path, std::chrono::system_clock::time_point since,
                               std::chrono::system_clock::time_point until) {
    std::vector<Event> events;
    for_each_event(path, since, until, [&](Event&& event) { events.push_back(std::move(event)); });
    return events;
}

}  // namespace anticipa::events
