// Index schema, the learned phrasings' words kept whole per phrasing (SLOT_LEARNED_KEYS): the
// learned field (PREFIX_LEARNED) mixes every phrasing's words into one bag, the second phase
// (search/learned_match.h) compares the query with each phrasing. One place for the format.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace anticipa::index {

/// One phrasing per line, its words (accent-free stems) separated by spaces; empty phrasings out.
std::string encode_learned_keys(const std::vector<std::vector<std::string>>& phrasings);

/// The phrasings of encode_learned_keys()'s value, each as its words.
std::vector<std::vector<std::string_view>> decode_learned_keys(std::string_view value);

}  // namespace anticipa::index
