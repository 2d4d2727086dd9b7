// Search stage: title words scored against the title's own length (BM25F's idea for one field).
// A word found in a section's title says more than the same word in its body: FAQ titles are the
// questions customers ask. Scoring it as an ordinary prefixed term would normalise it by the
// whole section's length, so a short title over a long answer lost to a long title over a short
// one ("What are the symptoms of COVID-19?" below "What is a coronavirus?" for "coronavirus
// symptoms"). This posting source reads each section's title length from a value slot instead.
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

/// The title part of a query: Σ factor · idf · BM25 tf-saturation, with the title's length in
/// place of the section's. Idf comes from `stats` (the whole locale group) so every shard
/// scores alike; empty when no word is in any title.
Xapian::Query title_match_query(const Xapian::Database& stats, const std::vector<TitleWord>& words, double k1,
                                double b);

}  // namespace anticipa::search
