// End to end: the index carries what its analysis needs. A real `anticipa serve` given only the
// index folder (no locales/ anywhere) answers as one started with the profiles; a synonym edit
// reaches a running server through `anticipa index` alone; a broken or foreign locale database
// never stops the others, and `anticipa index` repairs it.
#include "index/index_layout.h"
#include "index/schema.h"
#include "support/eventually.h"
#include "support/process.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

#include <xapian.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <thread>

using namespace anticipa;
using anticipa::test::eventually;
using anticipa::test::TempDir;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

test::ProcessResult anticipa_run(std::vector<std::string> args) {
    args.insert(args.begin(), test::anticipa_binary());
    return test::run_process(args);
}

/// The sample help center indexed into dir/index with the project's locales/.
json index_sample(const TempDir& dir, const fs::path& locales = test::source_dir() / "locales") {
    auto indexed = anticipa_run({"index", "--articles", (test::source_dir() / "articles").string(), "--index",
                                 (dir / "index").string(), "--locales", locales.string(), "--json"});
    INFO(indexed.err);
    REQUIRE(indexed.exit_code == 0);
    return json::parse(indexed.out);
}

std::string search_path(const std::string& query, const std::string& locale) {
    return "/api/v1/search?locale=" + locale + "&q=" + httplib::detail::encode_query_param(query);
}

/// The answer without what differs on every request.
json results_of(const test::ServerProcess& server, const std::string& query, const std::string& locale) {
    auto [status, body] = server.get_json(search_path(query, locale));
    REQUIRE(status == 200);
    body.erase("search_id");
    return body;
}

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t found = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++found;
    return found;
}

}  // namespace

TEST_CASE("Self-contained index: a server given only the index folder answers as one given locales/", "[e2e][server]") {
    TempDir indexing_host, replica;
    index_sample(indexing_host);
    fs::create_directories(replica / "srv/help");
    fs::copy(indexing_host / "index", replica / "srv/help/index", fs::copy_options::recursive);
    fs::create_directories(replica / "elsewhere");

    test::ServerProcess with_profiles(
        {"--index", (indexing_host / "index").string(), "--locales", (test::source_dir() / "locales").string()});
    test::ServerProcess index_only({"--index", (replica / "srv/help/index").string()}, replica / "elsewhere");
    CHECK(index_only.log().find("analysis as the index carries it") != std::string::npos);

    const std::vector<std::pair<std::string, std::string>> questions{{"en", "reset password"},
                                                                     {"en", "cancel my subscription"},
                                                                     {"en", "receipt"},
                                                                     {"en", "two factor authentication"},
                                                                     {"pt", "esqueci minha senha"},
                                                                     {"pt", "nao consigo entrar"},
                                                                     {"pt", "boleto"},
                                                                     {"es", "restablecer contraseña"},
                                                                     {"es", "factura"},
                                                                     {"it", "password dimenticata"},
                                                                     {"it", "fattura elettronica"},
                                                                     {"zh-TW", "重設密碼"},
                                                                     {"zh-TW", "发票"},
                                                                     {"zh-CN", "忘记密码"},
                                                                     {"de", "password"}};
    for (const auto& [locale, question] : questions) {
        CAPTURE(locale, question);
        const json expected = results_of(with_profiles, question, locale);
        CHECK_FALSE(expected["results"].empty());
        CHECK(results_of(index_only, question, locale) == expected);
    }

    // `anticipa search` from a folder without locales/ answers the same.
    auto searched = anticipa_run({"search", "esqueci minha senha", "--locale", "pt", "--index",
                                  (replica / "srv/help/index").string(), "--json"});
    REQUIRE(searched.exit_code == 0);
    CHECK(json::parse(searched.out)["results"] == results_of(with_profiles, "esqueci minha senha", "pt")["results"]);
    CHECK(searched.err.empty());
}

