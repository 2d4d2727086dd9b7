// Search stage, second phase: a pair of adjacent query words found near each other in a section,
// checked by position for the first phase's candidates only (search/rescorer.h). Inside the match,
// Xapian 1.4.22's OP_NEAR was only checked when the matcher walked it: under the max-weight
// optimisation it credited sections that merely hold both words, so a score depended on the page
// size; and checking every section holding both words cost most of the p99 latency.
#pragma once

#include <xapian.h>

#include <string>

namespace anticipa::search {

/// Two adjacent words of the query (unprefixed terms, which carry positions).
struct WordPair {
    std::string first, second;
};

/// Sections holding both words of a pair at most `window - 1` positions apart, weighted like
/// Xapian's OP_NEAR (the two words' BM25 weights) times `factor`. Statistics come from `db` (the
/// whole locale group) so every shard scores alike.
class NearPair {
  public:
    struct Settings {
        Xapian::termpos window = 4;
        double factor = 1, k1 = 1.2, b = 0.75;
    };
    NearPair(const Xapian::Database& db, const WordPair& words, const Settings& settings);

    /// True when either word is in no section: the pair can never add anything.
    bool empty() const { return first_.at == first_.end || second_.at == second_.end; }

    /// The pair's weight in one section (0 unless both words are near); sections must be asked in
    /// increasing docid order.
    double weight_of(Xapian::docid section);

  private:
    struct Word {
        Xapian::PostingIterator at, end;
        double idf = 0;
        bool on(Xapian::docid section);  ///< moves to the section; whether the word is in it
    };
    bool near_in_current() const;

    Xapian::Database db_;
    Word first_, second_;
    Settings s_;
    double average_length_;
};

}  // namespace anticipa::search
