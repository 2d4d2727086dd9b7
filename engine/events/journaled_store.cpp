// Events stage: the journal, the queue and the writer thread of every events store. The journal is
// what a crash or an unreachable database leaves behind, and the writer (or the next start) replays it.
// The queue keeps each event as accepted beside its journal line, so the writer inserts it without
// parsing the line back (that was a tenth of the instructions of a search the cache had not seen).
#include "events/journaled_store.h"

#include "events/event_journal.h"
#include "events/event_line.h"
#include "events/pii_scrubber.h"

#include <sys/random.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <vector>

namespace anticipa::events {
namespace {

namespace fs = std::filesystem;

// 128 bits from the kernel: unique across threads, across fork() (a seeded generator copied into
// a child would hand out the parent's next ids, and the insert would drop one of them) and across
// replicas writing one shared database.
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

struct JournaledEventStore::Impl {
    Impl(JournaledStoreOptions store_options, std::unique_ptr<EventDatabase> database);
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
    CycleOutcome write_cycle(const std::deque<Event>& batch, const fs::path& rotated);
    void say_when_writing_changes(const std::string& problem);

    const JournaledStoreOptions options_;
    WriterLock writer_lock_;
    std::unique_ptr<EventDatabase> db_;

    // Held shared while record() appends a line and queues its event, exclusively while the writer
    // swaps the queue and the journal: every line of a batch is then in that batch's journal file.
    // Appends run side by side (one O_APPEND write(2) each: the kernel keeps lines whole), so a
    // write the file system stalls, or a thread preempted inside one, holds up no other request.
    // Lock order: journal_mutex_, then mutex_.
    std::shared_mutex journal_mutex_;
    std::atomic<std::size_t> outstanding_ = 0;  // taken for record() until the writer settles it
    std::atomic<std::uint64_t> dropped_ = 0;

    // Guarded by mutex_: what record(), stats(), flush() and the writer share; held only to queue
    // an event or take the queue, never across a system call of record()'s.
    mutable std::mutex mutex_;
    std::condition_variable writer_wakeup_;
    std::condition_variable settled_changed_;
    // Opened only after the replay, which sets aside the journal a previous run left at its path.
    std::optional<EventJournal> journal_;
    // Journaled events not yet taken by the writer. A deque, as pushing never moves the events
    // already queued: a vector grown under the lock moved tens of thousands when the writer fell
    // behind, holding up every request for tens of milliseconds.
    std::deque<Event> queue_;
    std::uint64_t accepted_ = 0;
    std::uint64_t written_ = 0;
    std::uint64_t settled_ = 0;  // accepted lines the writer has finished with (written or kept)
    bool flush_requested_ = false;
    bool stopping_ = false;
    std::string write_problem_;  // from the writer's last cycle; flush() throws it

