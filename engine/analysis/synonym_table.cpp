#include "analysis/synonym_table.h"

namespace anticipa::analysis {

const std::string& match_key(const Token& token) {
    return token.folded_stem.empty() ? token.stem : token.folded_stem;
}

void SynonymTable::add_group(std::vector<Phrase> phrases) {
    if (phrases.size() >= 2) groups_.push_back(std::move(phrases));
}

bool SynonymTable::same_phrase(const Phrase& phrase, const std::vector<Token>& tokens, std::size_t at,
                               std::size_t length) {
    if (phrase.size() != length || at + length > tokens.size()) return false;
    for (std::size_t k = 0; k < length; ++k)
        if (match_key(phrase[k]) != match_key(tokens[at + k])) return false;
    return true;
}

std::optional<SynonymTable::Match> SynonymTable::match(const std::vector<Token>& tokens, std::size_t at) const {
    std::optional<Match> best;
    for (std::size_t g = 0; g < groups_.size(); ++g)
        for (const Phrase& phrase : groups_[g]) {
            if (phrase.empty() || (best && phrase.size() <= best->length)) continue;
            if (same_phrase(phrase, tokens, at, phrase.size())) best = Match{g, phrase.size()};
        }
    return best;
}

}  // namespace anticipa::analysis
