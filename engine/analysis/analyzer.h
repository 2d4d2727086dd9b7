// Analysis: the one chain that turns text into tokens, shared by the indexer and the query
// builder so that a term the index makes is the term a query makes.
// Stages, in order (each a named step of analyzer.cpp, the larger ones a file of their own):
//   1. fold script     Chinese Traditional -> Simplified over the whole text   (normalizer)
//   2. segment         ICU word boundaries, byte ranges, elision split, positions (segmenter)
//   3. normalize       NFKC + case fold of each word                            (normalizer)
//   4. stem            Snowball stem, and the stem of the accent-free form      (normalizer, Xapian::Stem)
//   5. mark stop words the locale's stop words, compared by accent-free stem
//   6. Chinese n-grams every character, bigrams of long words and across words (chinese_ngrams)
#pragma once

#include "analysis/analysis_profile.h"
#include "analysis/chinese_ngrams.h"
#include "analysis/synonym_table.h"
#include "analysis/token.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace anticipa::analysis {

/// What besides the profile decides index terms, for people: "anticipa-analyzer-2, ICU 72.1, Xapian
/// 1.4.22". Part of every fingerprint; an index stores it to say what it was built by.
std::string analyzer_versions();

class Analyzer {
  public:
    explicit Analyzer(AnalysisProfile profile);

    /// Tokens of `text` with positions starting at `first_position`. Thread-safe.
    std::vector<Token> analyze(std::string_view text, std::uint32_t first_position = 1) const;

    const AnalysisProfile& profile() const { return profile_; }
    const SynonymTable& synonyms() const { return synonyms_; }

    /// Identifies everything that decides index terms (profile, analyzer version, ICU and
    /// Xapian versions): an index made with another fingerprint must be rebuilt, not searched.
    const std::string& fingerprint() const { return fingerprint_; }

  private:
    AnalysisProfile profile_;
    std::uint64_t instance_id_;                  ///< keys this analyzer's per-thread ICU and Xapian objects
    std::unordered_set<std::string> stopwords_;  ///< accent-folded, normalized
    SynonymTable synonyms_;
    std::string fingerprint_;
};

}  // namespace anticipa::analysis
