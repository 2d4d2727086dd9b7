// Search stage, second phase: title words scored against the title's own length (BM25F's idea
// for one field). A word found in a section's title says more than the same word in its body: FAQ
// titles are the questions customers ask. Scoring it as an ordinary prefixed term would normalise
// it by the whole section's length, so a short title over a long answer lost to a long title over
// a short one ("What are the symptoms of COVID-19?" below "What is a coronavirus?" for
// "coronavirus symptoms"). The title's length comes from a value slot instead, read only for the
// first phase's candidates (search/rescorer.h).
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace anticipa::search {

/// One query word's title term and how much its title match weighs before BM25's idf and tf.
struct TitleWord {
    std::string term;     ///< PREFIX_TITLE_STEM + accent-free stem
    double factor = 1.0;  ///< title_weight, times stop_word_weight for stop words
};

/// Σ SLOT_TITLE_LENGTH / sections over the databases of a locale group (each records its own
/// total), so every section is normalised against the same average.
double average_title_length(const std::vector<Xapian::Database>& shards);

/// The title part of the ranking for one query: Σ factor · idf · BM25 tf-saturation, with the
/// title's length in place of the section's. Idf comes from `db` (the whole locale group).
class TitleMatch {
  public:
    TitleMatch(const Xapian::Database& db, const std::vector<TitleWord>& words, double average_length, double k1,
               double b);

    /// True when no word of the query is in any title: nothing to add.
    bool empty() const { return terms_.empty(); }

    /// The title weight of one section; sections must be asked in increasing docid order.
    double weight_of(Xapian::docid section);

  private:
    struct Term {
        Xapian::PostingIterator at, end;
        double weight;  ///< factor · idf
    };
    std::vector<Term> terms_;
    Xapian::ValueIterator lengths_, lengths_end_;
    double average_length_, k1_, b_;
};

}  // namespace anticipa::search
