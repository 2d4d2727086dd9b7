// Search stage, second phase: the first phase's best sections -> the features Xapian cannot prune
// (title matches by title length, proximity pairs checked by position), added to their first-phase
// weight, re-sorted. Lucene's rescorer and Vespa's second-phase ranking are the models: a feature
// that reads positions or value slots is paid for `match_depth` candidates, not for every section
// that holds a query word.
#pragma once

#include "search/learned_match.h"
#include "search/proximity_match.h"
#include "search/ranking_options.h"
#include "search/title_match.h"

#include <xapian.h>

#include <string>
#include <vector>

namespace anticipa::search {

/// What the second phase adds to a candidate's first-phase weight (QueryBuilder fills it).
struct SecondPhase {
    std::vector<TitleWord> title_words;  ///< scored against the title's length (search/title_match.h)
    std::vector<WordPair> near_pairs;    ///< adjacent query words, near each other (search/proximity_match.h)
    std::vector<std::string> learned_keys;  ///< the query's words, against past phrasings (search/learned_match.h)

    bool empty() const { return title_words.empty() && near_pairs.empty() && learned_keys.empty(); }
};

/// A section the first phase found, with its weight so far.
struct Candidate {
    Xapian::docid docid = 0;
    double weight = 0;
    std::string article;  ///< the collapse key: one hit per article
};

/// The candidates of a first-phase MSet, best first.
std::vector<Candidate> candidates_of(const Xapian::MSet& first_phase);

/// How many articles match: Xapian's estimate after collapsing, scaled to articles when the
/// first phase kept several sections of one article (exact when it holds every match).
std::size_t estimated_articles(const Xapian::MSet& first_phase, std::size_t distinct_articles);

/// Adds the second phase's features to each candidate and sorts them best first (ties by docid,
/// as Xapian orders them), keeping each article's best section only. `average_title_length` is
/// over the whole locale group (title_match.h).
std::vector<Candidate> rescore(const Xapian::Database& db, const SecondPhase& features, double average_title_length,
                               const RankingOptions& ranking, std::vector<Candidate> candidates);

/// Leaves out the ranked candidates (best first) whose weight is below `share` of the best one's
/// (RankingOptions::relative_score_cut; 0 leaves them all): the tail of weak matches.
void cut_weak_tail(std::vector<Candidate>& ranked, double share);

}  // namespace anticipa::search
