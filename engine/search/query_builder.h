// Search stage: query text -> the same Analyzer as the index -> a first-phase Xapian::Query that
// the matcher can prune, and the second-phase features its best candidates are rescored with.
#pragma once

#include "analysis/analyzer.h"
#include "search/ranking_options.h"
#include "search/rescorer.h"
#include "search/search_types.h"
#include "search/spelling.h"

#include <xapian.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace anticipa::search {

/// The query the index is asked, plus what snippets and "did you mean" need to know of it.
struct BuiltQuery {
    /// What Xapian matches, with max-weight pruning: stems and accent-free stems, Chinese bigrams
    /// and characters, stem families, synonyms, the last word as a prefix, spelling corrections.
    /// Empty when the query has no words.
    Xapian::Query first_phase;
    SecondPhase second_phase;          ///< what only the first phase's candidates are scored on
    Xapian::Query filter;              ///< tier, status, tags, category
    std::set<std::string> match_keys;  ///< stems (accent-free) and Chinese terms, for highlighting
    std::string prefix;                ///< the last word when it is matched as a prefix
    std::string corrected;             ///< query text with spelling corrections; "" if none
    /// The first phase without the corrections: whether the customer's own words find anything.
    /// Empty when there are no corrections.
    Xapian::Query own_words;
};

/// Builds queries for one locale's databases. The steps, in order (build() reads as this list):
///   1. analyze the text; which words are stop words, and whether the last one is still typed
///   2. per word: stem + accent-free stem + Chinese n-grams (word_query), or a synonym group's
///      phrasings at a lower weight; stop words at a lower weight; a stem family; the prefix
///   3. spelling: corrections of unknown words, kept only when likely (search/spelling.h)
///   4. second phase: title words, pairs of adjacent words
///   5. the filter: tier, status, tags, category
class QueryBuilder {
  public:
    QueryBuilder(const analysis::Analyzer& analyzer, const Xapian::Database& db, const RankingOptions& ranking)
        : analyzer_(analyzer), db_(db), ranking_(ranking) {}

    BuiltQuery build(const SearchRequest& request) const;

  private:
    struct Words;
    struct Parts;
    Words read_words(const SearchRequest& request) const;
    void add_synonym_match(const Words& words, std::size_t at, std::size_t length, std::size_t group,
                           Parts& parts) const;
    void add_word(const Words& words, std::size_t at, Parts& parts) const;
    static void add_required(const Xapian::Query& query, bool known, Parts& parts);
    std::optional<SpellingCandidate> correction_of(const analysis::Token& word) const;
    void add_corrections(const SearchRequest& request, Parts& parts) const;
    SecondPhase second_phase(const Words& words, const Parts& parts, const SearchRequest& request) const;
    Xapian::Query word_query(const analysis::Token& word, const std::vector<analysis::Token>& tokens) const;
    Xapian::Query synonym_query(const std::vector<analysis::Token>& phrase, std::set<std::string>& match_keys) const;
    Xapian::Query prefix_query(const analysis::Token& word) const;
    Xapian::Query stem_family(const analysis::Token& word) const;
    bool is_unknown(const analysis::Token& word) const;

    const analysis::Analyzer& analyzer_;
    const Xapian::Database& db_;
    const RankingOptions& ranking_;
};

/// Who may see what: the filter of a request (drafts only for writers previewing).
Xapian::Query filter_of(const SearchRequest& request);

}  // namespace anticipa::search
