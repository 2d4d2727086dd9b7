#include "events/event_journal.h"

#include "events/event_line.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
#include <system_error>
#include <utility>

namespace anticipa::events {

namespace fs = std::filesystem;

namespace {

fs::path rotated_journal_path(const fs::path& database, unsigned number) {
    return database.string() + "-journal." + std::to_string(number) + ".jsonl";
}

int open_journal(const fs::path& journal) {
    return ::open(journal.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
}

}  // namespace

fs::path journal_path(const fs::path& database) {
    return database.string() + "-journal.jsonl";
}

namespace {

struct NumberedJournal {
    unsigned long number;  // ~0 for the current journal, so it sorts last
    fs::path path;
};

// The journals beside `database`, in the order they were made.
std::vector<NumberedJournal> journals_beside(const fs::path& database) {
    fs::path folder = database.parent_path().empty() ? fs::path(".") : database.parent_path();
    const std::string current = journal_path(database).filename().string();
    const std::string prefix = database.filename().string() + "-journal.";
    const std::string suffix = ".jsonl";
    std::vector<NumberedJournal> found;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(folder, error)) {
        std::string name = entry.path().filename().string();
        if (name == current) {
            found.push_back({~0UL, entry.path()});
            continue;
        }
        if (name.size() <= prefix.size() + suffix.size() || name.compare(0, prefix.size(), prefix) != 0 ||
            name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) {
            continue;
        }
        std::string number = name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
        auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
        if (number.size() < 10 && std::all_of(number.begin(), number.end(), is_digit)) {
            found.push_back({std::stoul(number), entry.path()});
        }
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.number < b.number; });
    return found;
}

// The number the next swapped-out journal gets: after every one already there, so a journal a
// previous run left (kept because its database was down) is never overwritten.
unsigned next_free_rotation(const fs::path& database) {
    unsigned next = 1;
    for (const NumberedJournal& journal : journals_beside(database)) {
        if (journal.number != ~0UL) next = std::max(next, static_cast<unsigned>(journal.number) + 1);
    }
    return next;
}

}  // namespace

// Journals a previous run left: the swapped-out ones in the order they were made, then the
// current one, so replayed events keep their order among equal timestamps.
std::vector<fs::path> left_over_journals(const fs::path& database) {
    std::vector<fs::path> journals;
    for (NumberedJournal& journal : journals_beside(database)) journals.push_back(std::move(journal.path));
    return journals;
}

void set_aside_current_journal(const fs::path& database) {
    const fs::path current = journal_path(database);
    std::error_code error;
    if (!fs::exists(current, error)) return;
    const fs::path set_aside = rotated_journal_path(database, next_free_rotation(database));
    fs::rename(current, set_aside, error);
    if (error) throw file_error(current, "cannot set the left-over journal aside: " + error.message());
}

std::uint64_t replay_journal(EventDatabase& db, const fs::path& journal) {
    std::ifstream in(journal, std::ios::binary);
    if (!in) throw file_error(journal, "cannot read the events journal");
    std::string line;
    std::optional<Event> event;
    return db.insert_events([&]() -> const Event* {
        while (std::getline(in, line))
            if ((event = parse_event_line(line))) return &*event;  // a line a crash cut short is skipped
        return nullptr;
    });
}

// ---- the writer lock --------------------------------------------------------------------------

// One process writes a database: a second `anticipa serve` on the same file would replay and
// delete the journal the first is still appending to. flock is released by the kernel when the
// holder dies, so a crash never leaves the database locked. The lock file itself stays: removing
// it would let two processes lock two different files.
WriterLock::WriterLock(const fs::path& database) {
    std::error_code ignored;
    if (database.has_parent_path()) fs::create_directories(database.parent_path(), ignored);
    fs::path lock_file = database.string() + "-journal.lock";
    fd_ = ::open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ < 0) {
        throw file_error(lock_file, std::string("cannot create the writer lock: ") + std::strerror(errno));
    }
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd_);
        throw file_error(database, "another process is writing these events (it holds " + lock_file.string() + ")");
    }
}

WriterLock::~WriterLock() {
    ::close(fd_);
}

// ---- the current journal ----------------------------------------------------------------------

EventJournal::EventJournal(fs::path database)
    : database_(std::move(database)),
      file_(journal_path(database_)),
      fd_(open_journal(file_)),
      next_rotation_(next_free_rotation(database_)) {
    if (fd_ < 0) throw file_error(file_, std::string("cannot create the events journal: ") + std::strerror(errno));
}

EventJournal::~EventJournal() {
    if (fd_ >= 0) ::close(fd_);
}

// One write(2) of a whole line: appends to a regular file opened O_APPEND never interleave (Linux
// holds the file's lock for each), and once it returns the kernel has the bytes, which outlive a
// kill -9 of this process (not a power cut: no fsync, as the request path must not wait for the disk).
void EventJournal::append(const std::string& line) {
    if (fd_ < 0) return report_problem("the journal is not open");
    const char* data = line.data();
    std::size_t left = line.size();
    while (left > 0) {
        ssize_t n = ::write(fd_, data, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return report_problem(std::strerror(errno));
        data += n;
        left -= static_cast<std::size_t>(n);
    }
}

// The event is still queued and reaches SQLite in the next cycle; only a crash before that would
// lose it. Said once on stderr, since the engine has no logger and a full disk repeats itself.
void EventJournal::report_problem(const char* doing) {
    if (problem_reported_.exchange(true)) return;
    std::fprintf(stderr, "%s: cannot append to the events journal (%s); events are kept in memory until written\n",
                 file_.c_str(), doing);
}

// Called with the store's journal lock held exclusively, so no record() appends between the rename
// and the new file: every line of the batch is in the rotated file, and no line of a later batch is.
fs::path EventJournal::rotate() {
    if (fd_ < 0) {  // the last reopen failed: these lines are only in memory, try again
        fd_ = open_journal(file_);
        return {};
    }
    fs::path rotated = rotated_journal_path(database_, next_rotation_++);
    if (::rename(file_.c_str(), rotated.c_str()) != 0) {
        keep_ = true;  // the batch still gets written; the journal stays for a replay
        return {};
    }
    ::close(fd_);
    fd_ = open_journal(file_);
    if (fd_ < 0) report_problem(std::strerror(errno));
    return rotated;
}

}  // namespace anticipa::events
