// Search stage: a pair of query words found near each other in a section, checked exactly.
// Xapian 1.4.22's OP_NEAR is only checked for position when the matcher walks it: under the
// max-weight optimisation (an OR turned AND_MAYBE, which a page of 10 triggers more than a page
// of 100) a pair was credited to sections that merely hold both words, so a result's score
// depended on the page size. This posting source checks positions for every section it yields.
#pragma once

#include <xapian.h>

#include <string>

namespace anticipa::search {

/// Sections holding `first` and `second` at most `window - 1` positions apart, weighted like
/// Xapian's OP_NEAR (the two words' BM25 weights) times `factor`. Statistics come from `stats`
/// (the whole locale group) so every shard scores alike.
Xapian::Query near_pair_query(const Xapian::Database& stats, const std::string& first, const std::string& second,
                              Xapian::termpos window, double factor, double k1, double b);

}  // namespace anticipa::search
