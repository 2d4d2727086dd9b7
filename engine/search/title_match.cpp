#include "search/title_match.h"

#include "index/schema.h"
#include "search/bm25.h"

#include <algorithm>

namespace anticipa::search {

using namespace anticipa::index;

namespace {

/// Walks the union of the query's title terms in one shard, docid by docid.
class TitleMatchSource : public Xapian::PostingSource {
  public:
    struct Term {
        std::string name;
        double weight;  ///< factor · idf
    };

    TitleMatchSource(std::vector<Term> terms, double k1, double b) : terms_(std::move(terms)), k1_(k1), b_(b) {}

    PostingSource* clone() const override { return new TitleMatchSource(terms_, k1_, b_); }

    void init(const Xapian::Database& shard) override {
        shard_ = shard;
        lists_.clear();
        termfreq_min_ = termfreq_sum_ = 0;
        double max_weight = 0;
        for (const Term& term : terms_) {
            const Xapian::doccount freq = shard.get_termfreq(term.name);
            if (freq == 0) continue;
            lists_.push_back({shard.postlist_begin(term.name), shard.postlist_end(term.name), term.weight});
            termfreq_min_ = std::max(termfreq_min_, freq);
            termfreq_sum_ += freq;
            max_weight += term.weight * (k1_ + 1);  // tf saturation tends to k1 + 1
        }
        set_maxweight(max_weight);
        const Xapian::doccount sections = std::max<Xapian::doccount>(1, shard.get_doccount());
        const std::string total = shard.get_metadata(META_TITLE_TOKENS);
        average_length_ = total.empty() ? 1.0 : std::max(1.0, std::stod(total) / sections);
        lengths_ = shard.valuestream_begin(SLOT_TITLE_LENGTH);
        current_ = 0;
        started_ = false;
    }

    Xapian::doccount get_termfreq_min() const override { return termfreq_min_; }
    Xapian::doccount get_termfreq_est() const override { return std::min(termfreq_sum_, shard_.get_doccount()); }
    Xapian::doccount get_termfreq_max() const override { return std::min(termfreq_sum_, shard_.get_doccount()); }

    void next(double) override {
        if (started_)
            for (List& list : lists_)
                if (list.at != list.end && *list.at == current_) ++list.at;
        started_ = true;
        settle();
    }

    void skip_to(Xapian::docid target, double) override {
        started_ = true;
        for (List& list : lists_)
            if (list.at != list.end && *list.at < target) list.at.skip_to(target);
        settle();
    }

    bool at_end() const override { return started_ && current_ == 0; }
    Xapian::docid get_docid() const override { return current_; }

    double get_weight() const override {
        double length = average_length_;
        if (lengths_.check(current_)) length = Xapian::sortable_unserialise(*lengths_);
        const double norm = k1_ * ((1 - b_) + b_ * length / average_length_);
        double weight = 0;
        for (const List& list : lists_) {
            if (list.at == list.end || *list.at != current_) continue;
            const double wdf = list.at.get_wdf();
            weight += list.weight * (k1_ + 1) * wdf / (wdf + norm);
        }
        return weight;
    }

    std::string get_description() const override { return "TitleMatchSource"; }

  private:
    struct List {
        Xapian::PostingIterator at, end;
        double weight;
    };

    /// The smallest docid any list is on; 0 when all are done.
    void settle() {
        current_ = 0;
        for (const List& list : lists_)
            if (list.at != list.end && (current_ == 0 || *list.at < current_)) current_ = *list.at;
    }

    std::vector<Term> terms_;
    double k1_, b_;
    Xapian::Database shard_;
    std::vector<List> lists_;
    Xapian::doccount termfreq_min_ = 0, termfreq_sum_ = 0;
    double average_length_ = 1;
    mutable Xapian::ValueIterator lengths_;
    Xapian::docid current_ = 0;
    bool started_ = false;
};

}  // namespace

Xapian::Query title_match_query(const Xapian::Database& stats, const std::vector<TitleWord>& words, double k1,
                                double b) {
    std::vector<TitleMatchSource::Term> terms;
    const Xapian::doccount sections = stats.get_doccount();
    for (const TitleWord& word : words) {
        const Xapian::doccount freq = stats.get_termfreq(word.term);
        if (freq == 0 || word.factor <= 0) continue;
        auto same = std::find_if(terms.begin(), terms.end(), [&](const auto& t) { return t.name == word.term; });
        const double weight = word.factor * bm25_idf(sections, freq);
        if (same != terms.end()) same->weight += weight;  // a word asked twice counts twice
        else terms.push_back({word.term, weight});
    }
    if (terms.empty()) return Xapian::Query();
    return Xapian::Query((new TitleMatchSource(std::move(terms), k1, b))->release());
}

}  // namespace anticipa::search
