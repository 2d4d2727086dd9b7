// Test support: run the real `anticipa` binary as a child process and read what it printed.
#pragma once

#include <sys/types.h>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace anticipa::test {

struct ProcessResult {
    int exit_code = -1;  ///< -1 when killed by a signal
    std::string out;
    std::string err;
};

/// The built `anticipa` executable.
std::string anticipa_binary();

/// The built `anticipa-traffic` executable (tools/traffic/).
std::string traffic_binary();

/// A loopback port nobody listens on right now, for a program that cannot be given port 0
/// (xapian-replicate-server, nginx, a server restarted on the port a proxy knows).
int free_loopback_port();

/// Runs `argv` (argv[0] is the program) to completion, capturing stdout and stderr.
ProcessResult run_process(const std::vector<std::string>& argv);

/// A child still running, with its stderr readable line by line (for tests that kill it).
class RunningProcess {
  public:
    /// Starts `argv` in `folder` (default: the test's own working folder).
    explicit RunningProcess(const std::vector<std::string>& argv, const std::filesystem::path& folder = {});
    ~RunningProcess();  ///< kills the child if it is still running

    /// Next line the child wrote to stderr; false at end of output.
    bool read_error_line(std::string& line);
    /// From now on, reads and drops what the child writes to stderr on a thread of its own, so a
    /// chatty child (a server logging each request) never blocks on a full pipe.
    void discard_errors();
    /// Like discard_errors(), but keeps what it reads for errors_so_far().
    void collect_errors();
    std::string errors_so_far();
    void kill_now();  ///< SIGKILL, then reaps it
    int terminate();  ///< SIGTERM, waits, returns the exit code (-1 when killed by a signal)
    pid_t pid() const { return pid_; }

  private:
    pid_t pid_ = -1;
    int err_fd_ = -1;
    std::string buffer_;
    std::thread discarding_;
    std::mutex collected_mutex_;
    std::string collected_;
};

/// Reads a starting `anticipa serve`'s stderr up to its "listening on http://127.0.0.1:PORT"
/// line; the port, or 0 when the server ended first.
int listening_port(RunningProcess& server);

}  // namespace anticipa::test
