// Search stage, second phase: the query against each past phrasing customers found a candidate's
// article with (learn/), as a whole. The learned field (PREFIX_LEARNED) scores word by word, so
// an article whose phrasings hold "ama" and "atividade" scattered over several past questions
// weighs about as much as one whose single past question was this query in other words; a
// paraphrase of a past question is what click models (and the judged FAQ sets' paraphrase
// triples) reward. The phrasings' words come from a value slot, read only for the first
// phase's candidates (search/rescorer.h).
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace anticipa::search {

/// How much of one query's idf-weighted words one past phrasing shares, best phrasing per section.
class LearnedMatch {
  public:
    /// `query_keys`: the query's words as accent-free stems (analysis::match_key), stop words out.
    LearnedMatch(const Xapian::Database& db, const std::vector<std::string>& query_keys);

    /// True when no section has learned phrasings or the query has no word: nothing to add.
    bool empty() const { return weights_.empty(); }

    /// Weighted Dice of the query and the section's closest phrasing, 0 to 1: twice the Σ idf of
    /// the words both hold over the Σ idf of each one's words. Sections in increasing docid order.
    double similarity_of(Xapian::docid section);

  private:
    double idf(std::string_view key);

    const Xapian::Database& db_;
    std::vector<std::pair<std::string, double>> weights_;  ///< the query's keys and their idf
    double query_total_ = 0;                               ///< Σ of those idf
    std::unordered_map<std::string, double> other_idf_;    ///< phrasings' other words, looked up once
    double phrasing_sections_ = 0;                         ///< sections with learned phrasings
    Xapian::ValueIterator phrasings_, phrasings_end_;
};

}  // namespace anticipa::search
