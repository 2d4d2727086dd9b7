#include "transport/request_framer.h"

#include <algorithm>
#include <cstring>

namespace anticipa::server::transport {

namespace {

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
}

bool same_text(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

/// RFC 9110 token characters: a header name is one of these runs ("Content-Length").
bool is_token(std::string_view name) {
    static constexpr std::string_view SYMBOLS = "!#$%&'*+-.^_`|~";
    return !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
        return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
               SYMBOLS.find(static_cast<char>(c)) != std::string_view::npos;
    });
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

}  // namespace

RequestFramer::State RequestFramer::scan(std::string_view input) {
    while (head_end_ == 0) {
        const void* found =
            scanned_ < input.size() ? std::memchr(input.data() + scanned_, '\n', input.size() - scanned_) : nullptr;
        if (!found) {
            scanned_ = input.size();
            return check_line(input.size());
        }
        const std::size_t line_end = static_cast<const char*>(found) - input.data();
        scanned_ = line_end + 1;
        const std::string_view line = input.substr(line_start_, line_end - line_start_);
        if (scan_line(line, line_end) == State::REFUSED) return State::REFUSED;
    }
    return input.size() >= head_end_ + content_length_ ? State::COMPLETE : State::INCOMPLETE;
}

void RequestFramer::reset() {
    begin_ = request_line_size_ = scanned_ = line_start_ = head_end_ = headers_ = content_length_ = 0;
    has_content_length_ = expects_continue_ = false;
    refusal_ = {};
}

RequestFramer::State RequestFramer::refuse(ApiError error, std::string message) {
    refusal_ = {error, std::move(message)};
    return State::REFUSED;
}

/// Checks the line that starts at line_start_ and has reached `end` (its CR LF included once it
/// has one, as cpp-httplib counts). A line without its end yet is refused as soon as it passes
/// its limit: a client sending an endless line costs the limit, not what it sends.
RequestFramer::State RequestFramer::check_line(std::size_t end) {
    const std::size_t line = end - line_start_;
    if (request_line_size_ == 0 && line > limits_.request_line_bytes)
        return refuse(ApiError::QUERY_TOO_LONG, "the request line is over " +
                                                    std::to_string(limits_.request_line_bytes) +
                                                    " bytes (q is limited in length)");
    if (request_line_size_ != 0 && line > limits_.header_line_bytes)
        return refuse(ApiError::HEADERS_TOO_LARGE,
                      "a header line is over " + std::to_string(limits_.header_line_bytes) + " bytes");
    if (end > limits_.head_bytes)
        return refuse(ApiError::HEADERS_TOO_LARGE,
                      "the request head is over " + std::to_string(limits_.head_bytes) + " bytes");
    return State::INCOMPLETE;
}

/// `line` ends at input[line_end], the '\n'. The head's size counts from the first byte received,
/// so endless empty lines before a request line are bounded too.
RequestFramer::State RequestFramer::scan_line(std::string_view line, std::size_t line_end) {
    if (check_line(line_end + 1) == State::REFUSED) return State::REFUSED;
    line_start_ = line_end + 1;
    if (line.empty() || line.back() != '\r')
        return refuse(ApiError::INVALID_REQUEST, "a line of the request head does not end with CR LF");
    line.remove_suffix(1);
    if (request_line_size_ == 0) {
        // RFC 9112 2.2: an empty line before the request line is ignored (some clients send CR LF
        // after a POST body).
        if (line.empty()) begin_ = line_start_;
        else request_line_size_ = line.size();
        return State::INCOMPLETE;
    }
    if (line.empty()) {
        head_end_ = line_start_;
        return State::INCOMPLETE;
    }
    return read_header(line);
}

RequestFramer::State RequestFramer::read_header(std::string_view line) {
    if (++headers_ > limits_.header_count)
        return refuse(ApiError::HEADERS_TOO_LARGE,
                      "more than " + std::to_string(limits_.header_count) + " header lines");
    if (line.front() == ' ' || line.front() == '\t')
        return refuse(ApiError::INVALID_REQUEST, "folded header lines are not accepted");
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || !is_token(line.substr(0, colon)))
        return refuse(ApiError::INVALID_REQUEST, "a header line is not a name, ':' and a value");
    const std::string_view name = line.substr(0, colon);
    const std::string_view value = trim(line.substr(colon + 1));
    if (same_text(name, "Content-Length")) {
        if (has_content_length_)
            return refuse(ApiError::INVALID_REQUEST, "the request has more than one Content-Length");
        if (value.empty() || value.size() > 18 ||
            !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return refuse(ApiError::INVALID_REQUEST, "Content-Length must be a number of bytes");
        has_content_length_ = true;
        content_length_ = std::stoull(std::string(value));
        if (content_length_ > limits_.body_bytes)
            return refuse(ApiError::PAYLOAD_TOO_LARGE, "body over " + std::to_string(limits_.body_bytes) + " bytes");
    } else if (same_text(name, "Transfer-Encoding")) {
        return refuse(ApiError::UNSUPPORTED, "chunked request bodies are not accepted; send Content-Length");
    } else if (same_text(name, "Expect") && same_text(value, "100-continue")) {
        expects_continue_ = true;
    }
    return State::INCOMPLETE;
}

}  // namespace anticipa::server::transport
