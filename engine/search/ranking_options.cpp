#include "search/ranking_options.h"

#include <cstdio>
#include <stdexcept>

namespace anticipa::search {

namespace {

/// The settings by name; each one a double member, so one table parses and prints them all.
struct Setting {
    const char* name;
    double RankingOptions::*member;
};

constexpr Setting SETTINGS[] = {
    {"k1", &RankingOptions::k1},
    {"b", &RankingOptions::b},
    {"stop_word_weight", &RankingOptions::stop_word_weight},
    {"synonym_weight", &RankingOptions::synonym_weight},
    {"accent_free_weight", &RankingOptions::accent_free_weight},
    {"bigram_weight", &RankingOptions::bigram_weight},
    {"character_weight", &RankingOptions::character_weight},
    {"character_max_sections", &RankingOptions::character_max_sections},
    {"title_weight", &RankingOptions::title_weight},
    {"title_b", &RankingOptions::title_b},
    {"title_stop_word_weight", &RankingOptions::title_stop_word_weight},
    {"learned_weight", &RankingOptions::learned_weight},
    {"learned_match_weight", &RankingOptions::learned_match_weight},
    {"learned_match_min", &RankingOptions::learned_match_min},
    {"proximity_weight", &RankingOptions::proximity_weight},
    {"proximity_window", &RankingOptions::proximity_window},
    {"proximity_max_sections", &RankingOptions::proximity_max_sections},
    {"expansion_weight", &RankingOptions::expansion_weight},
    {"expansion_min_length", &RankingOptions::expansion_min_length},
    {"expansion_terms", &RankingOptions::expansion_terms},
    {"match_depth", &RankingOptions::match_depth},
    {"sections_per_article", &RankingOptions::sections_per_article},
    {"relative_score_cut", &RankingOptions::relative_score_cut},
    {"feedback_docs", &RankingOptions::feedback_docs},
    {"feedback_terms", &RankingOptions::feedback_terms},
    {"feedback_weight", &RankingOptions::feedback_weight},
};

}  // namespace

void set_ranking_option(RankingOptions& options, const std::string& assignment) {
    const auto equals = assignment.find('=');
    const std::string name = assignment.substr(0, equals);
    for (const Setting& setting : SETTINGS) {
        if (name != setting.name) continue;
        if (equals == std::string::npos) throw std::invalid_argument("ranking setting " + name + " needs =VALUE");
        const std::string value = assignment.substr(equals + 1);
        std::size_t used = 0;
        try {
            options.*setting.member = std::stod(value, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used == 0 || used != value.size())
            throw std::invalid_argument("ranking setting " + name + ": `" + value + "` is not a number");
        return;
    }
    std::string known;
    for (const Setting& setting : SETTINGS) known += std::string(known.empty() ? "" : ", ") + setting.name;
    throw std::invalid_argument("unknown ranking setting `" + name + "` (known: " + known + ")");
}

std::vector<std::string> describe(const RankingOptions& options) {
    std::vector<std::string> out;
    for (const Setting& setting : SETTINGS) {
        char value[32];
        std::snprintf(value, sizeof value, "%g", options.*setting.member);
        out.push_back(std::string(setting.name) + "=" + value);
    }
    return out;
}

}  // namespace anticipa::search
