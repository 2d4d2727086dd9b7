#include "search/proximity_match.h"

#include "search/bm25.h"

#include <algorithm>

namespace anticipa::search {

namespace {

/// Xapian's BM25 lower bound on the normalised length (BM25Weight's min_normlen default).
constexpr double MIN_NORMALISED_LENGTH = 0.5;

}  // namespace

bool NearPair::Word::on(Xapian::docid section) {
    if (at == end) return false;
    if (*at < section) at.skip_to(section);
    return at != end && *at == section;
}

NearPair::NearPair(const Xapian::Database& db, const WordPair& words, const Settings& settings)
    : db_(db), s_(settings), average_length_(std::max(1.0, db.get_avlength())) {
    const Xapian::doccount sections = db.get_doccount();
    for (auto [word, term] : {std::pair{&first_, &words.first}, std::pair{&second_, &words.second}}) {
        word->at = db.postlist_begin(*term);
        word->end = db.postlist_end(*term);
        word->idf = bm25_idf(sections, db.get_termfreq(*term));
    }
}

double NearPair::weight_of(Xapian::docid section) {
    // Both words' posting lists are moved even when the first is missing, so each only ever
    // moves forward.
    const bool first = first_.on(section), second = second_.on(section);
    if (!first || !second || !near_in_current()) return 0;
    const double length = std::max(db_.get_doclength(section) / average_length_, MIN_NORMALISED_LENGTH);
    const double norm = s_.k1 * ((1 - s_.b) + s_.b * length);
    auto bm25 = [&](const Word& word) {
        const double wdf = word.at.get_wdf();
        return word.idf * (s_.k1 + 1) * wdf / (wdf + norm);
    };
    return s_.factor * (bm25(first_) + bm25(second_));
}

/// Whether some position of one word is within the window of a position of the other.
bool NearPair::near_in_current() const {
    auto a = first_.at.positionlist_begin(), a_end = first_.at.positionlist_end();
    auto b = second_.at.positionlist_begin(), b_end = second_.at.positionlist_end();
    while (a != a_end && b != b_end) {
        const Xapian::termpos pa = *a, pb = *b;
        if (pa != pb && (pa > pb ? pa - pb : pb - pa) < s_.window) return true;
        if (pa < pb) ++a;
        else ++b;
    }
    return false;
}

}  // namespace anticipa::search
