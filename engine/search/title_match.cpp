#include "search/title_match.h"

#include "index/schema.h"
#include "search/bm25.h"

#include <algorithm>

namespace anticipa::search {

using namespace anticipa::index;

double average_title_length(const std::vector<Xapian::Database>& shards) {
    double tokens = 0, sections = 0;
    for (const Xapian::Database& shard : shards) {
        const std::string total = shard.get_metadata(META_TITLE_TOKENS);
        if (!total.empty()) tokens += std::stod(total);
        sections += shard.get_doccount();
    }
    return tokens <= 0 || sections <= 0 ? 1.0 : std::max(1.0, tokens / sections);
}

TitleMatch::TitleMatch(const Xapian::Database& db, const std::vector<TitleWord>& words, double average_length,
                       double k1, double b)
    : average_length_(average_length), k1_(k1), b_(b) {
    const Xapian::doccount sections = db.get_doccount();
    std::vector<std::pair<std::string, double>> weights;  // a word asked twice counts twice
    for (const TitleWord& word : words) {
        const Xapian::doccount freq = db.get_termfreq(word.term);
        if (freq == 0 || word.factor <= 0) continue;
        auto same = std::find_if(weights.begin(), weights.end(), [&](const auto& w) { return w.first == word.term; });
        const double weight = word.factor * bm25_idf(sections, freq);
        if (same != weights.end()) same->second += weight;
        else weights.emplace_back(word.term, weight);
    }
    for (const auto& [term, weight] : weights)
        terms_.push_back({db.postlist_begin(term), db.postlist_end(term), weight});
    if (!terms_.empty()) {
        lengths_ = db.valuestream_begin(SLOT_TITLE_LENGTH);
        lengths_end_ = db.valuestream_end(SLOT_TITLE_LENGTH);
    }
}

double TitleMatch::weight_of(Xapian::docid section) {
    double weight = 0;
    double norm = -1;  // read the title's length only for a section whose title matches
    for (Term& term : terms_) {
        if (term.at == term.end) continue;
        if (*term.at < section) term.at.skip_to(section);
        if (term.at == term.end || *term.at != section) continue;
        if (norm < 0) {
            double length = average_length_;
            if (lengths_ != lengths_end_ && lengths_.check(section)) length = Xapian::sortable_unserialise(*lengths_);
            norm = k1_ * ((1 - b_) + b_ * length / average_length_);
        }
        const double wdf = term.at.get_wdf();
        weight += term.weight * (k1_ + 1) * wdf / (wdf + norm);
    }
    return weight;
}

}  // namespace anticipa::search
