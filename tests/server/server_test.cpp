// Server: a real HelpCenterServer on an ephemeral loopback port over a real index, driven over
// HTTP with a client that has timeouts; stopped in the fixture's destructor.
#include "help_center_server.h"
#include "index/indexer.h"
#include "support/eventually.h"
#include "support/process.h"
#include "support/raw_connection.h"
#include "support/served_help_center.h"
#include "tier_token.h"

#include <httplib.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <thread>

using namespace anticipa;
using nlohmann::json;

namespace {

const std::string SECRET = "test-secret";
const std::string ALLOWED = "https://app.quillo.example";

/// The sample help center, served (see support/served_help_center.h), with JSON helpers.
struct ServedHelpCenter : test::ServedHelpCenter {
    explicit ServedHelpCenter(const std::function<void(server::ServerConfig&)>& adjust = {})
        : test::ServedHelpCenter({.tier_secret = SECRET, .allowed_origins = {ALLOWED}, .adjust = adjust}) {}

    json get_json(const std::string& path, const httplib::Headers& headers = {}, int expected_status = 200) const {
        auto result = client().Get(path.c_str(), headers);
        REQUIRE(result);
        CAPTURE(path, result->body);
        CHECK(result->status == expected_status);
        CHECK(result->get_header_value("Content-Type").find("charset=utf-8") != std::string::npos);
        return json::parse(result->body);
    }
    std::vector<std::string> ids(const std::string& path, const httplib::Headers& headers = {}) const {
        std::vector<std::string> out;
        const json body = get_json(path, headers);  // the loop must not run over a destroyed temporary
        for (const auto& hit : body["results"]) out.push_back(hit["id"]);
        return out;
    }
};

/// Three clients searching in a loop while a test changes the index under them.
struct BackgroundSearches {
    std::atomic<bool> done{false};
    std::atomic<int> failures{0}, requests{0};
    std::vector<std::thread> clients;

    explicit BackgroundSearches(const ServedHelpCenter& hc) {
        for (int t = 0; t < 3; ++t)
            clients.emplace_back([this, &hc] {
                httplib::Client client = hc.client();
                while (!done) {
                    auto result = client.Get("/api/v1/search?q=invoice&locale=en");
                    ++requests;
                    if (!result || result->status != 200) ++failures;
                }
            });
    }
    ~BackgroundSearches() { stop(); }
    /// Until the clients are under way, so a change made next happens while they search.
    void wait_until_searching() const {
        for (int attempt = 0; attempt < 200 && requests < 3; ++attempt)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    void stop() {
        done = true;
        for (auto& client : clients)
            if (client.joinable()) client.join();
    }
};

httplib::Headers bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}};
}

}  // namespace

TEST_CASE("Server: search answers in the customer's language and records the search", "[server][integration]") {
    ServedHelpCenter hc;
    auto body = hc.get_json("/api/v1/search?q=esqueci%20minha%20senha&locale=pt");
    REQUIRE_FALSE(body["results"].empty());
    CHECK(body["results"][0]["id"] == "reset-password");
    CHECK(body["search_id"].get<std::string>().size() == 32);
    auto recorded = hc.events.events();
    REQUIRE(recorded.size() == 1);
    CHECK(recorded[0].search_id == body["search_id"]);
    CHECK(recorded[0].query == "esqueci minha senha");
    CHECK(recorded[0].shown.front() == "reset-password");
    CHECK(recorded[0].tier == "basic");

    SECTION("suggest gives titles while typing") {
        auto suggest = hc.get_json("/api/v1/suggest?q=invo&locale=en");
        REQUIRE_FALSE(suggest["suggestions"].empty());
        CHECK(suggest["suggestions"][0]["id"] == "invoices");
        // A suggestion is a title: it opens the article at its top, never at a section.
        auto password = hc.get_json("/api/v1/suggest?q=reset%20a%20forgotten%20pass&locale=en");
        REQUIRE_FALSE(password["suggestions"].empty());
        for (const auto& suggestion : password["suggestions"]) {
            CAPTURE(suggestion.dump());
            CHECK(suggestion["link"] == "/en/articles/" + suggestion["id"].get<std::string>());
        }
    }
    SECTION("a click refers to its search") {
        httplib::Client client = hc.client();
        json click{{"type", "click"}, {"search_id", body["search_id"]}, {"article_id", "reset-password"}, {"rank", 1}};
        auto result = client.Post("/api/v1/events", click.dump(), "application/json");
        REQUIRE(result);
        CHECK(result->status == 202);
        auto all = hc.events.events();
        REQUIRE(all.size() == 2);
        CHECK(all[1].kind == events::EventKind::CLICK);
        CHECK(all[1].rank == 1);
    }
}

