#include "search/proximity_match.h"
#include "search/bm25.h"

#include <algorithm>

namespace anticipa::search {

namespace {

/// Xapian's BM25 lower bound on the normalised length (BM25Weight's min_normlen default).
constexpr double MIN_NORMALISED_LENGTH = 0.5;

class NearPairSource : public Xapian::PostingSource {
  public:
    struct Settings {
        std::string first, second;
        double first_idf, second_idf;
        Xapian::termpos window;
        double factor, k1, b, average_length;
    };

    explicit NearPairSource(Settings settings) : s_(std::move(settings)) {}

    PostingSource* clone() const override { return new NearPairSource(s_); }

    void init(const Xapian::Database& shard) override {
        shard_ = shard;
        first_ = shard.postlist_begin(s_.first);
        second_ = shard.postlist_begin(s_.second);
        first_end_ = shard.postlist_end(s_.first);
        second_end_ = shard.postlist_end(s_.second);
        both_max_ = std::min(shard.get_termfreq(s_.first), shard.get_termfreq(s_.second));
        set_maxweight(s_.factor * (s_.first_idf + s_.second_idf) * (s_.k1 + 1));
        started_ = false;
    }

    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return both_max_ / 2; }
    Xapian::doccount get_termfreq_max() const override { return both_max_; }

    void next(double) override {
        if (started_ && !at_end()) ++first_;
        started_ = true;
        settle();
    }

    void skip_to(Xapian::docid target, double) override {
        started_ = true;
        if (!at_end() && *first_ < target) first_.skip_to(target);
        settle();
    }

    bool at_end() const override { return started_ && (first_ == first_end_ || second_ == second_end_); }
    Xapian::docid get_docid() const override { return *first_; }

    double get_weight() const override {
        const double length = std::max(shard_.get_doclength(*first_) / s_.average_length, MIN_NORMALISED_LENGTH);
        const double norm = s_.k1 * ((1 - s_.b) + s_.b * length);
        auto term = [&](double idf, Xapian::termcount wdf) { return idf * (s_.k1 + 1) * wdf / (wdf + norm); };
        return s_.factor * (term(s_.first_idf, first_.get_wdf()) + term(s_.second_idf, second_.get_wdf()));
    }

    std::string get_description() const override { return "NearPair(" + s_.first + "," + s_.second + ")"; }

  private:
    /// Moves to the first section at or after the current one where both words are near.
    void settle() {
        while (first_ != first_end_ && second_ != second_end_) {
            if (*second_ < *first_) {
                second_.skip_to(*first_);
            } else if (*first_ < *second_) {
                first_.skip_to(*second_);
            } else if (near_in_current()) {
                return;
            } else {
                ++first_;
            }
        }
    }

    /// Whether some position of one word is within the window of a position of the other.
    bool near_in_current() const {
        auto a = shard_.positionlist_begin(*first_, s_.first), a_end = shard_.positionlist_end(*first_, s_.first);
        auto b = shard_.positionlist_begin(*first_, s_.second), b_end = shard_.positionlist_end(*first_, s_.second);
        while (a != a_end && b != b_end) {
            const Xapian::termpos pa = *a, pb = *b;
            if (pa != pb && (pa > pb ? pa - pb : pb - pa) < s_.window) return true;
            if (pa < pb) ++a;
            else ++b;
        }
        return false;
    }

    Settings s_;
    Xapian::Database shard_;
    Xapian::PostingIterator first_, second_, first_end_, second_end_;
    Xapian::doccount both_max_ = 0;
    bool started_ = false;
};

}  // namespace

Xapian::Query near_pair_query(const Xapian::Database& stats, const std::string& first, const std::string& second,
                              Xapian::termpos window, double factor, double k1, double b) {
    const Xapian::doccount sections = stats.get_doccount();
    const Xapian::doccount first_freq = stats.get_termfreq(first), second_freq = stats.get_termfreq(second);
    if (first_freq == 0 || second_freq == 0 || factor <= 0) return Xapian::Query();
    NearPairSource::Settings settings{
        first, second, bm25_idf(sections, first_freq),     bm25_idf(sections, second_freq), window, factor,
        k1,    b,      std::max(1.0, stats.get_avlength())};
    return Xapian::Query((new NearPairSource(std::move(settings)))->release());
}

}  // namespace anticipa::search
