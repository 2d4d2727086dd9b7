// Events stage: the embedded events store. record() scrubs an event, appends it as one JSON line
// to a journal beside the database and queues it; a writer thread moves each queue into SQLite in
// one transaction. The journal is what a crash leaves behind, and the next start replays it.
//
// The pieces, each in its own file: the journal's files (event_journal.h), the JSON line of an
// event (event_line.h), the table and its migrations (event_schema.h) and SQLite (sqlite_connection.h).
#include "events/event_store.h"

#include "events/event_journal.h"
#include "events/event_line.h"
#include "events/event_schema.h"
#include "events/pii_scrubber.h"
#include "events/sqlite_connection.h"

#include <sys/random.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <system_error>
#include <thread>

namespace anticipa::events {
namespace {

namespace fs = std::filesystem;

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
    void run_writer();
    CycleOutcome write_cycle(const std::vector<std::string>& batch, const fs::path& rotated);

    const EventStoreOptions options_;
    WriterLock writer_lock_;
    Connection db_;
    std::optional<Statement> insert_;

    // Guarded by mutex_: what record(), stats(), flush() and the writer share.
    mutable std::mutex mutex_;
    std::condition_variable writer_wakeup_;
    std::condition_variable settled_changed_;
    // Opened only after the replay, which removes the journal a previous run left at its path.
    std::optional<EventJournal> journal_;
    std::vector<std::string> queue_;  // journal lines not yet taken by the writer
    std::size_t in_flight_ = 0;       // lines the writer is inserting now
    std::uint64_t accepted_ = 0;
    std::uint64_t written_ = 0;
    std::uint64_t dropped_ = 0;
    std::uint64_t settled_ = 0;  // accepted lines the writer has finished with (written or kept)
    bool flush_requested_ = false;
    bool stopping_ = false;
    std::string write_problem_;  // from the writer's last cycle; flush() throws it

    // The writer thread's own.
    std::vector<fs::path> unwritten_journals_;  // swapped out, but their batch failed: retried
    std::chrono::steady_clock::time_point last_retention_ = std::chrono::steady_clock::now();
    std::thread writer_;
};

SqliteEventStore::Impl::Impl(EventStoreOptions store_options)
    : options_(std::move(store_options)), writer_lock_(options_.path), db_(options_.path, OpenMode::READ_WRITE_CREATE) {
    migrate(db_);
    insert_.emplace(db_, INSERT_EVENT_SQL);
    replay_left_over_journals();
    delete_expired_events();
    journal_.emplace(options_.path);
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
    const fs::path journal_file = journal_->file();
    const bool keep_journal = journal_->must_be_kept();
    journal_.reset();  // closes it
    // Everything is in SQLite, the journal is empty: remove it. Otherwise the next start replays it.
    if (!keep_journal && write_problem_.empty() && unwritten_journals_.empty()) {
        std::error_code ignored;
        fs::remove(journal_file, ignored);
    }
}

// A crash (or a failed write) left journals: their lines were accepted, so they go in before
// anything new. A journal is removed only after its transaction committed.
void SqliteEventStore::Impl::replay_left_over_journals() {
    for (const fs::path& journal : left_over_journals(options_.path)) {
        replay_journal(db_, *insert_, journal);
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
    std::string line = event_line(event);  // outside the lock

    std::lock_guard guard(mutex_);
    if (queue_.size() + in_flight_ >= options_.max_pending) {
        ++dropped_;
        return;
    }
    journal_->append(line);
    queue_.push_back(std::move(line));
    ++accepted_;
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
        fs::path rotated = batch.empty() ? fs::path() : journal_->rotate();

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
            outcome.written += replay_journal(db_, *insert_, *journal);
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
            insert_event_lines(db_, *insert_, [&]() { return line == batch.end() ? nullptr : &*line++; });
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

SqliteEventStore::SqliteEventStore(EventStoreOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

SqliteEventStore::~SqliteEventStore() = default;

void SqliteEventStore::record(Event event) {
    impl_->record(std::move(event));
}

SinkStats SqliteEventStore::stats() const {
    return impl_->stats();
}

void SqliteEventStore::flush() {
    impl_->flush();
}

// ---- reading ----------------------------------------------------------------------------------

std::filesystem::path default_events_path() {
    const char* configured = std::getenv("ANTICIPA_EVENTS");
    return configured && *configured ? fs::path(configured) : fs::path("events.db");
}

int event_schema_version() {
    return latest_schema_version();
}

void for_each_event(const std::filesystem::path& path, std::chrono::system_clock::time_point since,
                    std::chrono::system_clock::time_point until, const std::function<void(Event&&)>& visit) {
    std::error_code error;
    if (!fs::exists(path, error)) {
        throw file_error(path, "no events database (start `anticipa serve` first, or pass --events)");
    }
    // Read-only: WAL lets it read the last commit while a server keeps writing.
    Connection db(path, OpenMode::READ_ONLY);
    require_latest_schema(db);
    Statement select(db, SELECT_EVENTS_SQL);
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