TEST_CASE("Server: bad requests get a JSON error naming the field, and the server keeps serving",
          "[server][integration]") {
    ServedHelpCenter hc;
    struct Case {
        std::string path, code, field;
    };
    for (const auto& c : std::vector<Case>{{"/api/v1/search?locale=en", "invalid_request", "q"},
                                           {"/api/v1/search?q=" + std::string(10000, 'a'), "query_too_long", "q"},
                                           {"/api/v1/search?q=%C3%28", "invalid_request", "UTF-8"},
                                           {"/api/v1/search?q=x&locale=../../etc", "invalid_request", "locale"},
                                           {"/api/v1/search?q=x&page=0", "invalid_request", "page"},
                                           {"/api/v1/nothing", "not_found", "route"}}) {
        CAPTURE(c.path.substr(0, 60));
        auto result = hc.client().Get(c.path.c_str());
        REQUIRE(result);
        CHECK(result->status >= 400);
        CHECK(result->status < 500);
        auto body = json::parse(result->body);
        CHECK(body["error"]["code"] == c.code);
        CHECK(body["error"]["message"].get<std::string>().find(c.field) != std::string::npos);
    }
    CHECK_FALSE(hc.get_json("/api/v1/search?q=password&locale=en")["results"].empty());
}

TEST_CASE("Server: the tier comes from a signed token, inside the index query", "[server][integration]") {
    ServedHelpCenter hc;
    // "SCIM token" is the advanced-only single-sign-on article's subject.
    const std::string path = "/api/v1/search?q=generate%20SCIM%20token&locale=en";
    auto now = std::chrono::system_clock::now();
    auto advanced = server::sign_tier_token("advanced", SECRET, std::chrono::hours(1), now);
    auto advanced_ids = hc.ids(path, bearer(advanced));
    REQUIRE_FALSE(advanced_ids.empty());
    CHECK(advanced_ids.front() == "single-sign-on");
    for (const auto& token : {std::string(), server::sign_tier_token("advanced", SECRET, std::chrono::seconds(-5), now),
                              server::sign_tier_token("advanced", "forged", std::chrono::hours(1), now)}) {
        auto ids = hc.ids(path, bearer(token));
        CHECK(std::find(ids.begin(), ids.end(), "single-sign-on") == ids.end());
    }
    const json suggestions = hc.get_json("/api/v1/suggest?q=single%20sign&locale=en")["suggestions"];
    for (const auto& s : suggestions) CHECK(s["id"] != "single-sign-on");
}

