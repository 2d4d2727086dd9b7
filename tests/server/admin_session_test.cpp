// Server: /admin sessions — random ids that expire and can be revoked, the login rate limit and
// where the token may travel; the session table and the throttle alone, then over real HTTP.
#include "admin_sessions.h"
#include "login_throttle.h"
#include "secrets.h"
#include "support/served_admin.h"

#include <httplib.h>
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <set>
#include <thread>

using namespace anticipa;
using namespace std::chrono_literals;

namespace {

const std::string& ADMIN = test::ADMIN_TOKEN;
const std::string& FORM = test::FORM_TYPE;

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

using test::ServedAdmin;

/// One POST from the loopback address `source` (127.0.0.2, ...): the server sees another
/// client. Returns the status line's code, or 0 when no answer came.
int post_from(const std::string& source, int port, const std::string& path, const std::string& body) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    timeval timeout{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in from{}, to{};
    from.sin_family = to.sin_family = AF_INET;
    ::inet_pton(AF_INET, source.c_str(), &from.sin_addr);
    ::inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
    to.sin_port = htons(static_cast<std::uint16_t>(port));
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from) == 0);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) == 0);
    const std::string request = "POST " + path +
                                " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: " + FORM +
                                "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    REQUIRE(::send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size()));
    char head[64] = {};
    const ssize_t got = ::recv(fd, head, sizeof head - 1, 0);
    ::close(fd);
    if (got < 12) return 0;
    return std::stoi(std::string(head + 9, 3));  // "HTTP/1.1 429"
}

}  // namespace

TEST_CASE("AdminSessions: a session ends when idle, when old, at logout and under another token",
          "[server][unit][admin]") {
    server::AdminSessions sessions({.idle = 60s, .lifetime = 300s, .max_sessions = 3});
    const auto t0 = server::AdminSessions::Clock::now();
    const std::string id = sessions.open("token-a", t0);
    CHECK(id.size() == 64);
    CHECK(sessions.open("token-a", t0) != id);  // random, not derived from the token

    CHECK(sessions.use(id, "token-a", t0 + 50s));
    CHECK(sessions.use(id, "token-a", t0 + 100s));  // each use restarts the idle time
    CHECK_FALSE(sessions.use(id, "token-a", t0 + 161s));
    CHECK_FALSE(sessions.use(id, "token-a", t0 + 162s));  // and it stays ended

    const std::string old = sessions.open("token-a", t0);
    for (auto at = t0 + 50s; at < t0 + 300s; at += 50s) CHECK(sessions.use(old, "token-a", at));
    CHECK_FALSE(sessions.use(old, "token-a", t0 + 300s));  // used all along, still too old

    const std::string closed = sessions.open("token-a", t0);
    sessions.close(closed);
    CHECK_FALSE(sessions.use(closed, "token-a", t0));

    const std::string under_a = sessions.open("token-a", t0);
    CHECK_FALSE(sessions.use(under_a, "token-b", t0));  // the admin token changed
    CHECK_FALSE(sessions.use(under_a, "token-a", t0));  // and the session is gone for good
    CHECK_FALSE(sessions.use("", "token-a", t0));
    CHECK_FALSE(sessions.use(std::string(64, '0'), "token-a", t0));

    SECTION("the table is bounded: a login past the limit ends the oldest session") {
        const std::string first = sessions.open("token-a", t0);
        sessions.open("token-a", t0 + 1s);
        sessions.open("token-a", t0 + 2s);
        sessions.open("token-a", t0 + 3s);
        CHECK(sessions.size() <= 3);
        CHECK_FALSE(sessions.use(first, "token-a", t0 + 4s));
    }
}

