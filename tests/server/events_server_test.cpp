// Server: what the content plan is made of. The events each route leaves behind (sessions,
// clicks attributed to their search, why a search missed), the admin page that shows the plan,
// and the durability of the events store behind a real `anticipa serve` process.
#include "events/event_store.h"
#include "support/process.h"
#include "support/served_help_center.h"
#include "tier_token.h"

#include <httplib.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <regex>

using namespace anticipa;
using nlohmann::json;

namespace {

const std::string SECRET = "events-secret";
const std::string ADMIN = "admin-token-for-tests";

struct Served : test::ServedHelpCenter {
    explicit Served(const std::function<void(server::ServerConfig&)>& adjust = {})
        : test::ServedHelpCenter({.tier_secret = SECRET, .allowed_origins = {}, .adjust = adjust}) {}

    json get_json(const std::string& path, const httplib::Headers& headers = {}) const {
        auto result = client().Get(path.c_str(), headers);
        REQUIRE(result);
        CAPTURE(path, result->body);
        REQUIRE(result->status == 200);
        return json::parse(result->body);
    }
    int post_event(const json& body) const {
        auto result = client().Post("/api/v1/events", body.dump(), "application/json");
        REQUIRE(result);
        return result->status;
    }
    /// The recorded events of one kind whose search id is `search_id`.
    std::vector<events::Event> with_search(const std::string& search_id) const {
        std::vector<events::Event> found;
        for (auto& event : events.events())
            if (event.search_id == search_id) found.push_back(event);
        return found;
    }
};

httplib::Headers as_tier(const std::string& tier) {
    return {{"Authorization", "Bearer " + server::sign_tier_token(tier, SECRET, std::chrono::hours(1))}};
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("Events: keystrokes of one widget session share it, and a click on a suggestion is recorded",
          "[server][events][integration]") {
    Served hc;
    std::string last_id;
    for (const std::string typed : {"pas", "passw", "password"}) {
        const json body = hc.get_json("/api/v1/suggest?q=" + typed + "&locale=en&session=w-123&route=%2Fsettings");
        REQUIRE(body["search_id"].is_string());
        last_id = body["search_id"];
        auto recorded = hc.with_search(last_id);
        REQUIRE(recorded.size() == 1);
        CHECK(recorded[0].source == "suggest");
        CHECK(recorded[0].session_id == "w-123");
        CHECK(recorded[0].route == "/settings");
        CHECK(recorded[0].query == typed);
    }
    CHECK(hc.post_event({{"type", "click"},
                         {"search_id", last_id},
                         {"article_id", "reset-password"},
                         {"rank", 1},
                         {"source", "suggest"},
                         {"route", "/settings"}}) == 202);
    auto clicks = hc.with_search(last_id);
    REQUIRE(clicks.size() == 2);
    CHECK(clicks[1].kind == events::EventKind::CLICK);
    CHECK(clicks[1].source == "suggest");

    // Fields that would poison the log are refused by name.
    auto bad_session = hc.client().Get("/api/v1/suggest?q=pass&locale=en&session=%3Cscript%3E");
    REQUIRE(bad_session);
    CHECK(bad_session->status == 400);
    CHECK(contains(bad_session->body, "session"));
    auto bad_route = hc.client().Get("/api/v1/search?q=pass&locale=en&route=no-slash");
    REQUIRE(bad_route);
    CHECK(bad_route->status == 400);
    CHECK(contains(bad_route->body, "route"));
    CHECK(hc.post_event({{"type", "click"}, {"search_id", last_id}, {"source", "elsewhere"}}) == 400);
}

TEST_CASE("Events: every route a request carries is checked one way, by characters, and named when refused",
          "[server][events][integration]") {
    Served hc;
    // 200 characters, most of two bytes: the search side counted bytes and refused it; the widget's
    // context counted characters and took it. Both take it now, and record its path.
    std::string accented_path = "/";
    for (int i = 0; i < 195; ++i) accented_path += "\xC3\xA9";  // é
    std::string accented_query = "/";
    for (int i = 0; i < 195; ++i) accented_query += "%C3%A9";
    const json found = hc.get_json("/api/v1/search?q=password&locale=en&route=" + accented_query + "%3Fx%3D1");
    bool recorded = false;
    for (const auto& event : hc.with_search(found["search_id"].get<std::string>()))
        recorded = recorded || event.route == accented_path;
    CHECK(recorded);

    struct Case {
        std::string path, says;
    };
    for (const auto& c : std::vector<Case>{
             {"/api/v1/search?q=pass&locale=en&route=" + accented_query + "%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9",
              "route is longer than 200"},
             {"/api/v1/search?q=pass&locale=en&route=/%C3%28", "route is not valid UTF-8"},
             {"/api/v1/suggest?q=pass&locale=en&route=", "route is required"},
             {"/api/v1/suggest?q=pass&locale=en&route=/a%0Db", "route must not contain control"}}) {
        CAPTURE(c.path);
        auto result = hc.client().Get(c.path.c_str());
        REQUIRE(result);
        CHECK(result->status == 400);
        CHECK(contains(result->body, c.says));
    }
    const std::size_t before = hc.events.events().size();
    CHECK(hc.post_event({{"type", "click"}, {"article_id", "reset-password"}, {"route", "no-slash"}}) == 400);
    CHECK(hc.post_event({{"type", "click"}, {"article_id", "reset-password"}, {"route", "/a\x01b"}}) == 400);
    CHECK(hc.post_event({{"type", "click"}, {"article_id", "reset-password"}, {"route", accented_path}}) == 202);
    CHECK(hc.events.events().size() == before + 1);
}

TEST_CASE("Events: a search that finds nothing records whether another language or a higher tier has it",
          "[server][events][integration]") {
    Served hc;
    // "Okta" is only in the advanced single-sign-on article: an entitlement gap for basic.
    const json okta = hc.get_json("/api/v1/search?q=okta&locale=en");
    CHECK(okta["total"] == 0);
    auto entitlement = hc.with_search(okta["search_id"]);
    REQUIRE(entitlement.size() == 1);
    CHECK(entitlement[0].matches_any_tier > 0);
    CHECK(entitlement[0].matches_other_locales == 0);  // the pt and es SSO articles are advanced too

    // "boleto" is only written in Portuguese: a translation gap for an English customer.
    const json boleto = hc.get_json("/api/v1/search?q=boleto&locale=en");
    CHECK(boleto["total"] == 0);
    auto translation = hc.with_search(boleto["search_id"]);
    REQUIRE(translation.size() == 1);
    CHECK(translation[0].matches_other_locales > 0);
    CHECK(translation[0].matches_any_tier == 0);

    // Nothing anywhere: a writing gap.
    const json nothing = hc.get_json("/api/v1/search?q=xylophone%20quasar&locale=en", as_tier("advanced"));
    auto writing = hc.with_search(nothing["search_id"]);
    REQUIRE(writing.size() == 1);
    CHECK(writing[0].results == 0);
    CHECK(writing[0].matches_other_locales == 0);
    CHECK(writing[0].matches_any_tier == 0);

    // The counts are for the support lead only: the customer's answer says nothing of them.
    CHECK_FALSE(contains(okta.dump(), "single-sign-on"));
}

TEST_CASE("Events: a search only a spelling correction answered is recorded as one without results",
          "[server][events][integration][spelling]") {
    Served hc;
    // Neither word is in the index; their corrections are ("zapier integration").
    const json corrected = hc.get_json("/api/v1/search?q=zapeir%20integraton&locale=en");
    CAPTURE(corrected.dump());
    CHECK(corrected["showing_results_for"].get<std::string>().starts_with("zapier integration"));
    CHECK(corrected["search_instead_for"] == "zapeir integraton");
    CHECK(corrected["did_you_mean"] == corrected["showing_results_for"]);
    CHECK_FALSE(corrected["results"].empty());
    auto recorded = hc.with_search(corrected["search_id"]);
    REQUIRE(recorded.size() == 1);
    CHECK(recorded[0].results == 0);  // the customer's own words found nothing: a gap, not "no click"

    // "Search instead for": the words as typed.
    const json exact = hc.get_json("/api/v1/search?q=zapeir%20integraton&locale=en&correct=false");
    CHECK(exact["results"].empty());
    CHECK(exact["did_you_mean"] == "");
    CHECK(exact["showing_results_for"] == "");

    // A typo beside words that found results of their own: "did you mean", and those results count.
    const json typo = hc.get_json("/api/v1/search?q=pasword%20recovery%20link&locale=en");
    CHECK(typo["did_you_mean"] == "password recovery link");
    CHECK(typo["showing_results_for"] == "");
    auto counted = hc.with_search(typo["search_id"]);
    REQUIRE(counted.size() == 1);
    CHECK(counted[0].results > 0);

    auto bad = hc.client().Get("/api/v1/search?q=password&locale=en&correct=maybe");
    REQUIRE(bad);
    CHECK(bad->status == 400);
}

TEST_CASE("Events: a result opened from the help-center pages is the click of that search, and so is its vote",
          "[server][events][pages][integration]") {
    Served hc;
    auto page = hc.client().Get("/en/search?q=reset%20password");
    REQUIRE(page);
    std::smatch link;
    REQUIRE(std::regex_search(page->body, link,
                              std::regex("href=\"(/en/articles/reset-password\\?sid=([0-9a-f]{32})&amp;rank=1)")));
    const std::string search_id = link[2];
    std::string target = link[1];
    target.replace(target.find("&amp;"), 5, "&");
    auto searched = hc.with_search(search_id);
    REQUIRE(searched.size() == 1);
    CHECK(searched[0].source == "page");

    auto article = hc.client().Get(target.c_str());
    REQUIRE(article);
    CHECK(article->status == 200);
    CHECK(contains(article->body, "name=\"sid\" value=\"" + search_id + "\""));
    auto vote = hc.client().Post("/en/articles/reset-password/feedback",
                                 "sid=" + search_id + "&vote=no&comment=outdated", "application/x-www-form-urlencoded");
    REQUIRE(vote);
    CHECK(vote->status == 303);
    auto after = hc.with_search(search_id);
    REQUIRE(after.size() == 3);
    CHECK(after[1].kind == events::EventKind::CLICK);
    CHECK(after[1].article_id == "reset-password");
    CHECK(after[1].rank == 1);
    CHECK(after[2].kind == events::EventKind::NOT_HELPFUL);
    CHECK(after[2].comment == "outdated");
}

TEST_CASE("Events: the client address is hashed by default, kept or dropped as configured",
          "[server][events][integration]") {
    auto client_recorded = [](server::ClientAddressPolicy policy) {
        Served hc([policy](server::ServerConfig& config) { config.client_address = policy; });
        const json body = hc.get_json("/api/v1/search?q=password&locale=en");
        return hc.with_search(body["search_id"]).at(0).client;
    };
    const std::string hashed = client_recorded(server::ClientAddressPolicy::HASHED);
    CHECK(hashed.size() == 32);
    CHECK_FALSE(contains(hashed, "127.0.0.1"));
    CHECK(client_recorded(server::ClientAddressPolicy::HASHED) == hashed);  // same key, same customer
    CHECK(client_recorded(server::ClientAddressPolicy::FULL) == "127.0.0.1");
    CHECK(client_recorded(server::ClientAddressPolicy::NONE).empty());
}

TEST_CASE("Events: a forwarded client address is believed only from a trusted proxy", "[server][events][proxy]") {
    // The events keep the full address here, so the test reads which client the server believed.
    auto client_recorded = [](const std::vector<std::string>& proxies, const httplib::Headers& headers) {
        Served hc([&](server::ServerConfig& config) {
            config.client_address = server::ClientAddressPolicy::FULL;
            config.trusted_proxies = proxies;
        });
        const json body = hc.get_json("/api/v1/search?q=password&locale=en", headers);
        return hc.with_search(body["search_id"]).at(0).client;
    };
    const httplib::Headers one_hop{{"X-Forwarded-For", "203.0.113.7"}};
    SECTION("from a trusted proxy: the hop it appended, skipping trusted proxies, never one a client wrote") {
        CHECK(client_recorded({"127.0.0.1"}, one_hop) == "203.0.113.7");
        CHECK(client_recorded({"127.0.0.1"}, {{"X-Forwarded-For", "198.51.100.9, 203.0.113.7"}}) == "203.0.113.7");
        CHECK(client_recorded({"127.0.0.1", "10.0.0.2"}, {{"X-Forwarded-For", "2001:db8::5, 10.0.0.2"}}) ==
              "2001:db8::5");
        CHECK(client_recorded({"127.0.0.1"}, {{"X-Forwarded-For", "198.51.100.9"},
                                              {"X-Forwarded-For", "203.0.113.7"}}) == "203.0.113.7");
    }
    SECTION("anything that is no address stops the walk at the last trusted hop") {
        CHECK(client_recorded({"127.0.0.1"}, {{"X-Forwarded-For", "unknown"}}) == "127.0.0.1");
        CHECK(client_recorded({"127.0.0.1"}, {{"X-Forwarded-For", "203.0.113.7 , "}}) == "127.0.0.1");
        CHECK(client_recorded({"127.0.0.1"}, {}) == "127.0.0.1");
    }
    SECTION("from a peer that is not a trusted proxy, the header is ignored") {
        CHECK(client_recorded({}, one_hop) == "127.0.0.1");
        CHECK(client_recorded({"10.0.0.2"}, one_hop) == "127.0.0.1");
        CHECK(client_recorded({"127.0.1.0/24", "::1/128"}, one_hop) == "127.0.0.1");
    }
    SECTION("a network trusts every proxy in it, as nginx's set_real_ip_from does") {
        CHECK(client_recorded({"127.0.0.0/8"}, one_hop) == "203.0.113.7");
        CHECK(client_recorded({"127.0.0.0/8", "10.0.0.0/30"}, {{"X-Forwarded-For", "198.51.100.9, 10.0.0.3"}}) ==
              "198.51.100.9");
        CHECK(client_recorded({"127.0.0.0/8", "10.0.0.0/30"}, {{"X-Forwarded-For", "198.51.100.9, 10.0.0.4"}}) ==
              "10.0.0.4");
        CHECK(client_recorded({"127.0.0.1/32", "2001:db8::/32"}, {{"X-Forwarded-For", "203.0.113.7, 2001:db8:5::1"}}) ==
              "203.0.113.7");
        CHECK(client_recorded({"0.0.0.0/0"}, one_hop) == "203.0.113.7");
    }
}

TEST_CASE("Config: trusted_proxies lists addresses and networks, and a wrong one names the file", "[server][proxy]") {
    test::TempDir dir;
    std::ofstream(dir / "serve.yaml") << "trusted_proxies: [127.0.0.1, \"::1\", 10.0.0.0/8, \"fd00::/8\"]\n";
    server::ServerConfig config;
    server::load_config_file(dir / "serve.yaml", config);
    CHECK(config.trusted_proxies == std::vector<std::string>{"127.0.0.1", "::1", "10.0.0.0/8", "fd00::/8"});
    for (const std::string wrong : {"10.0.0.0/33", "10.0.0.0/", "10.0.0/8", "::1/129", "10.0.0.0/-1", "proxy"}) {
        CAPTURE(wrong);
        std::ofstream(dir / "serve.yaml") << "trusted_proxies: [\"" << wrong << "\"]\n";
        try {
            server::load_config_file(dir / "serve.yaml", config);
            FAIL("accepted");
        } catch (const std::runtime_error& e) {
            CHECK(contains(e.what(), (dir / "serve.yaml").string()));
            CHECK(contains(e.what(), "trusted_proxies: \"" + wrong + "\" is not an IP address or network"));
        }
    }
}

TEST_CASE("Admin: the content plan needs the admin token, and is off without one", "[server][events][admin]") {
    SECTION("no admin token configured: there is no admin page") {
        Served hc;
        auto page = hc.client().Get("/admin");
        REQUIRE(page);
        CHECK(page->status == 404);
    }
    SECTION("with a token: the report for the token, a login form for anyone else") {
        Served hc([](server::ServerConfig& config) { config.admin_token = ADMIN; });
        {  // a store with one customer question that went unanswered
            events::SqliteEventStore store({.path = hc.config.events_path});
            events::Event search;
            search.search_id = "0123456789abcdef0123456789abcdef";
            search.at = std::chrono::system_clock::now() - std::chrono::hours(2);
            search.source = "search";
            search.locale = "en";
            search.tier = "basic";
            search.query = "export invoices to quickbooks";
            store.record(search);
        }
        for (const httplib::Headers& headers :
             {httplib::Headers{}, httplib::Headers{{"Authorization", "Bearer wrong-token"}},
              httplib::Headers{{"Cookie", "anticipa_admin=" + ADMIN}}, httplib::Headers{{"Authorization", ADMIN}}}) {
            auto refused = hc.client().Get("/admin", headers);
            REQUIRE(refused);
            CHECK(refused->status == 401);
            CHECK_FALSE(contains(refused->body, "quickbooks"));
        }
        auto bad_login = hc.client().Post("/admin/login", "token=guess", "application/x-www-form-urlencoded");
        REQUIRE(bad_login);
        CHECK(bad_login->status == 401);
        CHECK(bad_login->get_header_value("Set-Cookie").empty());

        auto report = hc.admin_client().Get("/admin", {{"Authorization", "Bearer " + ADMIN}});
        REQUIRE(report);
        CHECK(report->status == 200);
        CHECK(contains(report->body, "quickbooks"));

        // The login form sets a cookie that opens the page and does not contain the token.
        auto login = hc.client().Post("/admin/login", "token=" + ADMIN, "application/x-www-form-urlencoded");
        REQUIRE(login);
        CHECK(login->status == 303);
        const std::string cookie = login->get_header_value("Set-Cookie");
        CHECK(contains(cookie, "HttpOnly"));
        CHECK_FALSE(contains(cookie, ADMIN));
        auto with_cookie = hc.admin_client().Get("/admin", {{"Cookie", cookie.substr(0, cookie.find(';'))}});
        REQUIRE(with_cookie);
        CHECK(with_cookie->status == 200);
        CHECK(contains(with_cookie->body, "quickbooks"));
    }
}

TEST_CASE("Metrics: the events store's accepted, written and dropped counts are exported", "[server][events]") {
    Served hc;
    hc.get_json("/api/v1/search?q=password&locale=en");
    auto metrics = hc.client().Get("/metrics");
    REQUIRE(metrics);
    CHECK(contains(metrics->body, "anticipa_events_accepted_total 1\n"));
    CHECK(contains(metrics->body, "anticipa_events_dropped_total 0\n"));
}

namespace {

/// `anticipa serve` on the sample index with its events store in `events_db`; the port it chose.
struct ServeProcess {
    test::TempDir& dir;
    std::unique_ptr<test::RunningProcess> process;
    std::string port;

    ServeProcess(test::TempDir& d, const std::filesystem::path& events_db) : dir(d) {
        process = std::make_unique<test::RunningProcess>(std::vector<std::string>{
            test::anticipa_binary(), "serve", "--listen", "127.0.0.1:0", "--index", (dir / "index").string(),
            "--locales", (test::source_dir() / "locales").string(), "--events", events_db.string()});
        std::string line;
        while (port.empty() && process->read_error_line(line)) {
            auto at = line.find("listening on http://127.0.0.1:");
            if (at != std::string::npos) port = line.substr(at + 30);
        }
        REQUIRE_FALSE(port.empty());
    }
    /// Searches `count` times, each answered before the next is sent; the search ids.
    std::vector<std::string> search(int count) const {
        httplib::Client client("127.0.0.1", std::stoi(port));
        client.set_read_timeout(5, 0);
        std::vector<std::string> ids;
        for (int i = 0; i < count; ++i) {
            auto result = client.Get(("/api/v1/search?locale=en&q=password%20" + std::to_string(i)).c_str());
            REQUIRE(result);
            REQUIRE(result->status == 200);
            ids.push_back(json::parse(result->body)["search_id"]);
        }
        return ids;
    }
};

std::size_t stored_searches(const std::filesystem::path& events_db) {
    auto all = events::read_events(events_db, std::chrono::system_clock::time_point{},
                                   std::chrono::system_clock::now() + std::chrono::hours(1));
    return std::count_if(all.begin(), all.end(),
                         [](const events::Event& e) { return e.kind == events::EventKind::SEARCH; });
}

}  // namespace

TEST_CASE("Events store: no answered search is lost on SIGTERM or on kill -9 of the server", "[server][events][e2e]") {
    test::TempDir dir;
    auto indexed = test::run_process({test::anticipa_binary(), "index", "--articles",
                                      (test::source_dir() / "articles").string(), "--index", (dir / "index").string(),
                                      "--locales", (test::source_dir() / "locales").string()});
    REQUIRE(indexed.exit_code == 0);
    const auto events_db = dir / "events.db";

    {
        ServeProcess served(dir, events_db);
        served.search(40);
        CHECK(served.process->terminate() == 0);
    }
    CHECK(stored_searches(events_db) == 40);

    {
        ServeProcess served(dir, events_db);
        served.search(60);
        served.process->kill_now();  // no flush, no destructor: the journal has them
    }
    {
        ServeProcess restarted(dir, events_db);  // replays the journal on start
        restarted.search(1);
        CHECK(restarted.process->terminate() == 0);
    }
    CHECK(stored_searches(events_db) == 101);
}
