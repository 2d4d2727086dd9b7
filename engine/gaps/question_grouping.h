// Gaps stage, step 2a: queries -> the questions behind them. A query's key is its analyzed form
// (the index's own analyzer: stems, accents and Chinese script folded, stop words dropped,
// synonyms folded to one word), and keys whose terms overlap strongly, typos included, are merged.
#pragma once

#include "analysis/analyzer_set.h"
#include "gaps/translation_table.h"

#include <cstddef>
#include <set>
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
    /// Across languages (group_question_keys()): Jaccard similarity of two groups' terms, a term
    /// meeting another when their meanings do. Over a third, so two words sharing one with two
    /// others ("reset password", "change password") stay apart: at 0.3 the grouping measure
    /// gained recall without a wrong merge, but only because its questions have no such pair;
    /// at 0.25 it merged questions (README "One row per question, whatever the language").
    double min_meaning_overlap = 0.4;
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

/// Each term of `question` with what it means in the table's pivot language: itself (names such
/// as "okta", and words the languages share, such as "pdf" or "app") and every translation the
/// table gives. "quadr" (pt) -> {quadr, board, frame, picture, ...}.
std::vector<std::set<std::string>> term_meanings(const QuestionKey& question, const TranslationTable& translations);

/// Jaccard similarity of two phrasings' terms where two terms are one when their meanings meet;
/// each term pairs with one term of the other at most.
double meaning_overlap(const std::vector<std::set<std::string>>& a, const std::vector<std::set<std::string>>& b);

/// The content plan's grouping: merge_similar_keys() within each language, then each group
/// linked to the group of another language its leader's term_meanings() are nearest to (at least
/// min_meaning_overlap), unless a group of its own language is nearer to that one; linked groups
/// are one. So "lixeira" (pt) joins "trash" (en) when the table has trash among lixeira's senses,
/// and the other words of the phrasing pick the sense. An empty table groups by language only.
std::unordered_map<std::string, std::string> group_question_keys(std::vector<KeyVolume> keys,
                                                                 const TranslationTable& translations,
                                                                 const MergeOptions& options = {});

/// What joined the keys of one group across languages, one line per meaning (term_meanings())
/// that keys of two or more languages reach through the table: "trash (en) ≈ lixeir (pt) ≈
/// papeler (es)" (the analyzed terms), or "board: quadr (pt) ≈ tabler (es)" when no key of the
/// pivot language holds it; the same terms meeting on several senses make one line. Empty when
/// the group holds one language, or met without the table.
std::vector<std::string> joining_translations(const std::vector<QuestionKey>& members,
                                              const TranslationTable& translations);

}  // namespace anticipa::gaps