    // The writer thread's own (and the constructor's, before the writer starts).
    std::vector<fs::path> unwritten_journals_;  // swapped out, but their batch failed: retried
    std::chrono::steady_clock::time_point last_retention_ = std::chrono::steady_clock::now();
    std::string last_problem_said_;
    std::thread writer_;
};

JournaledEventStore::Impl::Impl(JournaledStoreOptions store_options, std::unique_ptr<EventDatabase> database)
    : options_(std::move(store_options)), writer_lock_(options_.journal), db_(std::move(database)) {
    replay_left_over_journals();
    try {
        delete_expired_events();
    } catch (const DatabaseUnavailable&) {  // the writer deletes them within the hour
    }
    journal_.emplace(options_.journal);
    writer_ = std::thread([this] { run_writer(); });
}

JournaledEventStore::Impl::~Impl() {
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
    // Everything is in the database, the journal is empty: remove it. Otherwise the next start replays it.
    if (!keep_journal && write_problem_.empty() && unwritten_journals_.empty()) {
        std::error_code ignored;
        fs::remove(journal_file, ignored);
    }
}

// A crash (or a failed write) left journals: their lines were accepted, so they go in before
// anything new. A journal is removed only after its transaction committed. Once the database is
// unavailable, the rest wait, in order, for the writer to retry them.
void JournaledEventStore::Impl::replay_left_over_journals() {
    set_aside_current_journal(options_.journal);
    for (const fs::path& journal : left_over_journals(options_.journal)) {
        if (!unwritten_journals_.empty()) {
            unwritten_journals_.push_back(journal);
            continue;
        }
        try {
            replay_journal(*db_, journal);
        } catch (const DatabaseUnavailable& error) {
            say_when_writing_changes(error.what());
            unwritten_journals_.push_back(journal);
            continue;
        }
        std::error_code error;
        fs::remove(journal, error);
        if (error) throw file_error(journal, "cannot remove the replayed journal: " + error.message());
    }
}

void JournaledEventStore::Impl::delete_expired_events() {
    if (options_.retention_days <= 0) return;
    db_->delete_before(std::chrono::system_clock::now() - std::chrono::hours(24) * options_.retention_days);
}

void JournaledEventStore::Impl::record(Event event) {
    if (event.event_id.empty()) event.event_id = random_event_id();
    event.query = scrub_personal_data(event.query);
    event.comment = scrub_personal_data(event.comment);
    repair_texts(event);                    // the queued event is the journaled one
    std::string line = event_line(event);  // outside the locks

    if (outstanding_.fetch_add(1, std::memory_order_relaxed) >= options_.max_pending) {
        outstanding_.fetch_sub(1, std::memory_order_relaxed);
        dropped_.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    std::shared_lock appending(journal_mutex_);
    journal_->append(line);
    std::lock_guard guard(mutex_);
    queue_.push_back(std::move(event));
    ++accepted_;
}

void JournaledEventStore::Impl::run_writer() {
    const auto interval = std::max(options_.flush_interval, std::chrono::milliseconds(1));
    // The written events are destroyed while record() goes on, not under the lock.
    std::deque<Event> batch;
    for (;;) {
        bool last_cycle = false;
        {
            std::unique_lock guard(mutex_);
            writer_wakeup_.wait_for(guard, interval, [this] { return stopping_ || flush_requested_; });
            last_cycle = stopping_;
            flush_requested_ = false;
        }
        fs::path rotated;
        std::size_t taken = 0;
        {
            std::unique_lock swapping(journal_mutex_);
            std::lock_guard guard(mutex_);
            batch.swap(queue_);
            taken = batch.size();
            if (!batch.empty()) rotated = journal_->rotate();
        }

        CycleOutcome outcome = write_cycle(batch, rotated);  // record() goes on while the database writes
        outstanding_.fetch_sub(taken, std::memory_order_relaxed);
        batch.clear();
        say_when_writing_changes(outcome.problem);

        std::lock_guard guard(mutex_);
        written_ += outcome.written;
        settled_ += taken;
        write_problem_ = std::move(outcome.problem);
        settled_changed_.notify_all();
        if (last_cycle) return;
    }
}

// Never throws (the writer thread has no caller): a failure becomes the outcome's problem, and a
// batch that failed keeps its journal, retried next cycle and replayed at the next start anyway.
JournaledEventStore::Impl::CycleOutcome JournaledEventStore::Impl::write_cycle(const std::deque<Event>& batch,
                                                                               const fs::path& rotated) {
    CycleOutcome outcome;
    for (auto journal = unwritten_journals_.begin(); journal != unwritten_journals_.end();) {
        try {
            outcome.written += replay_journal(*db_, *journal);
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
            auto event = batch.begin();
            db_->insert_events([&]() { return event == batch.end() ? nullptr : &*event++; });
            outcome.written += batch.size();
            std::error_code ignored;
            if (!rotated.empty()) fs::remove(rotated, ignored);
        } catch (const std::exception& error) {
            outcome.problem = error.what();
            if (!rotated.empty()) unwritten_journals_.push_back(rotated);
        }
    }
    auto now = std::chrono::steady_clock::now();
    if (outcome.problem.empty() && options_.retention_days > 0 && now - last_retention_ >= RETENTION_PERIOD) {
        last_retention_ = now;
        try {
            delete_expired_events();
        } catch (const std::exception& error) {
            outcome.problem = error.what();
        }
    }
    return outcome;
}

// Said once when writing starts failing and once when it works again: the engine has no logger,
// and a database that is down for an hour would otherwise repeat itself four times a second.
void JournaledEventStore::Impl::say_when_writing_changes(const std::string& problem) {
    if (problem == last_problem_said_) return;
    if (!problem.empty()) {
        std::fprintf(stderr, "events: %s; accepted events stay in the journal and are written when it works again\n",
                     problem.c_str());
    } else {
        std::fprintf(stderr, "events: the database takes events again; the journal is written\n");
    }
    last_problem_said_ = problem;
}

SinkStats JournaledEventStore::Impl::stats() const {
    std::lock_guard guard(mutex_);
    return {accepted_, written_, dropped_.load(std::memory_order_relaxed)};
}

void JournaledEventStore::Impl::flush() {
    std::unique_lock guard(mutex_);
    const std::uint64_t target = accepted_;
    flush_requested_ = true;
    writer_wakeup_.notify_one();
    settled_changed_.wait(guard, [&] { return settled_ >= target; });
    if (!write_problem_.empty()) throw std::runtime_error(write_problem_);
}

JournaledEventStore::JournaledEventStore(JournaledStoreOptions options, std::unique_ptr<EventDatabase> database)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(database))) {}

JournaledEventStore::~JournaledEventStore() = default;

void JournaledEventStore::record(Event event) {
    impl_->record(std::move(event));
}

SinkStats JournaledEventStore::stats() const {
    return impl_->stats();
}

void JournaledEventStore::flush() {
    impl_->flush();
}

}  // namespace anticipa::events
