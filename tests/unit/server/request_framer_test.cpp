#include "transport/request_framer.h"

#include <catch2/catch.hpp>

#include <string>

using anticipa::server::ApiError;
using anticipa::server::transport::FramingLimits;
using anticipa::server::transport::RequestFramer;
using State = RequestFramer::State;

namespace {

const FramingLimits LIMITS{
    .request_line_bytes = 64, .header_line_bytes = 48, .header_count = 4, .head_bytes = 160, .body_bytes = 32};

/// "COMPLETE 37" (the request's size), "INCOMPLETE", or "REFUSED headers_too_large".
std::string frame(const std::string& input) {
    RequestFramer framer(LIMITS);
    switch (framer.scan(input)) {
        case State::COMPLETE:
            return "COMPLETE " + std::to_string(framer.begin()) + "+" + std::to_string(framer.size());
        case State::INCOMPLETE:
            return "INCOMPLETE";
        case State::REFUSED:
            return std::string("REFUSED ") + anticipa::server::error_code(framer.refusal().error);
    }
    return "";
}

}  // namespace

TEST_CASE("RequestFramer: a request ends after its head and Content-Length body", "[server][transport][unit]") {
    struct Case {
        std::string input, expected;
    };
    for (const auto& c : std::vector<Case>{
             {"GET / HTTP/1.1\r\nHost: x\r\n\r\n", "COMPLETE 0+27"},
             {"GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /next", "COMPLETE 0+27"},  // a pipelined next request
             {"POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello", "COMPLETE 0+43"},
             {"POST / HTTP/1.1\r\ncontent-length:  5 \r\n\r\nhelloGET", "COMPLETE 0+45"},
             {"POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhel", "INCOMPLETE"},
             {"GET / HTTP/1.1\r\nHost: x\r\n", "INCOMPLETE"},
             {"\r\nGET / HTTP/1.1\r\n\r\n", "COMPLETE 2+18"},  // an empty line before it is skipped
         }) {
        CAPTURE(c.input);
        CHECK(frame(c.input) == c.expected);
    }
}

TEST_CASE("RequestFramer: limits refuse a request as soon as it passes them", "[server][transport][unit]") {
    struct Case {
        std::string input, expected;
    };
    for (const auto& c : std::vector<Case>{
             {"GET /" + std::string(70, 'a'), "REFUSED query_too_long"},  // no line end needed
             {"GET / HTTP/1.1\r\nX: " + std::string(50, 'a'), "REFUSED headers_too_large"},
             {"GET / HTTP/1.1\r\nA: 1\r\nB: 1\r\nC: 1\r\nD: 1\r\nE: 1\r\n", "REFUSED headers_too_large"},
             {"POST / HTTP/1.1\r\nContent-Length: 33\r\n\r\n", "REFUSED payload_too_large"},
         }) {
        CAPTURE(c.input.substr(0, 40));
        CHECK(frame(c.input) == c.expected);
    }
    SECTION("endless empty lines before a request count toward the head") {
        std::string lines;
        for (int i = 0; i < 100; ++i) lines += "\r\n";
        CHECK(frame(lines) == "REFUSED headers_too_large");
    }
}

TEST_CASE("RequestFramer: ambiguous framing is refused, not guessed", "[server][transport][unit]") {
    struct Case {
        std::string name, input, expected;
    };
    for (const auto& c : std::vector<Case>{
             {"chunked", "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", "REFUSED unsupported_request"},
             {"two lengths", "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx",
              "REFUSED invalid_request"},
             {"length not a number", "POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\nx", "REFUSED invalid_request"},
             {"signed length", "POST / HTTP/1.1\r\nContent-Length: +1\r\n\r\nx", "REFUSED invalid_request"},
             {"space before the colon", "POST / HTTP/1.1\r\nContent-Length : 1\r\n\r\nx", "REFUSED invalid_request"},
             {"folded line", "GET / HTTP/1.1\r\nX: a\r\n b\r\n\r\n", "REFUSED invalid_request"},
             {"bare LF", "GET / HTTP/1.1\nHost: x\n\n", "REFUSED invalid_request"},
         }) {
        CAPTURE(c.name);
        CHECK(frame(c.input) == c.expected);
    }
}

TEST_CASE("RequestFramer: a head that arrives a byte at a time frames the same", "[server][transport][unit]") {
    const std::string request = "POST /e HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok";
    RequestFramer framer(LIMITS);
    std::string input;
    bool asked_to_continue = false;
    for (std::size_t i = 0; i + 1 < request.size(); ++i) {
        input += request[i];
        REQUIRE(framer.scan(input) == State::INCOMPLETE);
        asked_to_continue = asked_to_continue || framer.awaits_continue();
    }
    CHECK(asked_to_continue);
    input += request.back();
    REQUIRE(framer.scan(input) == State::COMPLETE);
    CHECK(framer.size() == request.size());
    CHECK(framer.head_size() == request.size() - 2);
    CHECK(framer.request_line(input) == "POST /e HTTP/1.1");
    framer.reset();
    CHECK(framer.scan("GET / HTTP/1.1\r\n\r\n") == State::COMPLETE);
}
