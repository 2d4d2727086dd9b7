// Server transport: where one HTTP/1.1 request ends in the bytes a connection received — its
// request line, headers and Content-Length body — within limits, before cpp-httplib parses it.
#pragma once

#include "api_error.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace anticipa::server::transport {

/// What one request may take. A request past a limit is refused before its body is read.
struct FramingLimits {
    std::size_t request_line_bytes = 8 * 1024;  ///< cpp-httplib's own limit (CPPHTTPLIB_REQUEST_URI_MAX_LENGTH)
    std::size_t header_line_bytes = 8 * 1024;   ///< one header line
    std::size_t header_count = 100;
    std::size_t head_bytes = 32 * 1024;  ///< request line and headers together
    std::size_t body_bytes = 16 * 1024;  ///< the Content-Length a request may declare
};

/// Why a request was refused at framing: its answer's error and message.
struct FramingRefusal {
    ApiError error = ApiError::INVALID_REQUEST;
    std::string message;
};

/// Scans a connection's input as it grows and says when one whole request is there. It keeps its
/// place between calls, so a head that arrives a byte at a time is scanned once, not once per byte.
/// Lines must end in CR LF; a request whose framing is ambiguous (a Transfer-Encoding, two
/// Content-Lengths, a folded or malformed header line) is refused, because cpp-httplib and this
/// framer could then disagree about where the request ends, and the bytes past it would be taken
/// as the next request.
class RequestFramer {
  public:
    enum class State { INCOMPLETE, COMPLETE, REFUSED };

    explicit RequestFramer(const FramingLimits& limits) : limits_(limits) {}

    /// Scans `input` (the bytes received since the previous request ended; the same prefix as at
    /// the previous call, possibly longer).
    State scan(std::string_view input);

    /// COMPLETE: the request is input[begin(), begin() + size()); empty lines before it are skipped.
    std::size_t begin() const { return begin_; }
    std::size_t size() const { return head_end_ + content_length_ - begin_; }
    /// COMPLETE: the request line and headers, with the empty line ending them.
    std::size_t head_size() const { return head_end_ - begin_; }
    /// The head is complete, the body is not, and the client waits for "100 Continue" to send it.
    bool awaits_continue() const { return head_end_ != 0 && expects_continue_; }
    /// The request line in `input` once it has arrived ("GET /healthz HTTP/1.1"), else "".
    std::string_view request_line(std::string_view input) const { return input.substr(begin_, request_line_size_); }
    /// REFUSED: what to answer.
    const FramingRefusal& refusal() const { return refusal_; }

    /// Starts over for the next request on the connection.
    void reset();

  private:
    State refuse(ApiError error, std::string message);
    State check_line(std::size_t end);
    State scan_line(std::string_view line, std::size_t line_end);
    State read_header(std::string_view line);

    const FramingLimits& limits_;
    std::size_t begin_ = 0;              ///< first byte of the request line
    std::size_t request_line_size_ = 0;  ///< 0 until the request line has ended
    std::size_t scanned_ = 0;            ///< bytes already searched for a line end
    std::size_t line_start_ = 0;
    std::size_t head_end_ = 0;  ///< one past the empty line ending the head; 0 until then
    std::size_t headers_ = 0;
    std::size_t content_length_ = 0;
    bool has_content_length_ = false;
    bool expects_continue_ = false;
    FramingRefusal refusal_;
};

}  // namespace anticipa::server::transport
