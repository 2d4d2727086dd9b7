// Gaps stage, a bridge between languages, step 1: parallel segments (the same title, question or
// section in two languages, as analyzed terms) -> the term pairs that translate each other. IBM
// Model 1 (Brown et al. 1993) trained in both directions; a pair is kept only when each term is
// the other's most likely translation (the intersection: fewer pairs, far fewer wrong ones).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace anticipa::gaps {

/// One aligned piece of parallel text: the terms of the foreign side and of the pivot side.
struct ParallelSegment {
    std::vector<std::string> foreign, pivot;
};

struct AlignmentOptions {
    std::size_t iterations = 10;   ///< EM rounds of each direction
    double min_probability = 0.3;  ///< t(pivot | foreign) and t(foreign | pivot) both at least this
    std::size_t min_segments = 2;  ///< the two terms appear together in this many segments
};

/// "lixeira" = "trash", learned with probability 0.8 from 4 segments they share.
struct TermPair {
    std::string foreign, pivot;
    double probability = 0;  ///< the smaller of the two directions' translation probabilities
    std::size_t segments = 0;
};

/// The term pairs the segments support, sorted by foreign term. A term spelled the same on both
/// sides ("okta", "pdf") needs no pair and gets none.
std::vector<TermPair> align_terms(const std::vector<ParallelSegment>& segments, const AlignmentOptions& options = {});

}  // namespace anticipa::gaps
