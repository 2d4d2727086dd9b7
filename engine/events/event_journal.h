// Events stage (internal): the journal files beside an events database. Accepted events -> JSON
// lines appended to a journal, which the writer swaps out per batch and a restart replays.
//
// Files beside `events.db`:
//   events.db-journal.jsonl     lines accepted since the writer's last swap (O_APPEND, no fsync)
//   events.db-journal.<n>.jsonl a swapped-out journal whose batch is being (or failed to be) written
//   events.db-journal.lock      held (flock) by the one process writing this database
#pragma once

#include "events/event_database.h"
#include "events/sqlite_connection.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace anticipa::events {

/// The journal record() appends to: `events.db-journal.jsonl`.
std::filesystem::path journal_path(const std::filesystem::path& database);

/// Journals a previous run left beside `database`, in the order to replay them.
std::vector<std::filesystem::path> left_over_journals(const std::filesystem::path& database);

/// Renames the journal a previous run was appending to, if there is one, to the next swapped-out
/// name: every journal a previous run left is then a finished batch, replayed or kept as one.
void set_aside_current_journal(const std::filesystem::path& database);

/// Inserts the events of a journal file in one transaction; returns how many were inserted or
/// already there. Throws naming the file when it cannot be read, and whatever `db` throws.
std::uint64_t replay_journal(EventDatabase& db, const std::filesystem::path& journal);

/// Makes this process the only writer of `database` (creating its folder) for its lifetime.
/// Throws naming the files when another process holds the lock or it cannot be created.
class WriterLock {
  public:
    explicit WriterLock(const std::filesystem::path& database);
    ~WriterLock();
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;

  private:
    int fd_ = -1;
};

/// The current journal, open for appending. append() may run on several threads at once;
/// rotate() only while none does (the store's journal lock, held exclusively).
class EventJournal {
  public:
    /// Creates or opens journal_path(database); swapped-out journals are numbered after the ones
    /// already there. Throws naming the file when it cannot.
    explicit EventJournal(std::filesystem::path database);
    ~EventJournal();  ///< closes the file and leaves it where it is
    EventJournal(const EventJournal&) = delete;
    EventJournal& operator=(const EventJournal&) = delete;

    /// Appends a whole line with one write(2). A failure is reported once on stderr, not thrown.
    void append(const std::string& line);

    /// Swaps the journal out for a new one and returns the swapped-out file, whose lines are the
    /// batch taken since the last rotation; empty when those lines stay in the current journal.
    std::filesystem::path rotate();

    /// True once a rotation failed: the batch still got written, but the journal stays for the
    /// next start to replay rather than being removed at shutdown.
    bool must_be_kept() const { return keep_; }

    const std::filesystem::path& file() const { return file_; }

  private:
    void report_problem(const char* doing);

    const std::filesystem::path database_;
    const std::filesystem::path file_;
    int fd_ = -1;
    unsigned next_rotation_ = 1;
    bool keep_ = false;
    std::atomic<bool> problem_reported_ = false;
};

}  // namespace anticipa::events
