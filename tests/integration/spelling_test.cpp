// Search stage on the sample help center's real index: spelling corrections that help and never
// leak. A correction is offered only when a typo is likely and it fits this customer (tier) and
// this question; results that only the correction found are said to be for the corrected words.
#include "support/sample_index.h"

#include <catch2/catch.hpp>

using namespace anticipa;

namespace {

struct SampleIndex : test::SampleIndex {
    search::Searcher searcher = test::SampleIndex::searcher();

    search::SearchResponse search(const std::string& query, const std::string& tier = "basic", bool correct = true) {
        search::SearchRequest request;
        request.query = query;
        request.locale = "en";
        request.tier = tier;
        request.correct_spelling = correct;
        request.fallback_to_default = false;
        return searcher.search(request);
    }
};

std::vector<std::string> ids(const search::SearchResponse& response) {
    std::vector<std::string> out;
    for (const auto& hit : response.hits) out.push_back(hit.id);
    return out;
}

}  // namespace

TEST_CASE("Spelling: a correction never offers a word only a higher tier may read", "[search][spelling][integration]") {
    SampleIndex index;
    // "okta" and "azure" are only in the single-sign-on article, open to the advanced tier.
    for (const std::string query : {"oktta passwrd", "azuer passwrd", "oktta", "azuer"}) {
        CAPTURE(query);
        const auto basic = index.search(query, "basic");
        CHECK(basic.did_you_mean.find("okta") == std::string::npos);
        CHECK(basic.did_you_mean.find("azure") == std::string::npos);
        CHECK(basic.showing_results_for.find("okta") == std::string::npos);
        CHECK(basic.showing_results_for.find("azure") == std::string::npos);
        for (const auto& hit : basic.hits) CHECK(hit.id != "single-sign-on");
    }
    // Those who may read the article get the correction, and the article.
    const auto advanced = index.search("oktta", "advanced");
    CHECK(advanced.did_you_mean == "okta");
    CHECK(advanced.showing_results_for == "okta");
    CHECK(ids(advanced) == std::vector<std::string>{"single-sign-on"});
}

TEST_CASE("Spelling: real words are never replaced by their neighbours in the index",
          "[search][spelling][integration]") {
    SampleIndex index;
    // "helm" is one letter from "help", "api" from "app"; neither is a typo.
    const auto helm = index.search("kubernetes helm chart");
    CHECK(helm.did_you_mean.empty());
    CHECK(helm.showing_results_for.empty());
    CHECK(helm.hits.empty());
    CHECK(helm.own_total() == 0);  // the content plan hears that nothing answered it

    const auto api = index.search("webhook api key");
    CHECK(api.did_you_mean.empty());
    CHECK(api.showing_results_for.empty());
}

TEST_CASE("Spelling: results that only the correction found are said to be for the corrected words",
          "[search][spelling][integration]") {
    SampleIndex index;
    const auto corrected = index.search("zapeir integraton");
    CAPTURE(corrected.did_you_mean, ids(corrected));
    CHECK(corrected.showing_results_for.starts_with("zapier integration"));
    CHECK(corrected.did_you_mean == corrected.showing_results_for);
    CHECK(corrected.search_instead_for == "zapeir integraton");
    REQUIRE_FALSE(corrected.hits.empty());
    CHECK(corrected.hits.front().id == "integrations");
    CHECK(corrected.own_total() == 0);

    // "Search instead for": the words as typed, which find nothing.
    const auto exact = index.search("zapeir integraton", "basic", false);
    CHECK(exact.hits.empty());
    CHECK(exact.did_you_mean.empty());
}

TEST_CASE("Spelling: a typo beside words the index knows is corrected, the results still the query's own",
          "[search][spelling][integration]") {
    SampleIndex index;
    const auto typo = index.search("pasword recovery link");
    CHECK(typo.did_you_mean == "password recovery link");
    CHECK(typo.showing_results_for.empty());  // "recovery link" found results of its own
    CHECK(typo.own_total() == typo.total);
    const auto top = ids(typo);
    CHECK(std::find(top.begin(), top.begin() + std::min<std::size_t>(3, top.size()), "reset-password") !=
          top.begin() + std::min<std::size_t>(3, top.size()));
}
