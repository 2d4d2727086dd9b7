// End to end: `anticipa bench` on a small generated help center. It times nothing here (speed is
// the bench's own business); it checks that both sides of each ratio measured real work: our
// index and plain Xapian's hold the same corpus, and the same queries find answers in both.
#include "support/process.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using anticipa::test::anticipa_binary;
using anticipa::test::run_process;
using anticipa::test::source_dir;
using anticipa::test::TempDir;

TEST_CASE("anticipa bench: the plain Xapian baseline indexes the same corpus and answers the same queries",
          "[e2e][bench]") {
    TempDir dir;
    const auto result =
        run_process({anticipa_binary(), "bench", "--sections", "400", "--queries", "200", "--warmup", "10", "--json",
                     "--work", (dir / "work").string(), "--articles", (source_dir() / "articles").string(), "--locales",
                     (source_dir() / "locales").string()});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const auto report = nlohmann::json::parse(result.out);
    REQUIRE(report["runs"].size() == 1);
    const auto& run = report["runs"][0];
    CHECK(run["sections"] == 400);
    CHECK(run["queries"] == 200);
    CHECK(run["index_bytes"].get<double>() > 0);
    CHECK(run["termgenerator_index_bytes"].get<double>() > 0);
    CHECK(run["index_size_vs_xapian"].get<double>() ==
          Approx(run["index_bytes"].get<double>() / run["termgenerator_index_bytes"].get<double>()));
    // Most generated queries are words of the corpus: both engines answer most of them. A
    // baseline that answered none (an empty database, a filter on a term it never wrote) would
    // make its latency meaningless.
    CHECK(run["queries_without_hits"].get<int>() < 50);
    CHECK(run["plain_xapian_queries_without_hits"].get<int>() < 50);
    CHECK(run["plain_xapian_latency_ms"]["p99"].get<double>() > 0);
    CHECK(run["p99_vs_xapian"].get<double>() > 0);
    CHECK(report["targets"]["max_p99_vs_xapian"] == 3.0);
}
