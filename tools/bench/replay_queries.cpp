// anticipa-replay: the bench's customer-like queries against an index that already exists, with
// nothing timed. For counting the instructions a ranking costs (run it under
// `valgrind --tool=callgrind --toggle-collect='anticipa::search::Searcher::search*'`) and for
// comparing two rankings' pages query by query (--pages), on a machine too busy to time anything.
#include "analysis/analyzer_set.h"
#include "bench/query_latency.h"
#include "bench/synthetic_corpus.h"
#include "search/ranking_options.h"
#include "search/searcher.h"

#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>

namespace {

struct ReplayArgs {
    std::filesystem::path index = "index", articles = "articles", locales_dir = "locales", pages;
    std::vector<std::string> locales{"en", "pt", "es", "it", "zh-TW"};
    std::size_t queries = 3000;
    std::uint64_t seed = 44;  ///< `anticipa bench` times the queries of seed + 2 (42 + 2)
    std::vector<std::string> ranking;
};

int replay(const ReplayArgs& args) {
    using namespace anticipa;
    search::RankingOptions ranking;
    for (const auto& assignment : args.ranking) search::set_ranking_option(ranking, assignment);
    analysis::AnalyzerSet analyzers(args.locales_dir);
    const auto samples = bench::load_samples(args.articles, args.locales, analyzers);
    const auto queries = bench::make_queries(samples, args.queries, args.seed);
    search::Searcher searcher({args.index, "en", ranking}, analyzers);
    std::ofstream pages;
    if (!args.pages.empty()) pages.open(args.pages);
    std::size_t without_hits = 0;
    for (const auto& query : queries) {
        search::SearchRequest request;  // as the bench asks: first page, last word as a prefix
        request.query = query.text;
        request.locale = query.locale;
        const search::SearchResponse response = searcher.search(request);
        if (response.hits.empty()) ++without_hits;
        if (!pages.is_open()) continue;
        pages << query.locale << '\t' << query.text;
        for (const auto& hit : response.hits) pages << '\t' << hit.id << '#' << hit.anchor;
        pages << '\n';
    }
    std::cout << queries.size() << " queries, " << without_hits << " without hits\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    ReplayArgs args;
    CLI::App app{"anticipa-replay: the bench's queries against an existing index, untimed"};
    app.add_option("--index", args.index, "index folder (e.g. a kept `anticipa bench --keep` work folder's index)")
        ->check(CLI::ExistingDirectory);
    app.add_option("--articles", args.articles, "the sample articles the queries are drawn from");
    app.add_option("--locales", args.locales_dir, "folder of locales/<tag>/ analysis profiles");
    app.add_option("--queries", args.queries, "how many queries")->capture_default_str();
    app.add_option("--seed", args.seed, "the queries' seed")->capture_default_str();
    app.add_option("--ranking", args.ranking, "change one ranking setting, NAME=VALUE (repeatable)");
    app.add_option("--pages", args.pages, "write each query's first page (article#anchor) to this file");
    CLI11_PARSE(app, argc, argv);
    try {
        return replay(args);
    } catch (const std::exception& e) {
        std::cerr << "anticipa-replay: " << e.what() << '\n';
        return 2;
    }
}
