// anticipa-traffic --measure-grouping: the scenario's gap phrasings, whose question the scenario
// declares -> the content plan's grouping of them, scored (gaps/grouping_measure.h). Header-only
// because the tool is one executable target of one .cpp file.
#pragma once

#include "scenario.h"

#include "analysis/analyzer_set.h"
#include "article/article.h"
#include "gaps/grouping_measure.h"
#include "gaps/translation_table.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace anticipa::traffic {

/// The phrasings the content plan groups: those of questions a basic customer of that locale
/// cannot get answered (writing, translation and entitlement gaps). `held_out` selects the
/// held-out questions, or the others.
inline std::vector<gaps::KnownPhrasing> gap_phrasings(const Scenario& scenario, bool held_out) {
    std::vector<gaps::KnownPhrasing> out;
    const std::string& lowest_tier = article::lowest_tier();
    for (const Question& question : scenario.questions) {
        if (question.held_out != held_out) continue;
        for (const auto& [locale, phrasings] : question.phrasings) {
            if (question.expectation(locale, lowest_tier) == Expectation::ANSWERED) continue;
            for (const std::string& text : phrasings) out.push_back({locale, text, question.name});
        }
    }
    return out;
}

/// Every phrasing of every question, answered ones too. Their searches are mostly resolved, but
/// the rest (no click, "not helpful") reach the plan beside the gaps, and a gap merged into an
/// answered question's row is a question hidden: this part is where such merges show.
inline std::vector<gaps::KnownPhrasing> every_phrasing(const Scenario& scenario) {
    std::vector<gaps::KnownPhrasing> out;
    for (const Question& question : scenario.questions)
        for (const auto& [locale, phrasings] : question.phrasings)
            for (const std::string& text : phrasings) out.push_back({locale, text, question.name});
    return out;
}

inline nlohmann::json pair_json(const gaps::PairScore& pairs) {
    return {{"pairs", pairs.same_question},   {"grouped", pairs.same_group}, {"grouped_right", pairs.both},
            {"precision", pairs.precision()}, {"recall", pairs.recall()},    {"f1", pairs.f1()}};
}

inline nlohmann::json score_json(const gaps::GroupingScore& score) {
    return {{"phrasings", score.phrasings},
            {"questions", score.questions},
            {"groups", score.groups},
            {"precision", score.precision},
            {"recall", score.recall},
            {"f1", score.f1},
            {"across_languages", pair_json(score.across_languages)},
            {"latin_pairs", pair_json(score.latin_pairs)},
            {"chinese_pairs", pair_json(score.chinese_pairs)}};
}

/// {"tuning": {...}, "held_out": {...}, "all": {...}, "with_answered": {...}}: the scores of each
/// part of the scenario ("all": the gap phrasings of both parts).
inline nlohmann::json measure_parts(analysis::AnalyzerSet& analyzers, const Scenario& scenario,
                                    const gaps::TranslationTable& translations) {
    nlohmann::json out = nlohmann::json::object();
    std::vector<gaps::KnownPhrasing> all;
    for (const auto& [name, held_out] : {std::pair{"tuning", false}, std::pair{"held_out", true}}) {
        const std::vector<gaps::KnownPhrasing> part = gap_phrasings(scenario, held_out);
        out[name] = score_json(gaps::score_grouping(part, gaps::group_like_the_plan(analyzers, part, translations)));
        all.insert(all.end(), part.begin(), part.end());
    }
    out["all"] = score_json(gaps::score_grouping(all, gaps::group_like_the_plan(analyzers, all, translations)));
    const std::vector<gaps::KnownPhrasing> every = every_phrasing(scenario);
    out["with_answered"] =
        score_json(gaps::score_grouping(every, gaps::group_like_the_plan(analyzers, every, translations)));
    return out;
}

