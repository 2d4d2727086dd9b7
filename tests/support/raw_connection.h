// Test support: a TCP connection to the server under test that sends and reads raw bytes — for
// what a well-behaved HTTP client library never sends (endless lines, pipelined requests, a
// request hidden in a body) — with a timeout on every read.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace anticipa::test {

struct RawResponse {
    int status = 0;
    std::string head;  ///< status line and headers
    std::string body;
    /// A header's value ("" when absent); names compare case-insensitively.
    std::string header(const std::string& name) const;
};

class RawConnection {
  public:
    explicit RawConnection(int port);  ///< connects to 127.0.0.1:port
    ~RawConnection();
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    bool connected() const { return connected_; }
    /// Sends all of `bytes`; false when the server closed or reset the connection first.
    bool send(std::string_view bytes);
    /// The next response (by its Content-Length); nullopt when the connection ended or nothing
    /// whole arrived within `timeout`.
    std::optional<RawResponse> read_response(std::chrono::milliseconds timeout = std::chrono::seconds(10));
    /// Whatever arrives until the server closes the connection or `timeout` passes.
    std::string read_until_closed(std::chrono::milliseconds timeout);
    /// True when the server closed (or reset) the connection within `timeout`.
    bool closed_by_server(std::chrono::milliseconds timeout);

  private:
    /// Reads once into buffer_; false at the end of the connection or after `deadline`.
    bool read_more(std::chrono::steady_clock::time_point deadline);

    int fd_ = -1;
    bool connected_ = false;
    bool ended_ = false;
    std::string buffer_;  ///< read, not yet returned
};

/// The server process's resident memory (VmRSS in /proc/<pid>/status), in KiB.
std::size_t resident_kib(int pid);

}  // namespace anticipa::test
