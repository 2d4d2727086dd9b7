#include "eval/relevance_metrics.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

namespace anticipa::eval {

QueryScores score_ranking(const std::vector<std::string>& ranking, const std::map<std::string, int>& judgments) {
    std::vector<std::string> unique;
    std::set<std::string> seen;
    for (const auto& id : ranking)
        if (seen.insert(id).second) unique.push_back(id);

    std::vector<int> ideal;
    for (const auto& [id, grade] : judgments)
        if (grade > 0) ideal.push_back(grade);
    QueryScores scores;
    if (ideal.empty()) return scores;
    std::sort(ideal.begin(), ideal.end(), std::greater<>());

    auto grade_of = [&](const std::string& id) {
        auto it = judgments.find(id);
        return it == judgments.end() ? 0 : std::max(it->second, 0);
    };
    double dcg = 0, idcg = 0;
    std::size_t hits10 = 0, hits100 = 0;
    for (std::size_t i = 0; i < unique.size() && i < 100; ++i) {
        int grade = grade_of(unique[i]);
        if (grade <= 0) continue;
        ++hits100;
        if (i >= 10) continue;
        ++hits10;
        dcg += grade / std::log2(static_cast<double>(i) + 2);
        if (scores.mrr10 == 0) scores.mrr10 = 1.0 / static_cast<double>(i + 1);
    }
    for (std::size_t i = 0; i < ideal.size() && i < 10; ++i) idcg += ideal[i] / std::log2(static_cast<double>(i) + 2);
    scores.ndcg10 = idcg > 0 ? dcg / idcg : 0;
    scores.recall10 = static_cast<double>(hits10) / static_cast<double>(ideal.size());
    scores.recall100 = static_cast<double>(hits100) / static_cast<double>(ideal.size());
    scores.precision1 = !unique.empty() && grade_of(unique[0]) > 0 ? 1 : 0;
    return scores;
}

void MeanScores::add(const QueryScores& s) {
    ++queries;
    mean.ndcg10 += s.ndcg10;
    mean.mrr10 += s.mrr10;
    mean.recall10 += s.recall10;
    mean.recall100 += s.recall100;
    mean.precision1 += s.precision1;
}

void MeanScores::finish() {
    if (queries == 0) return;
    const auto n = static_cast<double>(queries);
    mean.ndcg10 /= n;
    mean.mrr10 /= n;
    mean.recall10 /= n;
    mean.recall100 /= n;
    mean.precision1 /= n;
}

}  // namespace anticipa::eval
