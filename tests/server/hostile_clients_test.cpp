// Server: hostile clients against a real `anticipa serve` process on the sample help center —
// issue 10's points replayed over raw sockets: slow and silent connections (4), endless lines
// and too many headers (5), a request hidden in a refused request's body (6), /metrics label
// injection and cardinality (7), pipelining (9). Each point is a TEST_CASE tagged [hostile] on
// the same HostileServer; further points (a malformed token, a spelling leak) go in the same way.
// Nothing here times the server: clients have generous timeouts, and only answers are asserted.
#include "support/process.h"
#include "support/raw_connection.h"
#include "support/temp_dir.h"

#include <httplib.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <memory>
#include <sstream>
#include <thread>
#include <vector>

using namespace anticipa;
using nlohmann::json;
using std::chrono::milliseconds;
using std::chrono::seconds;

namespace {

/// The sample help center, indexed once for every test of this file.
const std::filesystem::path& sample_index() {
    static test::TempDir dir;
    static const bool indexed =
        test::run_process({test::anticipa_binary(), "index", "--articles", (test::source_dir() / "articles").string(),
                           "--index", (dir / "index").string(), "--locales", (test::source_dir() / "locales").string()})
            .exit_code == 0;
    REQUIRE(indexed);
    static const std::filesystem::path index = dir / "index";
    return index;
}

/// `anticipa serve` as a child process, with a 2-second request timeout so slow clients are
/// cut off within a test; its access log is read and dropped.
class HostileServer {
  public:
    HostileServer() {
        dir_.write("serve.yaml", "timeout_seconds: 2\nkeep_alive_seconds: 10\n");
        process_ = std::make_unique<test::RunningProcess>(std::vector<std::string>{
            test::anticipa_binary(), "serve", "--listen", "127.0.0.1:0", "--index", sample_index().string(),
            "--locales", (test::source_dir() / "locales").string(), "--events", (dir_ / "events.db").string(),
            "--config", (dir_ / "serve.yaml").string()});
        port = test::listening_port(*process_);
        REQUIRE(port != 0);
        process_->discard_errors();
    }

    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port);
        c.set_connection_timeout(5, 0);
        c.set_read_timeout(10, 0);
        return c;
    }

    /// A normal client's search, answered with its results.
    void check_normal_client_answered() const {
        auto result = client().Get("/api/v1/search?q=reset%20password&locale=en");
        REQUIRE(result);
        CHECK(result->status == 200);
        CHECK(json::parse(result->body)["results"][0]["id"] == "reset-password");
    }

    std::string metrics() const {
        auto result = client().Get("/metrics");
        REQUIRE(result);
        REQUIRE(result->status == 200);
        return result->body;
    }

    /// The value of a metric line without labels ("anticipa_searches_total 3").
    double metric(const std::string& name) const {
        std::istringstream lines(metrics());
        for (std::string line; std::getline(lines, line);)
            if (line.starts_with(name + " ")) return std::stod(line.substr(name.size() + 1));
        FAIL("no metric " << name);
        return 0;
    }

    std::size_t resident_kib() const { return test::resident_kib(process_->pid()); }

    int port = 0;

  private:
    test::TempDir dir_;
    std::unique_ptr<test::RunningProcess> process_;
};

std::vector<std::unique_ptr<test::RawConnection>> open_connections(int port, int count) {
    std::vector<std::unique_ptr<test::RawConnection>> connections;
    for (int i = 0; i < count; ++i) {
        connections.push_back(std::make_unique<test::RawConnection>(port));
        REQUIRE(connections.back()->connected());
    }
    return connections;
}

/// Sends `start`, then `filler` bytes in 64 KiB pieces, up to `limit` bytes or until the server
/// cuts the connection off; the bytes it took.
std::size_t send_endless(test::RawConnection& connection, const std::string& start, std::size_t limit) {
    if (!connection.send(start)) return 0;
    const std::string piece(64 * 1024, 'a');
    std::size_t sent = start.size();
    while (sent < limit && connection.send(piece)) sent += piece.size();
    return sent;
}