TEST_CASE("LoginThrottle: a burst per address and overall, then a steady trickle", "[server][unit][admin]") {
    server::LoginThrottle throttle({.per_address = {3, 10s}, .overall = {5, 60s}});
    const auto t0 = server::LoginThrottle::Clock::now();
    for (int i = 0; i < 3; ++i) CHECK_FALSE(throttle.take("10.0.0.1", t0));
    auto wait = throttle.take("10.0.0.1", t0);
    REQUIRE(wait);
    CHECK(*wait == 10s);
    CHECK_FALSE(throttle.take("10.0.0.1", t0 + 10s));  // one attempt came back
    CHECK(throttle.take("10.0.0.1", t0 + 10s));

    // Another address has its own burst, until the overall budget runs out: 5 at once, and 10 s
    // brought a sixth of one back.
    CHECK_FALSE(throttle.take("10.0.0.2", t0 + 10s));
    auto overall = throttle.take("10.0.0.3", t0 + 10s);
    REQUIRE(overall);
    CHECK(*overall == 50s);

    SECTION("a correct token gives its attempt back") {
        server::LoginThrottle fresh({.per_address = {1, 60s}, .overall = {10, 1s}});
        for (int i = 0; i < 5; ++i) {
            CHECK_FALSE(fresh.take("10.0.0.9", t0));
            fresh.give_back("10.0.0.9", t0);
        }
    }
}

TEST_CASE("Admin over HTTP: login opens a random session in a strict cookie, logout ends it",
          "[server][integration][admin]") {
    ServedAdmin hc;
    const auto login = hc.login("token=" + ADMIN);
    REQUIRE(login.status == 303);
    const std::string set_cookie = login.get_header_value("Set-Cookie");
    CAPTURE(set_cookie);
    for (const char* attribute : {"HttpOnly", "SameSite=Strict", "Path=/admin", "Max-Age=43200"})
        CHECK(contains(set_cookie, attribute));
    CHECK_FALSE(contains(set_cookie, "Secure"));

    const std::string cookie = set_cookie.substr(0, set_cookie.find(';'));
    const std::string another = hc.session_cookie();
    CHECK(cookie != another);  // a random id per login, not a function of the token
    // The cookie every login used to get (a keyed hash of the token) opens nothing now.
    CHECK(hc.admin_status({{"Cookie", "anticipa_admin=" + server::hmac_sha256_hex(ADMIN, "anticipa admin session")}}) ==
          401);

    CHECK(hc.admin_status({{"Cookie", cookie}}) == 200);
    auto logout = hc.client().Post("/admin/logout", {{"Cookie", cookie}}, "", FORM.c_str());
    REQUIRE(logout);
    CHECK(logout->status == 200);
    CHECK(contains(logout->get_header_value("Set-Cookie"), "Max-Age=0"));
    CHECK(contains(logout->body, "signed out"));
    CHECK(hc.admin_status({{"Cookie", cookie}}) == 401);   // ended on the server, not just forgotten
    CHECK(hc.admin_status({{"Cookie", another}}) == 200);  // other sessions go on

    SECTION("the report offers the sign-out button") {
        auto report = hc.admin_client().Get("/admin", {{"Cookie", another}});
        REQUIRE(report);
        CHECK(contains(report->body, "action=\"/admin/logout\""));
    }
}

TEST_CASE("Admin over HTTP: the Secure cookie option, and sessions that end when idle or old",
          "[server][integration][admin]") {
    SECTION("Secure when configured") {
        ServedAdmin hc([](server::ServerConfig& config) { config.admin_cookie_secure = true; });
        CHECK(contains(hc.login("token=" + ADMIN).get_header_value("Set-Cookie"), "; Secure"));
    }
    SECTION("idle") {
        ServedAdmin hc([](server::ServerConfig& config) { config.admin_session_idle = 1s; });
        const std::string cookie = hc.session_cookie();
        CHECK(hc.admin_status({{"Cookie", cookie}}) == 200);
        std::this_thread::sleep_for(1500ms);
        CHECK(hc.admin_status({{"Cookie", cookie}}) == 401);
    }
    SECTION("old: used all along, still ended at its lifetime") {
        ServedAdmin hc([](server::ServerConfig& config) { config.admin_session_lifetime = 2s; });
        const std::string cookie = hc.session_cookie();
        CHECK(contains(hc.login("token=" + ADMIN).get_header_value("Set-Cookie"), "Max-Age=2"));
        const auto ends = std::chrono::steady_clock::now() + 2s;
        while (std::chrono::steady_clock::now() < ends - 500ms) {
            CHECK(hc.admin_status({{"Cookie", cookie}}) == 200);
            std::this_thread::sleep_for(300ms);
        }
        std::this_thread::sleep_for(ends - std::chrono::steady_clock::now() + 200ms);
        CHECK(hc.admin_status({{"Cookie", cookie}}) == 401);
    }
}

