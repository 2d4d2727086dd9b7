// Search stage, the relative score cut (RankingOptions::relative_score_cut), through the sample
// help center indexed on disk: the weak tail of a ranking is left out, never anything above it.
#include "search/ranking_options.h"
#include "search/searcher.h"
#include "support/sample_index.h"

#include <catch2/catch.hpp>

using namespace anticipa;

namespace {

search::SearchResponse ask(search::Searcher& searcher, const std::string& locale, const std::string& query) {
    search::SearchRequest request;
    request.query = query;
    request.locale = locale;
    request.limit = 100;  // the whole ranking, not a page of it
    request.with_snippets = false;
    return searcher.search(request);
}

}  // namespace

TEST_CASE("Score cut: results below a share of the best one's score are left out, the rest kept in order",
          "[search][ranking][integration]") {
    test::SampleIndex sample;
    const search::RankingOptions cut;
    REQUIRE(cut.relative_score_cut > 0);  // on by default
    search::RankingOptions off;
    off.relative_score_cut = 0;
    search::Searcher with_cut = sample.searcher(cut), without = sample.searcher(off);

    std::size_t queries = 0, shown = 0, left_out = 0, shortened = 0;
    for (const auto& [locale, query] : test::SampleIndex::relevance_queries()) {
        const auto kept = ask(with_cut, locale, query), all = ask(without, locale, query);
        CAPTURE(locale, query, kept.hits.size(), all.hits.size());
        REQUIRE(kept.hits.size() <= all.hits.size());
        if (all.hits.empty()) continue;
        const double floor = all.hits.front().score * cut.relative_score_cut;
        for (std::size_t i = 0; i < all.hits.size(); ++i) {
            CAPTURE(i, all.hits[i].id, all.hits[i].score, floor);
            const bool strong = all.hits[i].score >= floor;
            CHECK(strong == (i < kept.hits.size()));  // the cut keeps a prefix: everything at or above the floor
            if (i < kept.hits.size()) CHECK(kept.hits[i].id == all.hits[i].id);
        }
        if (kept.hits.size() < all.hits.size()) {
            CHECK(kept.total == kept.hits.size());  // the count says what the pages will show
            ++shortened;
        }
        ++queries;
        shown += all.hits.size();
        left_out += all.hits.size() - kept.hits.size();
    }
    CHECK(left_out > 0);  // the sample's tails have weak matches ("pasword recovery link" ends with export-data)
    WARN(left_out << " of " << shown << " results left out, from " << shortened << " of " << queries << " queries");
}

TEST_CASE("Score cut: 0 switches it off, for the evaluation's ablation", "[search][ranking]") {
    search::RankingOptions options;
    search::set_ranking_option(options, "relative_score_cut=0");
    CHECK(options.relative_score_cut == 0);
    CHECK_THROWS_WITH(search::set_ranking_option(options, "relative_score_cut=some"),
                      Catch::Contains("relative_score_cut"));
}
