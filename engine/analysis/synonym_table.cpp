#include "analysis/synonym_table.h"

namespace anticipa::analysis {

const std::string& match_key(const Token& token) {
    return token.folded_stem.empty() ? token.stem : token.folded_stem;
}

void SynonymTable::add_group(std::vector<Phrase> phrases) {
    if (phrases.size() < 2) return;
    for (std::size_t p = 0; p < phrases.size(); ++p)
        if (!phrases[p].empty()) by_first_key_[match_key(phrases[p].front())].push_back({groups_.size(), p});
    groups_.push_back(std::move(phrases));
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
    if (at >= tokens.size()) return best;
    auto starting = by_first_key_.find(match_key(tokens[at]));
    if (starting == by_first_key_.end()) return best;
    for (const Start& start : starting->second) {
        const Phrase& phrase = groups_[start.group][start.phrase];
        if (best && phrase.size() <= best->length) continue;
        if (same_phrase(phrase, tokens, at, phrase.size())) best = Match{start.group, phrase.size()};
    }
    return best;
}

}  // namespace anticipa::analysis
