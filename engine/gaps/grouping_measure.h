// Gaps stage, a yardstick for step 2a: phrasings whose question is known (a scenario says so) ->
// how well the grouping put them together. B-cubed precision, recall and F1 over the distinct
// phrasings, and pair precision and recall for phrasings of different languages, Latin-script
// pairs and Chinese-other pairs apart (they meet through different bridges).
#pragma once

#include "analysis/analyzer_set.h"
#include "gaps/question_grouping.h"

#include <cstddef>
#include <string>
#include <vector>

namespace anticipa::gaps {

/// "lixeira" asked by pt customers belongs to the question "restore a deleted note".
struct KnownPhrasing {
    std::string locale, text, question;
};

/// Pairs of phrasings: how many ask the same question, how many the grouping put together, both.
struct PairScore {
    std::size_t same_question = 0, same_group = 0, both = 0;
    /// Of the pairs put together, the share that ask one question (1 when none were put together).
    double precision() const { return same_group ? double(both) / double(same_group) : 1.0; }
    /// Of the pairs that ask one question, the share put together (1 when there are none).
    double recall() const { return same_question ? double(both) / double(same_question) : 1.0; }
    double f1() const;
};

struct GroupingScore {
    std::size_t phrasings = 0, questions = 0, groups = 0;
    double precision = 0, recall = 0, f1 = 0;  ///< B-cubed, averaged over the phrasings
    PairScore across_languages;                ///< every pair of two languages (zh-TW and zh-CN are one)
    PairScore latin_pairs;                     ///< ... both outside Chinese
    PairScore chinese_pairs;                   ///< ... one of them Chinese
};

/// `groups[i]` is the group the grouping put `phrasings[i]` in; a (locale, text) given twice
/// counts once.
GroupingScore score_grouping(const std::vector<KnownPhrasing>& phrasings, const std::vector<std::string>& groups);

/// The group of each phrasing as the content plan forms it (group_question_keys(), one search each).
std::vector<std::string> group_like_the_plan(analysis::AnalyzerSet& analyzers,
                                             const std::vector<KnownPhrasing>& phrasings,
                                             const TranslationTable& translations);

}  // namespace anticipa::gaps
