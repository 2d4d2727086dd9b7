// Search stage: Xapian's BM25 idf, for the posting sources that must weigh as BM25Weight does.
#pragma once

#include <xapian.h>

#include <cmath>

namespace anticipa::search {

/// BM25Weight::init's idf: a term in more than half the sections still weighs a little.
inline double bm25_idf(Xapian::doccount sections, Xapian::doccount with_term) {
    double ratio = (sections - with_term + 0.5) / (with_term + 0.5);
    if (ratio < 2) ratio = ratio * 0.5 + 1;
    return std::log(ratio);
}

}  // namespace anticipa::search