TEST_CASE("Admin over HTTP: the token travels only in a POST body or the Authorization header",
          "[server][integration][admin]") {
    ServedAdmin hc;
    const auto in_url = hc.login("", "/admin/login?token=" + ADMIN);
    CHECK(in_url.status == 400);
    CHECK(in_url.get_header_value("Set-Cookie").empty());
    CHECK(contains(in_url.body, "never in the address"));
    CHECK(hc.login("token=" + ADMIN, "/admin/login?token=" + ADMIN).status == 400);  // not even beside the body
    CHECK(hc.admin_status({}) == 401);
    auto get_with_query = hc.client().Get(("/admin?token=" + ADMIN).c_str());
    REQUIRE(get_with_query);
    CHECK(get_with_query->status == 401);
    CHECK(hc.admin_status({{"Authorization", "Bearer " + ADMIN}}) == 200);
    auto json_body = hc.client().Post("/admin/login", "{\"token\": \"" + ADMIN + "\"}", "application/json");
    REQUIRE(json_body);
    CHECK(json_body->status == 401);
}

TEST_CASE("Admin over HTTP: guesses are limited per client address and overall, with Retry-After",
          "[server][integration][admin][hostile]") {
    ServedAdmin hc;
    SECTION("one address: 10 guesses, then 429 even for the right token") {
        for (int i = 0; i < 10; ++i) CHECK(hc.login("token=guess-" + std::to_string(i)).status == 401);
        const auto limited = hc.login("token=guess-10");
        CHECK(limited.status == 429);
        CHECK(std::stoi(limited.get_header_value("Retry-After")) >= 1);
        CHECK(hc.login("token=" + ADMIN).status == 429);  // not even tried while limited
        CHECK(hc.admin_status({{"Authorization", "Bearer guess"}}) == 429);
        // Another address is not held back by this one.
        CHECK(post_from("127.0.0.2", hc.port, "/admin/login", "token=" + ADMIN) == 303);
    }
    SECTION("a Bearer guess counts like a form's") {
        for (int i = 0; i < 10; ++i) CHECK(hc.admin_status({{"Authorization", "Bearer guess"}}) == 401);
        CHECK(hc.login("token=" + ADMIN).status == 429);
    }
    SECTION("a correct token costs nothing") {
        for (int i = 0; i < 15; ++i) CHECK(hc.login("token=" + ADMIN).status == 303);
    }
}

TEST_CASE("Admin over HTTP: guesses from many addresses share one overall budget",
          "[server][integration][admin][hostile]") {
    // Refills of an hour, so the budget cannot come back while the test runs.
    ServedAdmin hc([](server::ServerConfig& config) {
        config.admin_login_limits = {.per_address = {10, std::chrono::hours(1)},
                                     .overall = {30, std::chrono::hours(1)}};
    });
    for (int address = 2; address < 5; ++address)
        for (int i = 0; i < 10; ++i)
            CHECK(post_from("127.0.0." + std::to_string(address), hc.port, "/admin/login", "token=guess") == 401);
    CHECK(post_from("127.0.0.20", hc.port, "/admin/login", "token=guess") == 429);  // a fresh address
    CHECK(hc.login("token=guess").status == 429);
}

TEST_CASE("Admin over HTTP: the login page is styled like the help center", "[server][integration][admin]") {
    ServedAdmin hc;
    auto page = hc.client().Get("/admin");
    REQUIRE(page);
    CHECK(page->status == 401);
    CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
    for (const char* part : {"<meta name=\"viewport\"", "<style>", "header{background:#25346b", "<header>",
                             "action=\"/admin/login\"", "type=\"password\"", "<label for=\"token\">"})
        CHECK(contains(page->body, part));
    CHECK_FALSE(contains(page->body, "role=\"search\""));  // no help-center search box on it
}
