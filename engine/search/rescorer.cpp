#include "search/rescorer.h"

#include "index/schema.h"

#include <algorithm>
#include <set>

namespace anticipa::search {

std::vector<Candidate> candidates_of(const Xapian::MSet& first_phase) {
    std::vector<Candidate> candidates;
    candidates.reserve(first_phase.size());
    for (auto it = first_phase.begin(); it != first_phase.end(); ++it)
        candidates.push_back({*it, it.get_weight(), it.get_collapse_key()});
    return candidates;
}

std::size_t estimated_articles(const Xapian::MSet& first_phase, std::size_t distinct_articles) {
    const std::size_t sections = first_phase.size();
    if (sections == distinct_articles) return first_phase.get_matches_estimated();
    if (first_phase.get_matches_upper_bound() <= sections) return distinct_articles;  // every match in hand
    return static_cast<std::size_t>(static_cast<double>(first_phase.get_matches_estimated()) * distinct_articles /
                                    static_cast<double>(sections));
}

std::vector<Candidate> rescore(const Xapian::Database& db, const SecondPhase& features, double average_title_length,
                               const RankingOptions& ranking, std::vector<Candidate> candidates) {
    if (!features.empty() && !candidates.empty()) {
        // Posting lists only move forward: visit the candidates in docid order.
        std::sort(candidates.begin(), candidates.end(),
                  [](const Candidate& a, const Candidate& b) { return a.docid < b.docid; });
        TitleMatch titles(db, features.title_words, average_title_length, ranking.k1, ranking.title_b);
        std::vector<NearPair> pairs;
        const NearPair::Settings near{static_cast<Xapian::termpos>(ranking.proximity_window), ranking.proximity_weight,
                                      ranking.k1, ranking.b};
        for (const WordPair& words : features.near_pairs)
            if (NearPair pair(db, words, near); !pair.empty()) pairs.push_back(std::move(pair));
        LearnedMatch learned(db, features.learned_keys);
        // A share of the best first-phase weight: like the weak-tail cut, it means the same for
        // any collection and query length, and a close paraphrase can lift its article to the top.
        double best_first_phase = 0;
        for (const Candidate& candidate : candidates) best_first_phase = std::max(best_first_phase, candidate.weight);
        for (Candidate& candidate : candidates) {
            if (!titles.empty()) candidate.weight += titles.weight_of(candidate.docid);
            for (NearPair& pair : pairs) candidate.weight += pair.weight_of(candidate.docid);
            if (!learned.empty()) {
                const double similarity = learned.similarity_of(candidate.docid);
                if (similarity > ranking.learned_match_min)
                    candidate.weight += ranking.learned_match_weight * best_first_phase *
                                        (similarity - ranking.learned_match_min) / (1 - ranking.learned_match_min);
            }
        }
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        return a.weight != b.weight ? a.weight > b.weight : a.docid < b.docid;
    });
    // The first phase may keep several sections of an article (RankingOptions::sections_per_article);
    // the best after rescoring stands for it.
    std::set<std::string> seen;
    std::erase_if(candidates, [&](const Candidate& c) { return !c.article.empty() && !seen.insert(c.article).second; });
    return candidates;
}

void cut_weak_tail(std::vector<Candidate>& ranked, double share) {
    if (ranked.empty() || share <= 0) return;
    // A share of the best, not a fixed weight: BM25 weights depend on the collection and the
    // query's length, their ratio to the best does not.
    const double floor = ranked.front().weight * share;
    std::erase_if(ranked, [floor](const Candidate& c) { return c.weight < floor; });
}

}  // namespace anticipa::search