TEST_CASE("Server: only configured origins may call the API from a browser", "[server][integration]") {
    ServedHelpCenter hc;
    auto allowed = hc.client().Get("/api/v1/search?q=invoice&locale=en", {{"Origin", ALLOWED}});
    REQUIRE(allowed);
    CHECK(allowed->status == 200);
    CHECK(allowed->get_header_value("Access-Control-Allow-Origin") == ALLOWED);

    auto refused = hc.client().Get("/api/v1/search?q=invoice&locale=en", {{"Origin", "https://evil.example"}});
    REQUIRE(refused);
    CHECK(refused->status == 403);
    CHECK_FALSE(refused->has_header("Access-Control-Allow-Origin"));

    auto preflight =
        hc.client().Options("/api/v1/search", {{"Origin", ALLOWED}, {"Access-Control-Request-Method", "GET"}});
    REQUIRE(preflight);
    CHECK(preflight->status == 204);
    CHECK(preflight->get_header_value("Access-Control-Allow-Headers").find("Authorization") != std::string::npos);
    auto bad_preflight = hc.client().Options("/api/v1/search", {{"Origin", "https://evil.example"}});
    REQUIRE(bad_preflight);
    CHECK(bad_preflight->status == 403);
}

TEST_CASE("Server: requests that cpp-httplib 0.11.4 would mishandle are refused", "[server][integration]") {
    ServedHelpCenter hc;
    struct Case {
        std::string name;
        httplib::Headers headers;
    };
    for (const auto& c : std::vector<Case>{{"chunked body", {{"Transfer-Encoding", "chunked"}}},
                                           {"compressed body", {{"Content-Encoding", "gzip"}}},
                                           {"spoofed address", {{"REMOTE_ADDR", "10.0.0.1"}}}}) {
        CAPTURE(c.name);
        auto result = hc.client().Get("/api/v1/search?q=invoice&locale=en", c.headers);
        REQUIRE(result);
        CHECK(result->status == 400);
        CHECK(json::parse(result->body)["error"]["code"].is_string());
    }
    SECTION("a Range header with many ranges is ignored, not multiplied") {
        std::string ranges = "bytes=0-50";
        for (int i = 0; i < 150; ++i) ranges += ",0-50";
        auto plain = hc.client().Get("/api/v1/search?q=invoice&locale=en");
        auto ranged = hc.client().Get("/api/v1/search?q=invoice&locale=en", {{"Range", ranges}});
        REQUIRE(plain);
        REQUIRE(ranged);
        CHECK(ranged->status == 200);
        CHECK(json::parse(ranged->body)["results"].size() == json::parse(plain->body)["results"].size());
        CHECK(ranged->body.size() < plain->body.size() + 100);  // only the search id differs
    }
    SECTION("a body over the limit") {
        auto result = hc.client().Post("/api/v1/events", std::string(64 * 1024, 'x'), "application/json");
        REQUIRE(result);
        CHECK(result->status == 413);
    }
    CHECK(hc.get_json("/healthz")["status"] == "ok");
}

TEST_CASE("Server: a newly published revision is served without a restart or a failed request",
          "[server][integration]") {
    ServedHelpCenter hc;
    CHECK(hc.ids("/api/v1/search?q=wombat&locale=en").empty());
    BackgroundSearches searches(hc);
    for (int round = 0; round < 5; ++round) {
        hc.dir.write("articles/en/new-" + std::to_string(round) + ".md",
                     "---\ntitle: Wombat care " + std::to_string(round) + "\n---\nAn invoice for a wombat.\n");
        REQUIRE(hc.reindex().failed == 0);
    }
    searches.stop();
    CHECK(searches.requests > 0);
    CHECK(searches.failures == 0);
    // The last revision, once the server next looks at the index (within its check interval).
    CHECK(test::eventually([&] { return hc.ids("/api/v1/search?q=wombat&locale=en").size() == 5; }));
}

namespace {

/// Keeps the en database behind a symlink, as a deployment that publishes whole separately built
/// folders does: swapping the symlink with rename(2) replaces the folder in one step.
void en_behind_symlink(server::ServerConfig& config) {
    namespace fs = std::filesystem;
    fs::rename(config.index_dir / "en", config.index_dir / "en-v1");
    fs::create_directory_symlink("en-v1", config.index_dir / "en");
}

void point_en_at(const std::filesystem::path& index_dir, const std::string& folder) {
    namespace fs = std::filesystem;
    fs::create_directory_symlink(folder, index_dir / "en.next");
    fs::rename(index_dir / "en.next", index_dir / "en");  // atomic: readers see the old or the new
}

}  // namespace

