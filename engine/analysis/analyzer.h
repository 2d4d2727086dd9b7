// Analysis: the one chain that turns text into tokens, shared by the indexer and the query
// builder so that a term the index makes is the term a query makes.
//   segment (ICU word break) -> normalize (NFKC + case fold) -> fold script (Traditional ->
//   Simplified) -> fold accents (second form) -> mark stop words -> stem (Snowball)
//   -> add Chinese character n-grams (every character, bigrams of long words and across words)
#pragma once

#include "analysis/analysis_profile.h"
#include "analysis/token.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace anticipa::analysis {

/// True for the n-gram of one Chinese character. Characters are indexed under a prefix of their
/// own: the character inside 稻子 should not count as the one-character word 稻.
bool is_character(const Token& token);

/// Equivalent words and phrases of a locale, analyzed like any text so "Invoices" meets "invoice".
class SynonymTable {
  public:
    using Phrase = std::vector<Token>;
    struct Match {
        std::size_t group = 0;
        std::size_t length = 0;  ///< how many query tokens the phrase covers
    };

    void add_group(std::vector<Phrase> phrases);
    /// The longest phrase of any group that starts at tokens[at] (stems compared).
    std::optional<Match> match(const std::vector<Token>& tokens, std::size_t at) const;
    const std::vector<Phrase>& group(std::size_t index) const { return groups_[index]; }
    /// True when `phrase` is tokens[at, at + length) (stems compared).
    static bool same_phrase(const Phrase& phrase, const std::vector<Token>& tokens, std::size_t at, std::size_t length);
    std::size_t size() const { return groups_.size(); }

  private:
    std::vector<std::vector<Phrase>> groups_;
};

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
