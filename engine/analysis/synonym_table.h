// Analysis: a locale's groups of equivalent words and phrases (locales/<tag>/synonyms.txt),
// analyzed like any text so "Invoices" meets "invoice". Queries only: the index never sees them.
#pragma once

#include "analysis/token.h"

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace anticipa::analysis {

/// The key two tokens are compared by when matching stop words and synonyms: the stem of the
/// accent-free form, so "nao" meets "não" and "Invoices" meets "invoice".
const std::string& match_key(const Token& token);

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
    struct Start {
        std::size_t group = 0, phrase = 0;
    };
    std::vector<std::vector<Phrase>> groups_;
    /// The phrases by the match key of their first token, in group order: match() looks only at
    /// the few that can start at a token, not at every group (grouping analyzes whole articles).
    std::unordered_map<std::string, std::vector<Start>> by_first_key_;
};

}  // namespace anticipa::analysis
