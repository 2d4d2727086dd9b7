#include "search/ranking_options.h"

#include <catch2/catch.hpp>

#include <stdexcept>

using anticipa::search::RankingOptions;
using anticipa::search::set_ranking_option;

TEST_CASE("Ranking options: one setting changes from name=value", "[search][unit]") {
    RankingOptions options;
    set_ranking_option(options, "k1=1.5");
    set_ranking_option(options, "title_weight=0");
    CHECK(options.k1 == 1.5);
    CHECK(options.title_weight == 0);
    CHECK(options.b == RankingOptions{}.b);  // the others keep the product's values
}

TEST_CASE("Ranking options: an unknown name or a value that is not a number is refused", "[search][unit]") {
    RankingOptions options;
    const char* bad[] = {"kl=1.2", "k1", "k1=", "k1=1.2x", "b=high"};
    for (const char* assignment : bad) {
        CAPTURE(assignment);
        CHECK_THROWS_AS(set_ranking_option(options, assignment), std::invalid_argument);
    }
    CHECK_THROWS_WITH(set_ranking_option(options, "kl=1"), Catch::Contains("known: k1, b"));
}

TEST_CASE("Ranking options: describe lists every setting as name=value", "[search][unit]") {
    auto settings = anticipa::search::describe(RankingOptions{});
    REQUIRE(!settings.empty());
    CHECK(settings.front() == "k1=1.2");
}
