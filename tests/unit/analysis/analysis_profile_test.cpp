// Analysis stage settings: the profile as an index database carries it, and how two compare.
#include "analysis/analysis_profile.h"

#include <catch2/catch.hpp>

#include <stdexcept>

using namespace anticipa::analysis;

namespace {

AnalysisProfile italian() {
    AnalysisProfile profile;
    profile.locale = "it";
    profile.source = "locales/it";
    profile.stemmer = "italian";
    profile.stopwords = {"il", "la"};
    profile.synonym_groups = {{"fattura", "ricevuta"}, {"accedere", "entrare", "fare login"}};
    profile.split_apostrophes = true;
    return profile;
}

}  // namespace

TEST_CASE("Analysis profile: stored as one line of JSON and read back whole", "[analysis]") {
    const std::string stored = profile_to_json(italian());
    CHECK(stored == R"({"fold_chinese_script":false,"locale":"it","source":"locales/it","split_apostrophes":true,)"
                    R"("stemmer":"italian","stopwords":["il","la"],"synonym_groups":[["fattura","ricevuta"],)"
                    R"(["accedere","entrare","fare login"]]})");
    const AnalysisProfile back = profile_from_json(stored);
    CHECK(back.locale == "it");
    CHECK(back.source == "locales/it");
    CHECK(back.synonym_groups == italian().synonym_groups);
    CHECK(profile_to_json(back) == stored);
}

TEST_CASE("Analysis profile: text that is not a whole profile is refused", "[analysis]") {
    for (const std::string text : {"", "not json", "{}", R"({"locale":"it","stemmer":3})"}) {
        CAPTURE(text);
        CHECK_THROWS_AS(profile_from_json(text), std::runtime_error);
    }
}

TEST_CASE("Analysis profile: differences name what changes the analysis, not where it was read", "[analysis]") {
    AnalysisProfile other = italian();
    other.source = "/srv/help/locales/it";
    CHECK(profile_differences(italian(), other).empty());

    other.synonym_groups.pop_back();
    other.stopwords.push_back("lo");
    CHECK(profile_differences(italian(), other) == std::vector<std::string>{"stop words", "synonyms"});

    other.stemmer = "none";
    other.split_apostrophes = false;
    other.fold_chinese_script = true;
    CHECK(profile_differences(italian(), other) ==
          std::vector<std::string>{"stemmer italian, not none", "apostrophe splitting", "Chinese script folding",
                                   "stop words", "synonyms"});
}

TEST_CASE("Analysis profile: one line says where it came from and what it holds", "[analysis]") {
    CHECK(describe_profile(italian()) ==
          "locales/it (stemmer italian, 2 stop words, 2 synonym groups, apostrophes split)");
    CHECK(describe_profile(default_analysis_profile("zh-TW")) ==
          "defaults (stemmer none, 0 stop words, 0 synonym groups, Traditional folded to Simplified)");
    CHECK(describe_profile(default_analysis_profile("pt-BR")) ==
          "defaults (stemmer pt, 0 stop words, 0 synonym groups)");
}
