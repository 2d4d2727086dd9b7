#include "access_log.h"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <string>
#include <thread>

using anticipa::server::AccessLog;
using anticipa::server::AccessRecord;
using anticipa::server::format_access_line;

namespace {

std::chrono::system_clock::time_point at(long long millis) {
    return std::chrono::system_clock::time_point(std::chrono::milliseconds(millis));
}

/// Everything written to the pipe's read end until the write end is closed.
std::string drain(int fd) {
    std::string text;
    char chunk[65536];
    for (ssize_t got; (got = read(fd, chunk, sizeof chunk)) > 0;) text.append(chunk, static_cast<std::size_t>(got));
    return text;
}

}  // namespace

TEST_CASE("AccessLog: one JSON line per request, with its UTC time and request text escaped", "[server][unit]") {
    const AccessRecord record{.remote = "127.0.0.1",
                              .method = "GET",
                              .path = "/en/articles/a\"b\n\xff",
                              .route = "/{locale}/articles/{id}",
                              .status = 404,
                              .bytes = 1234,
                              .latency = std::chrono::microseconds(1500)};
    CHECK(format_access_line(record, at(1790000000123)) ==
          "{\"time\":\"2026-09-21T14:13:20.123Z\",\"remote\":\"127.0.0.1\",\"method\":\"GET\","
          "\"path\":\"/en/articles/a\\\"b\\n\xEF\xBF\xBD\",\"route\":\"/{locale}/articles/{id}\","
          "\"status\":404,\"bytes\":1234,\"ms\":1.500}\n");
    CHECK(format_access_line(record, at(1790000001007)).starts_with("{\"time\":\"2026-09-21T14:13:21.007Z\""));
}

TEST_CASE("AccessLog: a blocked output drops lines instead of waiting, and says how many", "[server][unit]") {
    int pipe_fds[2];
    REQUIRE(pipe2(pipe_fds, O_CLOEXEC) == 0);
    std::string written;
    std::thread reader;
    {
        AccessLog log(pipe_fds[1]);
        const AccessRecord record{.remote = "127.0.0.1", .method = "GET", .path = "/healthz", .status = 200};
        // Nobody reads the pipe yet: its 64 KiB fill, the log keeps a few MB, the rest is dropped
        // and every write returns at once.
        for (int i = 0; i < 60000; ++i) log.write(record);
        CHECK(log.dropped() > 0);
        reader = std::thread([&] { written = drain(pipe_fds[0]); });  // until the write end closes
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        log.write(record);  // the output moves again
    }
    close(pipe_fds[1]);
    reader.join();
    CHECK(written.find("\"dropped_lines\":") != std::string::npos);
    CHECK(written.find("\"path\":\"/healthz\"") != std::string::npos);
    close(pipe_fds[0]);
}
