#include "search/feedback.h"

#include "index/schema.h"

#include <vector>

namespace anticipa::search {

namespace {

/// Only stems are worth adding: the unprefixed words would count the same word twice, and the
/// boolean filter terms (locale, tier, article) say nothing about the topic.
class StemsOnly : public Xapian::ExpandDecider {
  public:
    bool operator()(const std::string& term) const override {
        return term.size() > index::PREFIX_STEM.size() &&
               term.compare(0, index::PREFIX_STEM.size(), index::PREFIX_STEM) == 0;
    }
};

}  // namespace

Xapian::Query expand_with_feedback(Xapian::Enquire& enquire, const Xapian::Query& query,
                                   const RankingOptions& ranking) {
    const auto docs = static_cast<Xapian::doccount>(ranking.feedback_docs);
    if (docs == 0 || ranking.feedback_weight <= 0) return query;
    Xapian::MSet first = enquire.get_mset(0, docs);
    if (first.empty()) return query;
    Xapian::RSet top;
    for (auto it = first.begin(); it != first.end(); ++it) top.add_document(*it);
    StemsOnly stems;
    Xapian::ESet eset = enquire.get_eset(static_cast<Xapian::termcount>(ranking.feedback_terms), top, &stems);
    std::vector<Xapian::Query> added;
    for (auto it = eset.begin(); it != eset.end(); ++it) added.emplace_back(*it);
    if (added.empty()) return query;
    Xapian::Query expansion(Xapian::Query::OP_OR, added.begin(), added.end());
    return Xapian::Query(Xapian::Query::OP_OR, query,
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, expansion, ranking.feedback_weight));
}

}  // namespace anticipa::search
