// End to end: the built `anticipa` binary run as a writer runs it, on the real sample articles
// and on generated folders.
#include "support/process.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using anticipa::test::anticipa_binary;
using anticipa::test::run_process;
using anticipa::test::source_dir;
using anticipa::test::TempDir;

namespace {

anticipa::test::ProcessResult anticipa_run(std::vector<std::string> args) {
    args.insert(args.begin(), anticipa_binary());
    return run_process(args);
}

std::vector<std::string> with_paths(const TempDir& dir, std::vector<std::string> args) {
    args.insert(args.end(), {"--index", (dir / "index").string(), "--locales", (source_dir() / "locales").string()});
    return args;
}

nlohmann::json search_json(const TempDir& dir, const std::string& query, const std::string& locale,
                           std::vector<std::string> extra = {}) {
    auto args = with_paths(dir, {"search", query, "--locale", locale, "--json"});
    args.insert(args.end(), extra.begin(), extra.end());
    auto result = anticipa_run(args);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return nlohmann::json::parse(result.out);
}

}  // namespace

TEST_CASE("CLI: index and search the sample help center", "[e2e]") {
    TempDir dir;
    auto indexed =
        anticipa_run(with_paths(dir, {"index", "--articles", (source_dir() / "articles").string(), "--json"}));
    INFO(indexed.err);
    REQUIRE(indexed.exit_code == 0);
    auto summary = nlohmann::json::parse(indexed.out);
    CHECK(summary["failed"] == 0);
    CHECK(summary["added"].get<int>() >= 80);

    auto answer = search_json(dir, "esqueci minha senha", "pt");
    REQUIRE_FALSE(answer["results"].empty());
    CHECK(answer["results"][0]["id"] == "reset-password");
    CHECK(answer["results"][0]["link"].get<std::string>().starts_with("/pt/articles/reset-password"));
    CHECK(answer["results"][0]["snippet_html"].get<std::string>().find("<mark>") != std::string::npos);
    CHECK(answer["fallback"] == false);

    SECTION("drafts are not served, but writers can preview them") {
        const auto published = search_json(dir, "offline mode beta", "en");
        REQUIRE_FALSE(published["results"].empty());  // other articles mention offline mode
        for (const auto& hit : published["results"]) CHECK(hit["id"] != "offline-mode-beta");
        auto preview = search_json(dir, "offline mode beta", "en", {"--drafts"});
        REQUIRE_FALSE(preview["results"].empty());
        CHECK(preview["results"][0]["id"] == "offline-mode-beta");
    }
    SECTION("an advanced-tier article is hidden from the basic tier") {
        const auto basic = search_json(dir, "SCIM token", "en");
        REQUIRE_FALSE(basic["results"].empty());  // the plans article mentions SCIM publicly
        for (const auto& hit : basic["results"]) CHECK(hit["id"] != "single-sign-on");
        auto advanced = search_json(dir, "SCIM token", "en", {"--tier", "advanced"});
        REQUIRE_FALSE(advanced["results"].empty());
        CHECK(advanced["results"][0]["id"] == "single-sign-on");
    }
    SECTION("a second run skips every unchanged file") {
        auto again =
            anticipa_run(with_paths(dir, {"index", "--articles", (source_dir() / "articles").string(), "--json"}));
        auto second = nlohmann::json::parse(again.out);
        CHECK(second["unchanged"] == summary["added"]);
        CHECK(second["added"] == 0);
    }
    SECTION("the text output shows title, deep link and marked snippet") {
        auto text = anticipa_run(with_paths(dir, {"search", "cancel subscription", "--locale", "en", "-n", "1"}));
        CHECK(text.exit_code == 0);
        CHECK(text.out.find("/en/articles/cancel-subscription") != std::string::npos);
        CHECK(text.out.find("[") != std::string::npos);
    }
}

TEST_CASE("CLI: exit codes scripts can rely on", "[e2e]") {
    TempDir dir;
    SECTION("searching without an index is an environment error that says what to run") {
        auto result = anticipa_run(with_paths(dir, {"search", "password", "--locale", "en"}));
        CHECK(result.exit_code == 2);
        CHECK(result.err.find("anticipa index") != std::string::npos);
    }
    SECTION("an unknown option is a usage error") {
        CHECK(anticipa_run({"index", "--no-such-option"}).exit_code == 2);
    }
    SECTION("an invalid tier is refused") {
        CHECK(anticipa_run(with_paths(dir, {"search", "x", "--locale", "en", "--tier", "platinum"})).exit_code == 2);
    }
    SECTION("a failed article makes index exit 1 while the others are indexed") {
        dir.write("articles/en/good.md", "---\ntitle: Good\n---\nFine text.\n");
        dir.write("articles/en/bad.md", "---\ntitel: Bad\n---\nNo title.\n");
        auto result = anticipa_run(with_paths(dir, {"index", "--articles", (dir / "articles").string()}));
        CHECK(result.exit_code == 1);
        CHECK(result.err.find("articles/en/bad.md:1: error:") != std::string::npos);
        CHECK(result.err.find("did you mean `title`") != std::string::npos);
        CHECK(search_json(dir, "fine", "en")["results"].size() == 1);
    }
}