TEST_CASE("Server: a locale folder replaced by a new one is served without a restart or a failed request",
          "[server][integration]") {
    namespace fs = std::filesystem;
    ServedHelpCenter hc(en_behind_symlink);
    CHECK(hc.ids("/api/v1/search?q=wombat&locale=en").empty());

    // A second build, made elsewhere, with one more article.
    fs::copy(hc.dir / "articles", hc.dir / "articles-v2", fs::copy_options::recursive);
    hc.dir.write("articles-v2/en/wombat.md", "---\ntitle: Wombat invoices\n---\nAn invoice for a wombat.\n");
    auto built =
        test::run_process({test::anticipa_binary(), "index", "--articles", (hc.dir / "articles-v2").string(), "--index",
                           (hc.dir / "build-v2").string(), "--locales", (test::source_dir() / "locales").string()});
    REQUIRE(built.exit_code == 0);
    fs::rename(hc.dir / "build-v2" / "en", hc.config.index_dir / "en-v2");

    BackgroundSearches searches(hc);
    searches.wait_until_searching();
    point_en_at(hc.config.index_dir, "en-v2");
    // reopen() alone would keep reading en-v1; the server notices the new folder by itself.
    bool served_new = false;
    for (int attempt = 0; attempt < 100 && !served_new; ++attempt) {
        served_new = !hc.ids("/api/v1/search?q=wombat&locale=en").empty();
        if (!served_new) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    searches.stop();
    CHECK(served_new);
    CHECK(searches.requests > 0);
    CHECK(searches.failures == 0);
}

TEST_CASE("Server: a locale database that breaks is left out and named in /healthz; the others serve on",
          "[server][integration]") {
    ServedHelpCenter hc(en_behind_symlink);
    // A folder that is not a database where the en database should be: opening it throws, with
    // the folder's path in Xapian's message.
    hc.dir.write("index/en-broken/iamglass", "not a Xapian database");
    point_en_at(hc.config.index_dir, "en-broken");
    json health;
    for (int attempt = 0; attempt < 100; ++attempt) {
        health = hc.get_json("/healthz");
        if (health["status"] == "degraded") break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    REQUIRE(health["status"] == "degraded");
    REQUIRE(health["unusable"].size() == 1);
    CHECK(health["unusable"][0]["locale"] == "en");
    CHECK(health["unusable"][0]["reason"] == "cannot be opened: unreadable, or not a database");
    CHECK(health.dump().find("en-broken") == std::string::npos);  // paths and Xapian's words: the log's
    CHECK(health["locales"].size() == 4);

    // The default locale has no index for now: its searches answer, empty; the others as before.
    CHECK(hc.ids("/api/v1/search?q=invoice&locale=en").empty());
    CHECK(hc.ids("/api/v1/search?q=fatura&locale=pt").size() > 0);

    point_en_at(hc.config.index_dir, "en-v1");  // the writer fixes it; no restart needed
    bool serving = false;
    for (int attempt = 0; attempt < 100 && !serving; ++attempt) {
        serving = !hc.ids("/api/v1/search?q=invoice&locale=en").empty();
        if (!serving) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    CHECK(serving);
    CHECK(hc.get_json("/healthz")["status"] == "ok");
}

TEST_CASE("Server: with no locale left to serve, the API answers 503 index_unavailable and /healthz says so",
          "[server][integration]") {
    namespace fs = std::filesystem;
    ServedHelpCenter hc;
    for (const auto& entry : fs::directory_iterator(hc.config.index_dir))
        if (fs::exists(entry.path() / "iamglass")) std::ofstream(entry.path() / "iamglass", std::ios::trunc) << "junk";

    // Met when the server next looks at the index (within its check interval), then on every read.
    const std::string search = "/api/v1/search?q=invoice&locale=en";
    CHECK(test::eventually([&] {
        auto answer = hc.client().Get(search);
        return answer && answer->status == 503;
    }));
    auto result = hc.client().Get(search);
    REQUIRE(result);
    CHECK(result->status == 503);
    CHECK(result->get_header_value("Retry-After") == "1");
    CHECK(json::parse(result->body)["error"]["code"] == "index_unavailable");
    CHECK(result->body.find(hc.config.index_dir.string()) == std::string::npos);
    for (const auto& [name, value] : result->headers) {
        CAPTURE(name, value);
        CHECK(name != "EXCEPTION_WHAT");  // the exception's text stays in the log
        CHECK(value.find(hc.config.index_dir.string()) == std::string::npos);
    }
    const json health = hc.get_json("/healthz", {}, 503);
    CHECK(health["status"] == "unavailable");
    CHECK(health["unusable"].size() == 5);

    REQUIRE(hc.reindex().failed == 0);  // `anticipa index` rebuilds every one of them
    CHECK(hc.get_json("/healthz")["status"] == "ok");
    CHECK_FALSE(hc.ids("/api/v1/search?q=invoice&locale=en").empty());
}

TEST_CASE("Server: health and metrics describe the served index", "[server][integration]") {
    ServedHelpCenter hc;
    auto health = hc.get_json("/healthz");
    CHECK(health["documents"].get<int>() > 300);
    CHECK(health["revision"].get<std::string>().find("en:") != std::string::npos);
    hc.get_json("/api/v1/search?q=zzzqqq&locale=en");
    for (const char* made_up : {"/api/v1/articles/en/no-such-1", "/en/articles/no-such-2", "/random/path"})
        REQUIRE(hc.client().Get(made_up));
    // A request is counted by the access logger, which cpp-httplib calls after the response has
    // gone out: the client can ask /metrics before the last miss is counted. Ask again until it is.
    std::optional<httplib::Response> metrics;
    for (int attempt = 0; attempt < 50; ++attempt) {
        auto result = hc.client().Get("/metrics");
        REQUIRE(result);
        metrics = *result;
        if (metrics->body.find("route=\"other\",status=\"404\"} 3") != std::string::npos &&
            metrics->body.find("route=\"/api/v1/search\",status=\"200\"} 1") != std::string::npos)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    CHECK(metrics->body.find("anticipa_searches_without_results_total 1") != std::string::npos);
    CHECK(metrics->body.find("anticipa_requests_total{route=\"/api/v1/search\",status=\"200\"}") != std::string::npos);
    CHECK(metrics->body.find("anticipa_request_seconds_bucket") != std::string::npos);
    CHECK(metrics->body.find("no-such") == std::string::npos);  // misses do not become series
    CHECK(metrics->body.find("route=\"other\",status=\"404\"} 3") != std::string::npos);
}

namespace {

/// `count` connections, each sending one search at once (distinct queries, so none is answered
/// from the cache); the answers that came back.
std::vector<test::RawResponse> burst_of_searches(int port, int count, int round) {
    std::vector<std::unique_ptr<test::RawConnection>> connections;
    for (int i = 0; i < count; ++i) connections.push_back(std::make_unique<test::RawConnection>(port));
    for (int i = 0; i < count; ++i)
        connections[i]->send("GET /api/v1/search?locale=en&q=invoice%20" + std::to_string(round) + "x" +
                             std::to_string(i) + " HTTP/1.1\r\nHost: x\r\n\r\n");
    std::vector<test::RawResponse> answers;
    for (auto& connection : connections)
        if (auto answer = connection->read_response()) answers.push_back(std::move(*answer));
    return answers;
}

}  // namespace

TEST_CASE("Server: slow clients cannot queue requests without bound; the overflow gets 503", "[server][integration]") {
    ServedHelpCenter hc([](server::ServerConfig& config) {
        config.threads = 1;
        config.max_queued = 1;
        config.timeout_seconds = 2;
    });
    {
        // Slow and silent clients no longer hold a worker (the connection loop keeps them, see
        // hostile_clients_test.cpp): the worker is saturated by requests themselves. With one
        // worker and room for one waiting request, a burst of searches sent at once overflows,
        // and the overflow is answered 503 at once rather than queued.
        int status = 0;
        std::string retry_after, body;
        for (int attempt = 0; attempt < 30 && status != 503; ++attempt) {
            for (const auto& answer : burst_of_searches(hc.port, 16, attempt)) {
                if (answer.status != 503) continue;
                status = answer.status;
                retry_after = answer.header("Retry-After");
                body = answer.body;
            }
        }
        CHECK(status == 503);
        CHECK(retry_after == "1");
        CHECK(json::parse(body)["error"]["code"] == "overloaded");
    }
    // Once the burst is over, the worker answers again.
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    auto served = hc.client().Get("/api/v1/search?q=invoice&locale=en");
    REQUIRE(served);
    CHECK(served->status == 200);
}

TEST_CASE("Server: request text never reaches a response header", "[server][integration]") {
    ServedHelpCenter hc;
    // A CR LF smuggled into the Origin cannot become a header line: origins are only ever
    // copied from the allow list.
    auto result =
        hc.client().Get("/api/v1/search?q=invoice&locale=en", {{"Origin", ALLOWED + "%0d%0aSet-Cookie: stolen=1"}});
    REQUIRE(result);
    CHECK(result->status == 403);
    CHECK_FALSE(result->has_header("Set-Cookie"));
    CHECK_FALSE(result->has_header("Access-Control-Allow-Origin"));
}

TEST_CASE("Server: a word only an advanced article has leaks through no read path for the basic tier",
          "[server][integration][tiers]") {
    // "Okta" appears in the sample help center only in the advanced-tier single-sign-on article.
    ServedHelpCenter hc;
    const auto advanced = bearer(server::sign_tier_token("advanced", SECRET, std::chrono::hours(1)));
    auto mentions_sso = [](const std::string& body) { return body.find("single-sign-on") != std::string::npos; };
    struct Read {
        std::string name, path, post_body;
    };
    const std::vector<Read> reads{
        {"search", "/api/v1/search?q=okta&locale=en", ""},
        {"search with a typo", "/api/v1/search?q=oktaa%20setup&locale=en", ""},
        {"suggest", "/api/v1/suggest?q=okt&locale=en", ""},
        {"context", "/api/v1/context?route=/settings/security/sso&locale=en", ""},
        {"article", "/api/v1/articles/en/single-sign-on", ""},
        {"deflect", "/api/v1/deflect", R"({"subject": "Okta login", "body": "connect okta", "locale": "en"})"},
        {"search page", "/en/search?q=okta", ""},
        {"article page", "/en/articles/single-sign-on", ""},
    };
    for (const auto& read : reads) {
        CAPTURE(read.name);
        auto get = [&](const httplib::Headers& headers) {
            return read.post_body.empty()
                       ? hc.client().Get(read.path.c_str(), headers)
                       : hc.client().Post(read.path.c_str(), headers, read.post_body, "application/json");
        };
        auto basic = get({});
        REQUIRE(basic);
        if (read.name.starts_with("article")) {
            CHECK(basic->status == 404);  // the same answer as for an article that does not exist
        } else {
            CHECK_FALSE(mentions_sso(basic->body));
        }
        if (read.name == "search") CHECK(json::parse(basic->body)["total"] == 0);
        if (read.name == "search with a typo") CHECK(json::parse(basic->body)["did_you_mean"] == "");
        if (read.name == "context") continue;  // the route check below covers the advanced side
        auto allowed = get(advanced);
        REQUIRE(allowed);
        CHECK(mentions_sso(allowed->body));
    }
}
