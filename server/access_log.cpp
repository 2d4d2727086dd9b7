#include "access_log.h"

#include "common/json_text.h"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <climits>
#include <cstdint>
#include <ctime>

namespace anticipa::server {

namespace {

/// Lines wait at most this long, or until this many bytes are queued.
constexpr std::chrono::milliseconds FLUSH_INTERVAL{200};
constexpr std::size_t FLUSH_BYTES = 64 * 1024;
/// Queued bytes past which lines are dropped (the output has been blocked for a while).
constexpr std::size_t MAX_PENDING = 4 * 1024 * 1024;

/// "2026-10-01T12:00:00.123Z". The seconds part is formatted once per second per thread.
void append_time(std::string& out, std::chrono::system_clock::time_point time) {
    thread_local std::time_t formatted_second = -1;
    thread_local char second_text[24];
    const auto since_epoch = time.time_since_epoch();
    const std::time_t second = std::chrono::duration_cast<std::chrono::seconds>(since_epoch).count();
    if (second != formatted_second) {
        std::tm parts{};
        gmtime_r(&second, &parts);
        std::strftime(second_text, sizeof second_text, "%Y-%m-%dT%H:%M:%S", &parts);
        formatted_second = second;
    }
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch).count() % 1000;
    const char fraction[] = {'.', static_cast<char>('0' + millis / 100), static_cast<char>('0' + millis / 10 % 10),
                             static_cast<char>('0' + millis % 10), 'Z'};
    out += second_text;
    out.append(fraction, sizeof fraction);
}

}  // namespace

std::string format_access_line(const AccessRecord& record, std::chrono::system_clock::time_point time) {
    std::string line;
    line.reserve(160 + record.path.size());
    {
        JsonObjectWriter object(line);
        std::string& at = object.member("time");
        at += '"';
        append_time(at, time);
        at += '"';
        object.text("remote", record.remote);
        object.text("method", record.method);
        object.text("path", record.path);
        object.text("route", record.route);
        object.number("status", record.status);
        object.number("bytes", static_cast<std::int64_t>(record.bytes));
        // Milliseconds with three decimals: std::to_chars, with none of printf's locale parsing.
        char digits[32];
        const double ms = std::chrono::duration<double, std::milli>(record.latency).count();
        const auto written = std::to_chars(digits, digits + sizeof digits, ms, std::chars_format::fixed, 3);
        object.member("ms").append(digits, written.ptr);
    }
    line += '\n';
    return line;
}

AccessLog::AccessLog(int fd) : fd_(fd), flusher_([this] { flush_loop(); }) {}

AccessLog::~AccessLog() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    ready_.notify_one();
    flusher_.join();
}

void AccessLog::write(const AccessRecord& record) {
    const std::string line = format_access_line(record, std::chrono::system_clock::now());
    bool full = false;
    {
        std::lock_guard lock(mutex_);
        if (pending_.size() + line.size() > MAX_PENDING) {
            ++dropped_;
            return;
        }
        pending_ += line;
        full = pending_.size() >= FLUSH_BYTES;
    }
    if (full) ready_.notify_one();
}

std::uint64_t AccessLog::dropped() const {
    std::lock_guard lock(mutex_);
    return dropped_;
}

void AccessLog::flush_loop() {
    std::string writing;
    std::unique_lock lock(mutex_);
    std::uint64_t reported = 0;
    for (;;) {
        ready_.wait_for(lock, FLUSH_INTERVAL, [this] { return stopping_ || pending_.size() >= FLUSH_BYTES; });
        const bool last = stopping_;
        writing.swap(pending_);
        if (dropped_ > reported) {  // said once the output moves again, in the log itself
            writing += "{\"time\":\"";
            append_time(writing, std::chrono::system_clock::now());
            writing += "\",\"dropped_lines\":" + std::to_string(dropped_ - reported) + "}\n";
            reported = dropped_;
        }
        lock.unlock();
        const bool written = write_out(writing);
        writing.clear();
        lock.lock();
        if (last && (pending_.empty() || !written)) return;
    }
}

/// Writes in pieces a pipe takes without blocking, waiting for room at most a second at a time;
/// false when the output stayed blocked while the log is stopping.
bool AccessLog::write_out(std::string_view text) {
    while (!text.empty()) {
        pollfd ready{fd_, POLLOUT, 0};
        const int polled = poll(&ready, 1, 1000);
        if (polled < 0 && errno == EINTR) continue;
        if (polled == 0) {
            std::lock_guard lock(mutex_);
            if (stopping_) return false;
            continue;
        }
        if (polled < 0 || (ready.revents & (POLLERR | POLLNVAL))) return false;
        const ssize_t wrote = ::write(fd_, text.data(), std::min<std::size_t>(text.size(), PIPE_BUF));
        if (wrote < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (wrote <= 0) return false;
        text.remove_prefix(wrote);
    }
    return true;
}

}  // namespace anticipa::server
