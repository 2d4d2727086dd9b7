// Eval stage: rankings + judgments -> the measures of shared/eval/metrics.py (same definitions,
// so the two agree to the last digit).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace anticipa::eval {

struct QueryScores {
    double ndcg10 = 0, mrr10 = 0, recall10 = 0, recall100 = 0, precision1 = 0;
};

/// Scores one ranking (document ids, best first; repeats keep their first place) against the
/// query's judgments (grade > 0 is relevant; gain is the grade, discount 1/log2(rank + 1)).
QueryScores score_ranking(const std::vector<std::string>& ranking, const std::map<std::string, int>& judgments);

/// Means over queries.
struct MeanScores {
    std::size_t queries = 0;
    QueryScores mean;
    void add(const QueryScores& scores);
    void finish();
};

}  // namespace anticipa::eval
