// End to end, as the README demonstrates it: simulated customers (anticipa-traffic) use a real
// `anticipa serve`, which writes the events store; `anticipa gaps` then reads it as a support
// lead would. The scenario's questions say which ones no article answers, so the report has
// known answers.
#include "events/event_store.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <string>

using namespace anticipa;
using nlohmann::json;

namespace {

const std::string SECRET = "content-plan-secret";

/// Every phrasing of "restore a deleted note" in tools/traffic/scenarios.yaml: the writing gap
/// the scenario makes most frequent (highest weight, and growing).
const std::set<std::string> DELETED_NOTE_PHRASINGS{"restore deleted note",
                                                   "recover a deleted note",
                                                   "trash bin",
                                                   "undo delete note",
                                                   "where do deleted notes go",
                                                   "recuperar nota apagada",
                                                   "lixeira",
                                                   "restaurar nota excluída",
                                                   "desfazer exclusão da nota",
                                                   "recuperar nota borrada",
                                                   "papelera",
                                                   "restaurar una nota eliminada",
                                                   "recuperare nota cancellata",
                                                   "cestino",
                                                   "ripristinare una nota eliminata",
                                                   "復原刪除的筆記",
                                                   "垃圾桶",
                                                   "筆記不小心刪掉",
                                                   "恢复删除的笔记",
                                                   "回收站"};

}  // namespace

TEST_CASE("Content plan: simulated customers on a real server become the gaps report", "[e2e][gaps][events]") {
    test::TempDir dir;
    const std::string locales = (test::source_dir() / "locales").string();
    const std::string articles = (test::source_dir() / "articles").string();
    const std::string index = (dir / "index").string();
    REQUIRE(test::run_process(
                {test::anticipa_binary(), "index", "--articles", articles, "--index", index, "--locales", locales})
                .exit_code == 0);
    dir.write("serve.yaml", "tier_secret: " + SECRET + "\ncontact_outbox: " + (dir / "outbox.jsonl").string() + "\n");
    const auto events_db = dir / "events.db";

    test::RunningProcess server({test::anticipa_binary(), "serve", "--listen", "127.0.0.1:0", "--index", index,
                                 "--locales", locales, "--events", events_db.string(), "--config",
                                 (dir / "serve.yaml").string()});
    std::string line, port;
    while (port.empty() && server.read_error_line(line)) {
        auto at = line.find("listening on http://127.0.0.1:");
        if (at != std::string::npos) port = line.substr(at + 30);
    }
    REQUIRE_FALSE(port.empty());
    server.discard_errors();  // a log line per request would fill the pipe and block the server

    auto traffic = test::run_process({test::traffic_binary(), "--server", "http://127.0.0.1:" + port, "--customers",
                                      "400", "--seed", "7", "--concurrency", "2", "--tier-secret", SECRET, "--json"});
    CAPTURE(traffic.err);
    REQUIRE(traffic.exit_code == 0);
    const json sent = json::parse(traffic.out);
    CHECK(sent["requests"]["server_errors"] == 0);
    REQUIRE(server.terminate() == 0);

    // Every event the server accepted is in the store after its SIGTERM.
    const auto stored = events::read_events(events_db, {}, std::chrono::system_clock::now() + std::chrono::hours(1));
    CHECK(stored.size() == sent["events"].get<std::size_t>());

    // The report, judged at once (--session-window 0): the simulation has already ended.
    auto gaps =
        test::run_process({test::anticipa_binary(), "gaps", "--events", events_db.string(), "--locales", locales,
                           "--articles", articles, "--index", index, "--session-window", "0", "--format", "json"});
    CAPTURE(gaps.err);
    REQUIRE(gaps.exit_code == 0);
    const json report = json::parse(gaps.out);
    CHECK(report["searches"].get<int>() >= sent["questions"].get<int>() / 2);
    CHECK(report["unresolved"].get<int>() > 0);
    REQUIRE_FALSE(report["gaps"].empty());
    const json& top = report["gaps"][0];
    CAPTURE(top.dump());
    CAPTURE(report["gaps"].dump());
    CHECK(DELETED_NOTE_PHRASINGS.count(top["label"].get<std::string>()) == 1);
    // An advanced customer sees every article: entitlement gaps are only ever below it.
    for (const auto& gap : report["entitlement_gaps"]) CHECK(gap["tier"] != "advanced");
    // Keystrokes never show up as questions of their own ("restaurar nota exc" and the like).
    for (const auto& group : report["top_questions"])
        for (const auto& phrasing : group["phrasings"]) CHECK(phrasing["count"].get<int>() > 0);

    // Drafts for the top gaps, ready for a writer, pass `anticipa check`.
    auto scaffold =
        test::run_process({test::anticipa_binary(), "gaps", "--events", events_db.string(), "--locales", locales,
                           "--articles", articles, "--index", index, "--session-window", "0", "--top", "3",
                           "--scaffold", (dir / "drafts").string(), "--out", (dir / "plan.md").string()});
    REQUIRE(scaffold.exit_code == 0);
    std::ifstream plan(dir / "plan.md");
    const std::string markdown((std::istreambuf_iterator<char>(plan)), std::istreambuf_iterator<char>());
    CHECK(markdown.find(top["label"].get<std::string>()) != std::string::npos);
    auto checked = test::run_process({test::anticipa_binary(), "check", "--articles", (dir / "drafts").string()});
    CAPTURE(checked.out, checked.err);
    CHECK(checked.exit_code == 0);
}
