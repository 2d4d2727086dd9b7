// Server: the access log — one JSON line per request on stderr, with its time, written by a
// thread of its own so a request never waits for the terminal, the pipe or the disk.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace anticipa::server {

struct AccessRecord {
    std::string_view remote, method, path;
    std::string_view route;  ///< the route pattern that answered; "" when none did
    int status = 0;
    std::size_t bytes = 0;  ///< of the response body
    std::chrono::steady_clock::duration latency{};
};

/// {"time":"2026-10-01T12:00:00.123Z","remote":"127.0.0.1","method":"GET","path":"/healthz",
///  "route":"/healthz","status":200,"bytes":97,"ms":0.42}
std::string format_access_line(const AccessRecord& record, std::chrono::system_clock::time_point time);

class AccessLog {
  public:
    explicit AccessLog(int fd);  ///< usually STDERR_FILENO
    ~AccessLog();                ///< writes what is left (giving up after a second on a blocked output)
    AccessLog(const AccessLog&) = delete;
    AccessLog& operator=(const AccessLog&) = delete;

    /// Formats the line and queues it; no system call. While the output is blocked (a pipe no
    /// one reads) lines past a few MB are dropped, never waited for; once it moves again a line
    /// {"time": ..., "dropped_lines": N} says how many.
    void write(const AccessRecord& record);
    std::uint64_t dropped() const;

  private:
    void flush_loop();
    bool write_out(std::string_view text);

    const int fd_;
    mutable std::mutex mutex_;
    std::condition_variable ready_;
    std::string pending_;
    std::uint64_t dropped_ = 0;
    bool stopping_ = false;
    std::thread flusher_;
};

}  // namespace anticipa::server
