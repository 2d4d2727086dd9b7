// End to end: what an operator sees of `anticipa serve` — a typo or a wrong type in the settings
// file stops it with the line and the setting meant; start-up and errors name absolute paths; a
// newly published index revision is logged. The built binary, in a temporary folder.
#include "support/process.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

using namespace anticipa;
using anticipa::test::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string SETTINGS = "anticipa-serve.yaml";

/// The sample help center indexed into dir/index.
void index_sample(const TempDir& dir, const fs::path& articles = test::source_dir() / "articles") {
    auto indexed =
        test::run_process({test::anticipa_binary(), "index", "--articles", articles.string(), "--index",
                           (dir / "index").string(), "--locales", (test::source_dir() / "locales").string()});
    INFO(indexed.err);
    REQUIRE(indexed.exit_code == 0);
}

struct Ended {
    int exit_code = 0;
    std::string err;
};

/// `anticipa serve --config anticipa-serve.yaml` run in `dir`, the relative path an operator
/// types; what it printed before it stopped (or started: then it is stopped, with exit code 0).
Ended serve_with(const TempDir& dir, const std::string& settings) {
    dir.write(SETTINGS, settings);
    test::RunningProcess server({test::anticipa_binary(), "serve", "--config", SETTINGS, "--listen", "127.0.0.1:0",
                                 "--index", "index", "--locales", (test::source_dir() / "locales").string()},
                                dir.path());
    Ended ended;
    for (std::string line; server.read_error_line(line);) {
        ended.err += line + "\n";
        if (line.find("listening on") != std::string::npos) break;
    }
    ended.exit_code = server.terminate();
    return ended;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("Serve settings: a typo or a wrong type stops the start, naming the line and what was meant",
          "[e2e][server]") {
    TempDir dir;
    index_sample(dir);
    const std::string file = (dir.path() / SETTINGS).lexically_normal().string();
    struct Case {
        std::string settings, expected;
    };
    for (const auto& c : std::vector<Case>{
             {"admin_tokn: secret\n", file + ":1: unknown setting `admin_tokn` (did you mean `admin_token`?)"},
             {"threads: 4\nallowed_origin: [\"https://app.example\"]\n",
              file + ":2: unknown setting `allowed_origin` (did you mean `allowed_origins`?)"},
             {"events:\n  retention_day: 30\n",
              file + ":2: unknown setting `events.retention_day` (did you mean `events.retention_days`?)"},
             {"escalation:\n  standard:\n    contact_from: true\n",
              file + ":3: unknown setting `escalation.standard.contact_from` (did you mean "
                     "`escalation.standard.contact_form`?)"},
             {"colour: blue\n", file + ":1: unknown setting `colour`\n"},
             {"threads: many\n", file + ":1: `threads` must be a whole number, got `many`"},
             {"max_body_bytes: -5\n", file + ":1: `max_body_bytes` must be a whole number, got `-5`"},
             {"admin_cookie_secure: maybe\n", file + ":1: `admin_cookie_secure` must be true or false, got `maybe`"},
             {"allowed_origins: {a: b}\n", file + ":1: `allowed_origins` must be a list of origins"},
             {"events:\n  retention_days: soon\n",
              file + ":2: `events.retention_days` must be a whole number, got `soon`"},
             {"escalation:\n  advanced:\n    contact_form: perhaps\n",
              file + ":3: `escalation.advanced.contact_form` must be true or false, got `perhaps`"},
             {"escalation:\n  gold: {}\n", file + ": escalation.gold: the tiers are basic, standard and advanced"},
             {"admin_session_idle_seconds: 0\n",
              file + ": admin_session_idle_seconds must be a number of seconds above 0"},
             {"events:\n  retention_days: -1\n", file + ": events.retention_days must be 0 or more"},
             {"events:\n  client_address: partial\n",
              file + ": events.client_address must be full, hashed or none, got partial"}}) {
        CAPTURE(c.settings);
        const Ended ended = serve_with(dir, c.settings);
        CAPTURE(ended.err);
        CHECK(ended.exit_code == 2);
        CHECK(contains(ended.err, c.expected));
        CHECK_FALSE(contains(ended.err, "listening on"));
    }
    // Every setting of the demo's file is known.
    const Ended demo = serve_with(dir, "threads: 2\nadmin_token: x\nevents:\n  retention_days: 30\n");
    CAPTURE(demo.err);
    CHECK(contains(demo.err, "listening on"));
}

TEST_CASE("Serve settings: start-up names absolute paths, and a newly published revision is logged", "[e2e][server]") {
    TempDir dir;
    fs::copy(test::source_dir() / "articles", dir / "articles", fs::copy_options::recursive);
    index_sample(dir, dir / "articles");
    dir.write(SETTINGS, "threads: 2\n");
    test::ServerProcess server({"--config", SETTINGS, "--index", "index", "--events", "events.db"}, dir.path());
    const std::string index = (dir.path() / "index").lexically_normal().string();
    CHECK(contains(server.log(), "index " + index + ","));
    CHECK(contains(server.log(), "events " + (dir.path() / "events.db").lexically_normal().string() + " "));
    CHECK_FALSE(contains(server.log(), "index index"));

    // Each database's revision is logged when first served, and again when a new one is picked up.
    auto en_revision = [&] {
        const std::string revisions = server.get_json("/healthz").second["revision"].get<std::string>();
        const auto at = revisions.find("en:") + 3;
        return revisions.substr(at, revisions.find(' ', at) - at);
    };
    CHECK(contains(server.log(), index + "/en: serving revision " + en_revision() + "\n"));
    const std::string first = en_revision();
    dir.write("articles/en/account/wombats.md", "---\ntitle: Wombat care\n---\nAn invoice for a wombat.\n");
    index_sample(dir, dir / "articles");
    bool logged = false;
    for (int attempt = 0; attempt < 100 && !logged; ++attempt) {
        server.get_json("/api/v1/search?q=wombat&locale=en");  // a search looks for new revisions
        const std::string now = en_revision();
        logged = now != first && contains(server.log(), index + "/en: serving revision " + now + "\n");
        if (!logged) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    CAPTURE(server.log());
    CHECK(logged);
}

TEST_CASE(
    "Serve settings: the command line wins over the environment, the environment over the file; secrets "
    "are never printed",
    "[e2e][server]") {
    TempDir dir;
    index_sample(dir);
    dir.write(
        SETTINGS,
        "listen: 127.0.0.1:9\nindex: from-file\ndefault_locale: pt\nthreads: 3\ntier_secret: file-tier-1234\n"
        "admin_token: file-admin-5678\nadmin_session_idle_seconds: 600\nevents:\n  client_hash_key: file-hash-9012\n"
        "  retention_days: 30\n  client_address: none\n");
    // listen and index are set at all three levels, default_locale and the tier secret at two,
    // threads, the events and admin settings in the file only.
    test::RunningProcess server(
        {"/usr/bin/env", "ANTICIPA_LISTEN=127.0.0.1:8", "ANTICIPA_INDEX=from-environment", "ANTICIPA_DEFAULT_LOCALE=es",
         "ANTICIPA_TIER_SECRET=environment-tier-3456", test::anticipa_binary(), "serve", "--config", SETTINGS,
         "--listen", "127.0.0.1:0", "--index", "index", "--events", "events.db"},
        dir.path());
    std::string printed, settings;
    for (std::string line; server.read_error_line(line);) {
        printed += line + "\n";
        if (line.starts_with("anticipa serve: listen ")) settings = line;
        if (line.find("listening on") != std::string::npos) break;
    }
    CHECK(server.terminate() == 0);
    CAPTURE(printed);
    const std::string folder = dir.path().lexically_normal().string();
    CHECK(settings == "anticipa serve: listen 127.0.0.1:0, index " + folder + "/index, locales " + folder +
                          "/locales (UI strings; analysis as the index carries it), default locale es, threads 3 "
                          "(queue 1024, 250 ms), tier secret ****, allowed origins (none), trusted proxies (none: "
                          "X-Forwarded-For is ignored), events " +
                          folder +
                          "/events.db (client address none, kept 30 days), admin page on (sessions end after "
                          "600 s idle or 43200 s, cookie not Secure)");
    for (const char* secret : {"file-tier-1234", "environment-tier-3456", "file-admin-5678", "file-hash-9012"}) {
        CAPTURE(secret);
        CHECK_FALSE(contains(printed, secret));
    }
}