TEST_CASE("Self-contained index: a synonym edit reaches a running server through `anticipa index` alone",
          "[e2e][server]") {
    TempDir dir;
    fs::copy(test::source_dir() / "locales", dir / "locales", fs::copy_options::recursive);
    const json first = index_sample(dir, dir / "locales");
    fs::create_directories(dir / "elsewhere");
    test::ServerProcess server({"--index", (dir / "index").string()}, dir / "elsewhere");
    CHECK(results_of(server, "wombat", "en")["results"].empty());

    std::ofstream(dir / "locales/en/synonyms.txt", std::ios::app) << "wombat, invoice\n";
    const json second = index_sample(dir, dir / "locales");
    CHECK(second["unchanged"] == first["added"]);  // no article re-indexed
    CHECK(second["added"] == 0);
    CHECK(second["updated"] == 0);
    CHECK(second["locales"][0]["locale"] == "en");
    CHECK(second["locales"][0]["publication"] == "updated");

    CHECK(eventually([&] {
        const json found = results_of(server, "wombat", "en");
        return !found["results"].empty() && found["results"][0]["id"] == "invoices";
    }));
}

TEST_CASE(
    "Self-contained index: a corrupt and a foreign locale database never stop the others; `anticipa "
    "index` repairs them",
    "[e2e][server]") {
    TempDir dir;
    index_sample(dir);
    const fs::path es = fs::absolute(index::database_path(dir / "index", "es"));
    std::ofstream(es / "iamglass", std::ios::trunc) << "not a Xapian database";
    {
        Xapian::WritableDatabase it(index::database_path(dir / "index", "it").string(), Xapian::DB_OPEN);
        it.set_metadata(index::META_FINGERPRINT, "made-by-another-analyzer");
        it.commit();
    }

    fs::create_directories(dir / "elsewhere");
    test::ServerProcess server({"--index", (dir / "index").string()}, dir / "elsewhere");
    auto [status, health] = server.get_json("/healthz");
    CHECK(status == 200);
    CHECK(health["status"] == "degraded");
    CHECK(health["locales"] == json::array({"en", "pt", "zh-TW"}));
    REQUIRE(health["unusable"].size() == 2);
    CHECK(health["unusable"][0]["locale"] == "es");
    CHECK(health["unusable"][1]["locale"] == "it");
    CHECK(health["unusable"][1]["reason"].get<std::string>().starts_with("was made by a different analyzer"));

    // Searches in the broken locales fall back to the default locale; the others are untouched.
    for (int round = 0; round < 3; ++round) {
        const json spanish = results_of(server, "factura", "es");
        CHECK(spanish["fallback"] == true);
        CHECK(spanish["locale"] == "en");
        CHECK(results_of(server, "esqueci minha senha", "pt")["results"][0]["id"] == "reset-password");
    }
    // Said once in the log, with the absolute path and what to run.
    const std::string log = server.log();
    CHECK(count(log, "index " + es.string() + " cannot be served") == 1);
    CHECK(log.find("until `anticipa index` rebuilds it") != std::string::npos);

    auto searched = anticipa_run({"search", "factura", "--locale", "es", "--index", (dir / "index").string()});
    CHECK(searched.exit_code == 0);
    CHECK(searched.err.find("warning: index " + es.string() + " cannot be served") != std::string::npos);
    CHECK(searched.out.find("No match in es; showing en articles.") != std::string::npos);

    const json repaired = index_sample(dir);
    for (const auto& locale : repaired["locales"]) {
        CAPTURE(locale);
        const bool broken = locale["locale"] == "es" || locale["locale"] == "it";
        CHECK(locale["publication"] == (broken ? "rebuilt" : "unchanged"));
    }
    CHECK(eventually([&] { return server.get_json("/healthz").second["status"] == "ok"; }));
    const json spanish = results_of(server, "factura", "es");
    CHECK(spanish["fallback"] == false);
    CHECK(spanish["locale"] == "es");
}

