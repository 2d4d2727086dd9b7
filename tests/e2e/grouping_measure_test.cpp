// End to end: `anticipa-traffic --measure-grouping` scores the content plan's grouping of the
// scenario's gap phrasings (tools/traffic/scenarios.yaml says which question each one asks),
// with the real analyzers of locales/. The floors are the figures the README quotes, rounded
// down: a change to the grouping that loses them fails here.
#include "support/process.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace anticipa;
using nlohmann::json;

namespace {

json run_measure() {
    const auto run = test::run_process({test::traffic_binary(), "--measure-grouping", "--json", "--locales",
                                        (test::source_dir() / "locales").string(), "--articles",
                                        (test::source_dir() / "articles").string()});
    CAPTURE(run.err);
    REQUIRE(run.exit_code == 0);
    return json::parse(run.out);
}

}  // namespace

TEST_CASE("Grouping measure: each bridge between languages scored on tuning and held-out phrasings", "[e2e][gaps]") {
    const json measure = run_measure();
    REQUIRE(measure["bridges"].size() == 4);
    for (const json& bridge : measure["bridges"])
        for (const char* part : {"tuning", "held_out", "all", "with_answered"}) {
            CAPTURE(bridge["bridge"], part);
            const json& s = bridge["scores"][part];
            CAPTURE(s.dump());
            CHECK(s["phrasings"].get<int>() >= 40);
            CHECK(s["questions"].get<int>() >= 5);
            // A merged row hides a question: precision first.
            CHECK(s["precision"].get<double>() >= 0.9);
            CHECK(s["across_languages"]["precision"].get<double>() >= 0.9);
            CHECK(s["latin_pairs"]["pairs"].get<int>() + s["chinese_pairs"]["pairs"].get<int>() ==
                  s["across_languages"]["pairs"].get<int>());
        }
    // Each language on its own: no pair of two languages is ever grouped.
    const json& none = measure["bridges"][0]["scores"]["all"];
    CHECK(none["across_languages"]["grouped"] == 0);
    // The help center's translations join some languages, and dictionaries add to them.
    const json& help_center = measure["bridges"][1]["scores"]["all"];
    const json& dictionaries = measure["bridges"][2]["scores"]["all"];
    CHECK(help_center["across_languages"]["recall"].get<double>() > 0.0);
    CHECK(dictionaries["across_languages"]["recall"].get<double>() >=
          help_center["across_languages"]["recall"].get<double>());
    CHECK(measure["bridges"][1]["translations"].get<int>() > 0);
    // Unihan's glosses join Chinese phrasings that neither the articles nor a dictionary reach.
    const json& glosses = measure["bridges"][3];
    CHECK(glosses["glossed_characters"].get<int>() > 10000);
    CHECK(glosses["scores"]["all"]["chinese_pairs"]["recall"].get<double>() >
          dictionaries["chinese_pairs"]["recall"].get<double>());
    // The README's figures for the plan's grouping (every bridge), rounded down: no gap merged
    // wrong, and with the answered questions' phrasings beside them (the plan holds those too)
    // few merges wrong, within a language or across.
    CHECK(glosses["scores"]["held_out"]["f1"].get<double>() >= 0.42);
    CHECK(glosses["scores"]["tuning"]["f1"].get<double>() >= 0.29);
    CHECK(glosses["scores"]["all"]["precision"].get<double>() == 1.0);
    const json& with_answered = glosses["scores"]["with_answered"];
    CHECK(with_answered["phrasings"].get<int>() > glosses["scores"]["all"]["phrasings"].get<int>());
    CHECK(with_answered["precision"].get<double>() >= 0.98);
    CHECK(with_answered["across_languages"]["precision"].get<double>() >= 0.98);
}