int count_status_lines(const std::string& received) {
    int count = 0;
    for (std::size_t at = received.find("HTTP/1.1 "); at != std::string::npos; at = received.find("HTTP/1.1 ", at + 1))
        ++count;
    return count;
}

}  // namespace

TEST_CASE("Hostile clients: slow and silent connections do not keep a normal client waiting, and are cut off",
          "[server][hostile][e2e]") {
    HostileServer server;
    // 64 connections trickling a header a byte at a time (slowloris), 200 that send nothing.
    auto slow = open_connections(server.port, 64);
    auto silent = open_connections(server.port, 200);
    for (auto& connection : slow) REQUIRE(connection->send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: "));
    std::atomic<bool> done{false};
    std::thread trickle([&] {
        while (!done) {
            for (auto& connection : slow) connection->send("a");
            std::this_thread::sleep_for(milliseconds(400));
        }
    });
    for (int i = 0; i < 10; ++i) server.check_normal_client_answered();
    // The head must arrive within the request timeout (2 s here), however it trickles.
    int cut_off = 0;
    for (auto& connection : slow) cut_off += connection->closed_by_server(seconds(10));
    for (auto& connection : silent) cut_off += connection->closed_by_server(seconds(10));
    done = true;
    trickle.join();
    CHECK(cut_off == 264);
    CHECK(server.metric("anticipa_connections_timed_out_total") >= 64);
    server.check_normal_client_answered();
}

TEST_CASE("Hostile clients: endless lines are cut off at their limit and the server's memory stays bounded",
          "[server][hostile][e2e]") {
    HostileServer server;
    server.check_normal_client_answered();
    const std::size_t resident_before = server.resident_kib();
    const std::size_t attempt = 256u << 20;
    struct Case {
        const char* name;
        std::string start;
    };
    for (const auto& c : std::vector<Case>{{"request line", "GET /"}, {"header line", "GET / HTTP/1.1\r\nX-Long: "}}) {
        CAPTURE(c.name);
        test::RawConnection connection(server.port);
        REQUIRE(connection.connected());
        // The server answers at 8 KiB and reads on (dropping) for at most 1 MiB more; what the
        // client manages to write past that sits in socket buffers, not in the server.
        CHECK(send_endless(connection, c.start, attempt) < (32u << 20));
        CHECK(connection.closed_by_server(seconds(10)));
    }
    const std::size_t resident_after = server.resident_kib();
    CAPTURE(resident_before, resident_after);
    CHECK(resident_after < resident_before + 16 * 1024);

    SECTION("10,000 headers are refused with 431") {
        std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
        for (int i = 0; i < 10000; ++i) request += "X-Header-" + std::to_string(i) + ": v\r\n";
        request += "\r\n";
        test::RawConnection connection(server.port);
        connection.send(request);
        auto response = connection.read_response();
        REQUIRE(response);
        CHECK(response->status == 431);
        CHECK(json::parse(response->body)["error"]["code"] == "headers_too_large");
        CHECK(connection.closed_by_server(seconds(10)));
    }
    server.check_normal_client_answered();
}

TEST_CASE("Hostile clients: a request hidden in the body of a refused request is never executed",
          "[server][hostile][e2e]") {
    HostileServer server;
    const double searches_before = server.metric("anticipa_searches_total");
    // The hidden search sits at body offset 4,096: past the first read of a server that answers
    // without reading the body, so it would be taken as the next request on the connection.
    const std::string hidden = "GET /api/v1/search?q=smuggled&locale=en HTTP/1.1\r\nHost: x\r\n\r\n";
    const std::string body = std::string(4096, 'x') + hidden;
    struct Case {
        const char* name;
        std::string head;
        int status;
    };
    const std::string length = "Content-Length: " + std::to_string(body.size()) + "\r\n";
    for (const auto& c : std::vector<Case>{
             {"chunked body", "POST /api/v1/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", 400},
             {"body over the limit", "POST /api/v1/events HTTP/1.1\r\nHost: x\r\nContent-Length: 65536\r\n\r\n", 413},
             {"two Content-Lengths", "POST /api/v1/events HTTP/1.1\r\nHost: x\r\n" + length + length + "\r\n", 400},
             {"compressed body",
              "POST /api/v1/events HTTP/1.1\r\nHost: x\r\nContent-Encoding: gzip\r\n" + length + "\r\n", 400},
             {"origin not allowed",
              "POST /api/v1/events HTTP/1.1\r\nHost: x\r\nOrigin: https://evil.example\r\n" + length + "\r\n", 403}}) {
        CAPTURE(c.name);
        test::RawConnection connection(server.port);
        REQUIRE(connection.connected());
        connection.send(c.head + body);
        auto response = connection.read_response();
        REQUIRE(response);
        CHECK(response->status == c.status);
        // Nothing more is answered on the connection: it closes, or waits for a real next request.
        CHECK(count_status_lines(connection.read_until_closed(milliseconds(1500))) == 0);
    }
    CHECK(server.metric("anticipa_searches_total") == searches_before);
}

TEST_CASE("Hostile clients: 50 pipelined requests get 50 answers, in order", "[server][hostile][e2e]") {
    HostileServer server;
    const std::vector<std::string> ids{"reset-password", "invoices", "two-factor", "cancel-subscription",
                                       "export-data"};
    std::string pipelined;
    for (int i = 0; i < 50; ++i)
        pipelined += "GET /api/v1/articles/en/" + ids[i % ids.size()] + " HTTP/1.1\r\nHost: x\r\n" +
                     (i == 49 ? "Connection: close\r\n" : "") + "\r\n";
    test::RawConnection connection(server.port);
    REQUIRE(connection.send(pipelined));
    for (int i = 0; i < 50; ++i) {
        CAPTURE(i);
        auto response = connection.read_response();
        REQUIRE(response);
        CHECK(response->status == 200);
        CHECK(json::parse(response->body)["id"] == ids[i % ids.size()]);
    }
    CHECK(connection.closed_by_server(seconds(10)));
}

TEST_CASE("Hostile clients: /metrics keeps its series bounded and request text cannot write a line",
          "[server][hostile][e2e]") {
    HostileServer server;
    // An article path with a quote, a comma and a newline, made to close the label and start a
    // metric line of its own.
    const std::string injected = "/en/articles/x%22,status=%22200%22%7D%201%0Aanticipa_injected_total%201%0A%23";
    std::vector<std::string> paths{injected, "/api/v1/articles/en/x%22%7D%201%0Aanticipa_injected_total%201"};
    for (int i = 0; i < 20000; ++i) {
        switch (i % 3) {
            case 0:
                paths.push_back("/api/v1/articles/bad!" + std::to_string(i) + "/x");  // 400
                break;
            case 1:
                paths.push_back("/api/v1/articles/en/missing-" + std::to_string(i));  // 404
                break;
            default:
                paths.push_back("/no/such/route/" + std::to_string(i));  // 404
        }
    }
    // Pipelined in batches over one connection: 20,000 requests in a few seconds.
    test::RawConnection connection(server.port);
    REQUIRE(connection.connected());
    std::size_t answered = 0;
    for (std::size_t at = 0; at < paths.size(); at += 500) {
        std::string batch;
        const std::size_t end = std::min(paths.size(), at + 500);
        for (std::size_t i = at; i < end; ++i) batch += "GET " + paths[i] + " HTTP/1.1\r\nHost: x\r\n\r\n";
        REQUIRE(connection.send(batch));
        for (std::size_t i = at; i < end; ++i) {
            auto response = connection.read_response();
            REQUIRE(response);
            CHECK(response->status >= 400);
            ++answered;
        }
    }
    CHECK(answered == paths.size());

    const std::string metrics = server.metrics();
    std::istringstream lines(metrics);
    int request_series = 0;
    for (std::string line; std::getline(lines, line);) {
        CAPTURE(line);
        CHECK_FALSE(line.starts_with("anticipa_injected"));
        if (line.starts_with("anticipa_requests_total{")) ++request_series;
    }
    CAPTURE(metrics);
    CHECK(request_series <= 10);  // route patterns × statuses, not paths
    CHECK(metrics.size() < 16 * 1024);
    CHECK(metrics.find("missing-") == std::string::npos);
    CHECK(metrics.find("bad!") == std::string::npos);
}