TEST_CASE("CLI: `anticipa index` without a locales folder warns and names each locale's profile", "[e2e]") {
    TempDir dir;
    dir.write("articles/en/a.md", "---\ntitle: Alpha\n---\nThe quokka.\n");
    dir.write("articles/pt/a.md", "---\ntitle: Alfa\n---\nO quokka.\n");
    std::vector<std::string> command{"index",
                                     "--articles",
                                     (dir / "articles").string(),
                                     "--index",
                                     (dir / "index").string(),
                                     "--locales",
                                     (dir / "no-locales").string()};
    auto indexed = anticipa_run(command);
    CHECK(indexed.exit_code == 0);
    CHECK(indexed.err.find("warning: no locales folder: every locale is indexed with built-in defaults") !=
          std::string::npos);
    CHECK(indexed.out.find("  en: new, profile defaults (stemmer en, 0 stop words, 0 synonym groups)") !=
          std::string::npos);
    CHECK(indexed.out.find("  pt: new, profile defaults (stemmer pt, 0 stop words, 0 synonym groups)") !=
          std::string::npos);

    command.push_back("--strict");
    CHECK(anticipa_run(command).exit_code == 1);  // a warning fails a writer's CI with --strict

    command.pop_back();
    command.back() = (test::source_dir() / "locales").string();
    auto with_profiles = anticipa_run(command);
    CHECK(with_profiles.exit_code == 0);
    CHECK(with_profiles.out.find("  en: rebuilt (it was made by a different analyzer") != std::string::npos);
    CHECK(with_profiles.out.find("profile " + (test::source_dir() / "locales/en").generic_string() +
                                 " (stemmer english") != std::string::npos);
}

TEST_CASE("Self-contained index: a replica made by xapian-replicate serves from its copies alone", "[e2e][server]") {
    TempDir host, replica;
    fs::copy(test::source_dir() / "locales", host / "locales", fs::copy_options::recursive);
    index_sample(host, host / "locales");
    const std::string port = std::to_string(test::free_loopback_port());
    test::RunningProcess master(
        {"/usr/bin/xapian-replicate-server", "-I", "127.0.0.1", "-p", port, (host / "index").string()});
    master.discard_errors();
    fs::create_directories(replica / "index");
    // Each locale database is replicated on its own, as issue 13's replicas will; a replica
    // keeps xapian-replicate's stub file and copies, not a glass folder.
    auto replicate = [&] {
        for (const auto& locale : index::indexed_locales(host / "index")) {
            test::ProcessResult copy;
            for (int attempt = 0; attempt < 50 && copy.exit_code != 0; ++attempt) {  // until the master listens
                if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
                copy = test::run_process({"/usr/bin/xapian-replicate", "-h", "127.0.0.1", "-p", port, "-m", locale,
                                          "-o", (replica / "index" / locale).string()});
            }
            INFO(locale << ": " << copy.out << copy.err);
            REQUIRE(copy.exit_code == 0);
        }
    };
    replicate();
    CHECK(fs::exists(replica / "index/en/XAPIANDB"));
    CHECK(index::indexed_locales(replica / "index") == index::indexed_locales(host / "index"));

    fs::create_directories(replica / "elsewhere");
    test::ServerProcess on_replica({"--index", (replica / "index").string()}, replica / "elsewhere");
    test::ServerProcess on_host({"--index", (host / "index").string()}, host.path());
    for (const auto& [locale, question] : std::vector<std::pair<std::string, std::string>>{
             {"en", "reset password"}, {"pt", "esqueci minha senha"}, {"zh-CN", "忘记密码"}}) {
        CAPTURE(locale, question);
        CHECK(results_of(on_replica, question, locale) == results_of(on_host, question, locale));
    }

    // A synonym edit travels as a revision like any other: index on the host, replicate, served.
    std::ofstream(host / "locales/en/synonyms.txt", std::ios::app) << "wombat, invoice\n";
    index_sample(host, host / "locales");
    replicate();
    CHECK(eventually([&] {
        const json found = results_of(on_replica, "wombat", "en");
        return !found["results"].empty() && found["results"][0]["id"] == "invoices";
    }));
}