TEST_CASE("CLI: killing the indexer mid-run leaves the published index whole", "[e2e][crash]") {
    TempDir dir;
    auto index_args = with_paths(dir, {"index", "--articles", (dir / "articles").string(), "--progress"});
    dir.write("articles/en/original.md", "---\ntitle: Original article\n---\nThe marmot sleeps in winter.\n");
    REQUIRE(anticipa_run(index_args).exit_code == 0);

    // A second, large run: every file changes the meaning of "marmot".
    const int files = 3000;
    for (int i = 0; i < files; ++i)
        dir.write("articles/en/gen/" + std::to_string(i) + ".md", "---\ntitle: Generated " + std::to_string(i) +
                                                                      "\n---\nThe marmot number " + std::to_string(i) +
                                                                      " is awake. " + std::string(2000, 'x') + "\n");
    dir.write("articles/en/original.md", "---\ntitle: Original article\n---\nThe ferret replaced the animal.\n");

    std::vector<std::string> command{anticipa_binary()};
    command.insert(command.end(), index_args.begin(), index_args.end());
    anticipa::test::RunningProcess indexer(command);
    std::string line;
    int progress_lines = 0;
    while (progress_lines < files / 3 && indexer.read_error_line(line))
        if (line.starts_with("[")) ++progress_lines;
    REQUIRE(progress_lines == files / 3);  // killed in the middle of the run, not after it
    indexer.kill_now();

    // The last published revision answers, whole: one article, still about marmots.
    auto before = search_json(dir, "marmot", "en");
    REQUIRE(before["results"].size() == 1);
    CHECK(before["results"][0]["id"] == "original");
    CHECK(search_json(dir, "ferret", "en")["results"].empty());

    // The next run completes and publishes everything: nothing of the killed run had been kept.
    index_args.push_back("--json");
    auto finished = anticipa_run(index_args);
    REQUIRE(finished.exit_code == 0);
    auto summary = nlohmann::json::parse(finished.out);
    CHECK(summary["added"] == files);
    CHECK(summary["updated"] == 1);
    CHECK(search_json(dir, "ferret", "en")["results"].size() == 1);
}

TEST_CASE("CLI: anticipa serve answers over HTTP and stops cleanly on SIGTERM", "[e2e][server]") {
    TempDir dir;
    REQUIRE(anticipa_run(with_paths(dir, {"index", "--articles", (source_dir() / "articles").string()})).exit_code ==
            0);
    auto args = with_paths(dir, {"serve", "--listen", "127.0.0.1:0"});
    args.insert(args.begin(), anticipa_binary());
    anticipa::test::RunningProcess server(args);
    const std::string port = std::to_string(anticipa::test::listening_port(server));
    REQUIRE(port != "0");
    auto answer = run_process({"/usr/bin/curl", "-s", "--max-time", "5",
                               "http://127.0.0.1:" + port + "/api/v1/search?q=cancel%20subscription&locale=en"});
    REQUIRE(answer.exit_code == 0);
    auto body = nlohmann::json::parse(answer.out);
    REQUIRE_FALSE(body["results"].empty());
    CHECK(body["results"][0]["id"] == "cancel-subscription");
    CHECK(server.terminate() == 0);
}

TEST_CASE("CLI: a second anticipa serve on a port in use exits 2 with \"address already in use\"", "[e2e][server]") {
    TempDir dir;
    REQUIRE(anticipa_run(with_paths(dir, {"index", "--articles", (source_dir() / "articles").string()})).exit_code ==
            0);
    auto args = with_paths(dir, {"serve", "--listen", "127.0.0.1:0", "--events", (dir / "events.db").string()});
    args.insert(args.begin(), anticipa_binary());
    anticipa::test::RunningProcess first(args);
    const std::string port = std::to_string(anticipa::test::listening_port(first));
    REQUIRE(port != "0");
    // Its own events store, so only the port is shared; `timeout` ends it if it serves anyway.
    auto second =
        with_paths(dir, {"serve", "--listen", "127.0.0.1:" + port, "--events", (dir / "second-events.db").string()});
    second.insert(second.begin(), {"/usr/bin/timeout", "20", anticipa_binary()});
    auto refused = run_process(second);
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("address already in use") != std::string::npos);
    CHECK(refused.err.find("127.0.0.1:" + port) != std::string::npos);
    // The first server still has the port to itself.
    auto answer = run_process({"/usr/bin/curl", "-s", "--max-time", "5", "http://127.0.0.1:" + port + "/healthz"});
    CHECK(answer.exit_code == 0);
    CHECK(answer.out.find("\"status\"") != std::string::npos);
    CHECK(first.terminate() == 0);
}
