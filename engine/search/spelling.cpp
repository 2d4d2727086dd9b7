#include "search/spelling.h"

#include "common/utf8.h"

#include <algorithm>

namespace anticipa::search {

namespace {

/// Shorter words are not corrected: one edit changes a third of a three-letter word.
constexpr std::size_t MIN_CORRECTED_LENGTH = 4;
/// From this length two edits are allowed ("athentcation"); below, one.
constexpr std::size_t TWO_EDITS_LENGTH = 6;

bool finds_any(const Xapian::Database& db, const Xapian::Query& query, const Xapian::Query& filter) {
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, filter));
    return !enquire.get_mset(0, 1).empty();
}

Xapian::Query any_of(const std::vector<Xapian::Query>& parts) {
    if (parts.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

}  // namespace

std::optional<std::string> likely_correction(const Xapian::Database& db, const std::string& term) {
    const std::size_t letters = count_code_points(term);
    if (letters < MIN_CORRECTED_LENGTH) return std::nullopt;
    std::string suggestion = db.get_spelling_suggestion(term, letters >= TWO_EDITS_LENGTH ? 2 : 1);
    if (suggestion.empty()) return std::nullopt;
    return suggestion;
}

std::vector<SpellingCandidate> likely_corrections(const Xapian::Database& db,
                                                  const std::vector<SpellingCandidate>& candidates,
                                                  const ContentWords& content, const Xapian::Query& filter) {
    std::vector<SpellingCandidate> visible;
    for (const SpellingCandidate& candidate : candidates)
        if (finds_any(db, candidate.query, filter)) visible.push_back(candidate);

    std::vector<SpellingCandidate> kept;
    for (const SpellingCandidate& candidate : visible) {
        // The rest of the question: the other words as typed, and the other corrections.
        std::vector<Xapian::Query> others;
        bool others_known = true;
        for (std::size_t i = 0; i < content.queries.size(); ++i) {
            if (i == candidate.content) continue;
            others.push_back(content.queries[i]);
            others_known = others_known && content.known[i];
        }
        for (const SpellingCandidate& other : visible)
            if (other.content != candidate.content) others.push_back(other.query);
        if (others_known ||
            finds_any(db, Xapian::Query(Xapian::Query::OP_AND, candidate.query, any_of(others)), filter))
            kept.push_back(candidate);
    }
    return kept;
}

}  // namespace anticipa::search
