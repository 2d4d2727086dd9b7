#include "gaps/word_alignment.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>

namespace anticipa::gaps {

namespace {

/// Terms as small numbers, so the EM tables are keyed by pairs of integers.
class Vocabulary {
  public:
    std::size_t id(const std::string& term) {
        auto [slot, fresh] = ids_.try_emplace(term, terms_.size());
        if (fresh) terms_.push_back(term);
        return slot->second;
    }
    const std::string& term(std::size_t id) const { return terms_[id]; }
    std::size_t size() const { return terms_.size(); }

  private:
    std::unordered_map<std::string, std::size_t> ids_;
    std::vector<std::string> terms_;
};

constexpr std::size_t NULL_WORD = 0;  ///< the source side's empty word: a target term nothing translates

using Sentence = std::vector<std::size_t>;
using PairKey = std::uint64_t;

PairKey pair_key(std::size_t target, std::size_t source) {
    return (std::uint64_t(target) << 32) | std::uint64_t(source);
}

/// t(target | source) of IBM Model 1 over the pairs that occur together in some sentence pair,
/// with each pair's place in the flat tables found once: the EM rounds then only index arrays.
class Model1 {
  public:
    explicit Model1(const std::vector<std::pair<Sentence, Sentence>>& pairs) : pairs_(pairs) {
        std::unordered_map<PairKey, std::uint32_t> slot_of;
        for (const auto& [source, target] : pairs)
            for (std::size_t f : target)
                for (std::size_t e : source) {
                    auto [slot, fresh] = slot_of.try_emplace(pair_key(f, e), std::uint32_t(keys_.size()));
                    if (fresh) keys_.push_back(pair_key(f, e));
                    slots_.push_back(slot->second);
                }
        t_.assign(keys_.size(), 1.0);  // uniform: normalised in round 1
    }

    /// EM: each round spreads every target term over its sentence's source terms by t, then
    /// renormalises t(target | source) by all that each source term was given.
    void train(std::size_t iterations) {
        std::size_t sources = 0;
        for (PairKey key : keys_) sources = std::max(sources, source_of(key) + 1);
        std::vector<double> counts(keys_.size()), totals(sources);
        for (std::size_t round = 0; round < iterations; ++round) {
            std::fill(counts.begin(), counts.end(), 0.0);
            std::fill(totals.begin(), totals.end(), 0.0);
            const std::uint32_t* slot = slots_.data();
            for (const auto& [source, target] : pairs_)
                for (std::size_t f = 0; f < target.size(); ++f, slot += source.size()) {
                    double norm = 0;
                    for (std::size_t e = 0; e < source.size(); ++e) norm += t_[slot[e]];
                    for (std::size_t e = 0; e < source.size(); ++e) {
                        const double share = t_[slot[e]] / norm;
                        counts[slot[e]] += share;
                        totals[source[e]] += share;
                    }
                }
            for (std::size_t i = 0; i < keys_.size(); ++i) t_[i] = counts[i] / totals[source_of(keys_[i])];
        }
    }

    /// For each target term, its most likely source term (not the null word) and that probability.
    std::map<std::size_t, std::pair<std::size_t, double>> best_sources() const {
        std::map<std::size_t, std::pair<std::size_t, double>> best;
        for (std::size_t i = 0; i < keys_.size(); ++i) {
            const std::size_t target = std::size_t(keys_[i] >> 32), source = source_of(keys_[i]);
            const double probability = t_[i];
            if (source == NULL_WORD) continue;
            auto [slot, fresh] = best.try_emplace(target, source, probability);
            // Ties by id, so the result does not depend on the order pairs were met in.
            if (!fresh && (probability > slot->second.second ||
                           (probability == slot->second.second && source < slot->second.first)))
                slot->second = {source, probability};
        }
        return best;
    }

  private:
    static std::size_t source_of(PairKey key) { return std::size_t(key & 0xFFFFFFFFu); }

    const std::vector<std::pair<Sentence, Sentence>>& pairs_;
    std::vector<PairKey> keys_;         ///< each co-occurring (target, source) pair once
    std::vector<std::uint32_t> slots_;  ///< per sentence pair, target-major: the pair's index in keys_
    std::vector<double> t_;             ///< t(target | source), by index in keys_
};

std::map<std::size_t, std::pair<std::size_t, double>> trained_best_sources(
    const std::vector<std::pair<Sentence, Sentence>>& pairs, std::size_t iterations) {
    Model1 model(pairs);
    model.train(iterations);
    return model.best_sources();
}

Sentence with_null(Sentence sentence) {
    sentence.insert(sentence.begin(), NULL_WORD);
    return sentence;
}

}  // namespace

std::vector<TermPair> align_terms(const std::vector<ParallelSegment>& segments, const AlignmentOptions& options) {
    Vocabulary vocabulary;
    vocabulary.id("");  // NULL_WORD
    std::vector<std::pair<Sentence, Sentence>> pivot_to_foreign, foreign_to_pivot;
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> together;  ///< (foreign, pivot) -> segments
    for (const ParallelSegment& segment : segments) {
        if (segment.foreign.empty() || segment.pivot.empty()) continue;
        std::set<std::size_t> foreign, pivot;
        // Foreign and pivot terms share one vocabulary: a term spelled alike on both sides is one id.
        for (const auto& term : segment.foreign) foreign.insert(vocabulary.id(term));
        for (const auto& term : segment.pivot) pivot.insert(vocabulary.id(term));
        const Sentence f(foreign.begin(), foreign.end()), e(pivot.begin(), pivot.end());
        pivot_to_foreign.emplace_back(with_null(e), f);
        foreign_to_pivot.emplace_back(with_null(f), e);
        for (std::size_t a : f)
            for (std::size_t b : e) ++together[{a, b}];
    }
    // t(foreign | pivot) gives each foreign term its best pivot term; t(pivot | foreign) the reverse.
    const auto best_pivot = trained_best_sources(pivot_to_foreign, options.iterations);
    const auto best_foreign = trained_best_sources(foreign_to_pivot, options.iterations);

    std::vector<TermPair> out;
    for (const auto& [foreign, best] : best_pivot) {
        const auto [pivot, forward] = best;
        if (foreign == pivot) continue;
        auto back = best_foreign.find(pivot);
        if (back == best_foreign.end() || back->second.first != foreign) continue;
        const double probability = std::min(forward, back->second.second);
        auto shared = together.find({foreign, pivot});
        const std::size_t count = shared == together.end() ? 0 : shared->second;
        if (probability < options.min_probability || count < options.min_segments) continue;
        out.push_back({vocabulary.term(foreign), vocabulary.term(pivot), probability, count});
    }
    std::sort(out.begin(), out.end(), [](const TermPair& a, const TermPair& b) { return a.foreign < b.foreign; });
    return out;
}

}  // namespace anticipa::gaps
