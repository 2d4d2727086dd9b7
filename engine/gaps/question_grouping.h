// Gaps stage, step 2a: queries -> the questions behind them. A query's key is its analyzed form
// (the index's own analyzer: stems, accents and Chinese script folded, stop words dropped,
// synonyms folded to one word), and keys whose terms overlap strongly, typos included, are merged.
#pragma once

#include "analysis/analyzer_set.h"
#include "gaps/translation_table.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace anticipa::gaps {

/// "reset password" in en -> "en:password reset"; "Resetting passwords!" -> the same key.
struct QuestionKey {
    std::string key;                 ///< "<language>:<sorted unique terms joined by spaces>"
    std::string language;            ///< "zh" for zh-TW and zh-CN alike
    std::vector<std::string> terms;  ///< sorted, unique
};

/// Analyzed terms of a query, sorted and unique: stems, synonyms folded to the first of their
/// group, stop words dropped unless the query is nothing else.
std::vector<std::string> question_terms(const analysis::Analyzer& analyzer, std::string_view query);

/// The key of `query` as customers of `locale` typed it. Analyzes with analyzers.for_locale().
QuestionKey question_key(analysis::AnalyzerSet& analyzers, const std::string& locale, std::string_view query);

/// A key and how many searches carry it: the bigger a group, the more it decides.
struct KeyVolume {
    QuestionKey question;
    std::size_t searches = 0;
};

struct MergeOptions {
    double min_overlap = 0.6;          ///< Jaccard similarity of the term sets to merge
    std::size_t fuzzy_min_length = 5;  ///< terms this long (code points) may differ by one edit...
    std::size_t max_suffix = 4;        ///< ... or be the start of a longer term by this many letters
};

/// Maps every key to the key of the group it joins. Groups are taken largest first (ties by key,
/// so the result does not depend on input order); each joins the most similar larger group of
/// its language when the overlap is strong enough, else it leads a group of its own. Comparing
/// against the leader only keeps "a b" -> "a b c" -> "b c d" chains from drifting.
std::unordered_map<std::string, std::string> merge_similar_keys(std::vector<KeyVolume> keys,
                                                                const MergeOptions& options = {});

/// Jaccard similarity of two sorted term sets where terms of `fuzzy_min_length` code points or
/// more count as equal when one edit (insertion, deletion, substitution, transposition) apart, or
/// when one starts the other ("redefin" of redefinir, "redefinica" of redefinição: stems the
/// stemmer leaves apart).
double term_overlap(const std::vector<std::string>& a, const std::vector<std::string>& b,
                    const MergeOptions& options = {});

/// The terms of `question` in the table's pivot language: translated where the table knows the
/// term, as they are where it does not (names such as "okta" or "pix" are the same everywhere).
std::vector<std::string> pivot_terms(const QuestionKey& question, const TranslationTable& translations);

/// The content plan's grouping: merge_similar_keys() within each language, then the groups of
/// all languages merged the same way on their leaders' pivot_terms(), so "lixeira" (pt) joins
/// "trash" (en) when the table says lixeira = trash. An empty table groups by language only.
std::unordered_map<std::string, std::string> group_question_keys(std::vector<KeyVolume> keys,
                                                                 const TranslationTable& translations,
                                                                 const MergeOptions& options = {});

/// What joined the keys of one group across languages, one line per pivot term that keys of two
/// or more languages reach through the table: "lixeir (pt) ≈ trash (en) ≈ papeler (es)" (the
/// analyzed terms). Empty when the group holds one language, or met without the table.
std::vector<std::string> joining_translations(const std::vector<QuestionKey>& members,
                                              const TranslationTable& translations);

}  // namespace anticipa::gaps
