// Search stage: query text -> the same Analyzer as the index -> Xapian::Query.
#pragma once

#include "analysis/analyzer.h"
#include "search/ranking_options.h"
#include "search/search_types.h"

#include <xapian.h>

#include <set>
#include <string>
#include <vector>

namespace anticipa::search {

/// The query the index is asked, plus what snippets and "did you mean" need to know of it.
struct BuiltQuery {
    Xapian::Query text;                ///< ranks; empty when the query has no words
    Xapian::Query filter;              ///< tier, status, tags, category
    std::set<std::string> match_keys;  ///< stems (accent-free) and Chinese terms, for highlighting
    std::string prefix;                ///< the last word when it is matched as a prefix
    std::string corrected;             ///< query text with spelling corrections; "" if none
    Xapian::Query corrected_text;      ///< the corrections alone, to check they find something
};

/// Builds queries for one locale's databases: stop words at a lower weight,
/// each word matched by stem and accent-free stem, synonyms OR-ed in at a lower weight, Chinese
/// words also by their bigrams, the last word as a prefix, and unknown words corrected from the
/// database's spelling dictionary.
class QueryBuilder {
  public:
    QueryBuilder(const analysis::Analyzer& analyzer, const Xapian::Database& db, const RankingOptions& ranking)
        : analyzer_(analyzer), db_(db), ranking_(ranking) {}

    BuiltQuery build(const SearchRequest& request) const;

  private:
    Xapian::Query word_query(const analysis::Token& word, const std::vector<analysis::Token>& tokens) const;
    Xapian::Query synonym_query(const std::vector<analysis::Token>& phrase, BuiltQuery& built) const;
    bool is_unknown(const analysis::Token& word) const;
    std::vector<Xapian::Query> proximity_pairs(const std::vector<analysis::Token>& words) const;
    Xapian::Query expansion_query(const analysis::Token& word) const;

    const analysis::Analyzer& analyzer_;
    const Xapian::Database& db_;
    const RankingOptions& ranking_;
};

/// Accent-free stem of a token, as stored in BuiltQuery::match_keys.
const std::string& match_key_of(const analysis::Token& token);

}  // namespace anticipa::search
