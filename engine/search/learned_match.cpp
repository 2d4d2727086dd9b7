#include "search/learned_match.h"

#include "index/learned_keys.h"
#include "index/schema.h"

#include <algorithm>
#include <cmath>

namespace anticipa::search {

using namespace anticipa::index;

LearnedMatch::LearnedMatch(const Xapian::Database& db, const std::vector<std::string>& query_keys) : db_(db) {
    phrasing_sections_ = static_cast<double>(db.get_value_freq(SLOT_LEARNED_KEYS));
    if (phrasing_sections_ <= 0) return;
    for (const std::string& key : query_keys)
        if (std::none_of(weights_.begin(), weights_.end(), [&](const auto& w) { return w.first == key; })) {
            weights_.emplace_back(key, idf(key));
            query_total_ += weights_.back().second;
        }
    if (weights_.empty()) return;
    phrasings_ = db.valuestream_begin(SLOT_LEARNED_KEYS);
    phrasings_end_ = db.valuestream_end(SLOT_LEARNED_KEYS);
}

// Over the sections that have phrasings: "ama" in every past question of a help center about Ama
// says little about which one this is. A word no phrasing holds weighs the most, so a query that
// adds a word of its own to a past question is less like it.
double LearnedMatch::idf(std::string_view key) {
    const double holding = static_cast<double>(db_.get_termfreq(PREFIX_LEARNED + std::string(key)));
    return std::log(1.0 + phrasing_sections_ / (holding + 0.5));
}

double LearnedMatch::similarity_of(Xapian::docid section) {
    if (weights_.empty() || phrasings_ == phrasings_end_) return 0;
    // skip_to, not check(): most sections have no phrasings, and check() may stop on a later one.
    if (phrasings_.get_docid() < section) phrasings_.skip_to(section);
    if (phrasings_ == phrasings_end_ || phrasings_.get_docid() != section) return 0;
    const std::string value = *phrasings_;
    double best = 0;
    for (const auto& phrasing : decode_learned_keys(value)) {
        double shared = 0;
        std::vector<std::string_view> others;
        for (std::string_view key : phrasing) {
            auto found = std::find_if(weights_.begin(), weights_.end(), [&](const auto& w) { return w.first == key; });
            if (found != weights_.end()) shared += found->second;
            else others.push_back(key);
        }
        if (shared <= 0) continue;  // nothing in common: the other words need not be looked up
        double only_phrasing = 0;
        for (std::string_view key : others) {
            auto [slot, fresh] = other_idf_.try_emplace(std::string(key), 0.0);
            if (fresh) slot->second = idf(key);
            only_phrasing += slot->second;
        }
        best = std::max(best, 2 * shared / (query_total_ + shared + only_phrasing));
    }
    return best;
}

}  // namespace anticipa::search