/// The scores with each bridge between languages added in turn, so each one's gain (and cost)
/// shows: "none" is each language grouped on its own.
inline nlohmann::json measure_grouping(analysis::AnalyzerSet& analyzers, const Scenario& scenario,
                                       const std::filesystem::path& articles_dir) {
    const gaps::TranslationTable help_center = gaps::load_help_center_translations(articles_dir, analyzers).table;
    gaps::DictionaryOptions freedict_only;
    freedict_only.unihan.clear();
    const gaps::TranslationTable with_dictionaries =
        gaps::load_help_center_translations(articles_dir, analyzers, &freedict_only).table;
    const gaps::DictionaryOptions every_bridge;
    const gaps::Translations with_glosses = gaps::load_help_center_translations(articles_dir, analyzers, &every_bridge);
    for (const std::string& warning : with_glosses.warnings)
        std::fprintf(stderr, "anticipa-traffic: warning: %s\n", warning.c_str());
    nlohmann::json bridges = nlohmann::json::array();
    bridges.push_back({{"bridge", "none"},
                       {"translations", 0},
                       {"scores", measure_parts(analyzers, scenario, gaps::TranslationTable())}});
    bridges.push_back({{"bridge", "help center"},
                       {"translations", help_center.size()},
                       {"scores", measure_parts(analyzers, scenario, help_center)}});
    bridges.push_back({{"bridge", "help center + dictionaries"},
                       {"translations", with_dictionaries.size()},
                       {"scores", measure_parts(analyzers, scenario, with_dictionaries)}});
    bridges.push_back({{"bridge", "help center + dictionaries + Unihan"},
                       {"translations", with_glosses.table.size()},
                       {"glossed_characters", with_glosses.table.glossed_characters()},
                       {"scores", measure_parts(analyzers, scenario, with_glosses.table)}});
    return {{"bridges", bridges}};
}

/// Every term translation the bridges give, one per line: what a writer reads to see why two
/// rows were merged.
inline void print_translations(analysis::AnalyzerSet& analyzers, const std::filesystem::path& articles_dir) {
    const gaps::DictionaryOptions dictd;
    const gaps::Translations translations = gaps::load_help_center_translations(articles_dir, analyzers, &dictd);
    for (const std::string& warning : translations.warnings)
        std::fprintf(stderr, "anticipa-traffic: warning: %s\n", warning.c_str());
    for (const gaps::TermTranslation& entry : translations.table.entries())
        std::printf("%s\t%s\t%s\t%.2f\t%zu\t%s\n", entry.language.c_str(), entry.term.c_str(), entry.pivot.c_str(),
                    entry.probability, entry.segments, entry.source.c_str());
}

inline void print_pairs(const char* what, const nlohmann::json& pairs) {
    std::printf("    %-24s precision %.3f  recall %.3f  (%zu of %zu pairs of one question grouped, %zu grouped)\n",
                what, pairs["precision"].get<double>(), pairs["recall"].get<double>(),
                pairs["grouped_right"].get<std::size_t>(), pairs["pairs"].get<std::size_t>(),
                pairs["grouped"].get<std::size_t>());
}

inline void print_measure(const nlohmann::json& measure) {
    for (const nlohmann::json& bridge : measure["bridges"]) {
        std::printf("bridge: %s (%zu term translations", bridge["bridge"].get<std::string>().c_str(),
                    bridge["translations"].get<std::size_t>());
        if (bridge.contains("glossed_characters"))
            std::printf(", %zu Han characters glossed", bridge["glossed_characters"].get<std::size_t>());
        std::printf(")\n");
        for (const char* part : {"tuning", "held_out", "all", "with_answered"}) {
            const nlohmann::json& s = bridge["scores"][part];
            std::printf("  %s: %zu distinct %sphrasings of %zu questions in %zu groups\n", part,
                        s["phrasings"].get<std::size_t>(), std::string(part) == "with_answered" ? "" : "gap ",
                        s["questions"].get<std::size_t>(),
                        s["groups"].get<std::size_t>());
            std::printf("    B-cubed                  precision %.3f  recall %.3f  F1 %.3f\n",
                        s["precision"].get<double>(), s["recall"].get<double>(), s["f1"].get<double>());
            print_pairs("across languages", s["across_languages"]);
            print_pairs("  Latin-script pairs", s["latin_pairs"]);
            print_pairs("  Chinese-other pairs", s["chinese_pairs"]);
        }
    }
}

}  // namespace anticipa::traffic
