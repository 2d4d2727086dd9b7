// Eval stage: the measures against shared/eval/metrics.py. The expected lines are that script's
// output on this tiny run (qrels and TREC run below, written to files and scored with
// `metrics.py --qrels qrels.tsv --run run.txt --json --per-query pq.tsv`): its per-query TSV
// prints four decimals, its JSON the means in full.
#include "eval/relevance_metrics.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

using namespace anticipa;

namespace {

/// One query's scores as metrics.py's per-query TSV prints them.
std::string line_of(const eval::QueryScores& s) {
    char line[160];
    std::snprintf(line, sizeof line, "nDCG@10=%.4f MRR@10=%.4f R@10=%.4f R@100=%.4f P@1=%.4f", s.ndcg10, s.mrr10,
                  s.recall10, s.recall100, s.precision1);
    return line;
}

std::vector<std::string> unjudged(int count) {
    std::vector<std::string> ids;
    for (int i = 0; i < count; ++i) ids.push_back("x" + std::to_string(i));
    return ids;
}

}  // namespace

TEST_CASE("Relevance metrics: agree with shared/eval/metrics.py on a tiny run", "[eval][unit]") {
    struct Case {
        const char* query;
        std::vector<std::string> ranking;
        std::map<std::string, int> judgments;
        const char* expected;
    };
    std::vector<std::string> deep = unjudged(10);  // the relevant one only at rank 11
    deep.push_back("d5");
    const std::vector<Case> cases{
        // graded gains, an unjudged and a judged-irrelevant document above them, a repeat dropped
        {"q1",
         {"d3", "d1", "d4", "d1", "d2"},
         {{"d1", 2}, {"d2", 1}, {"d3", 0}},
         "nDCG@10=0.6433 MRR@10=0.5000 R@10=1.0000 R@100=1.0000 P@1=0.0000"},
        {"q2", deep, {{"d5", 1}}, "nDCG@10=0.0000 MRR@10=0.0000 R@10=0.0000 R@100=1.0000 P@1=0.0000"},
        {"q3",
         {"d9", "x1", "x2", "x3", "d8", "d7"},
         {{"d7", 1}, {"d8", 1}, {"d9", 3}},
         "nDCG@10=0.9061 MRR@10=1.0000 R@10=1.0000 R@100=1.0000 P@1=1.0000"},
    };
    eval::MeanScores all;
    for (const auto& c : cases) {
        CAPTURE(c.query);
        const eval::QueryScores scores = eval::score_ranking(c.ranking, c.judgments);
        CHECK(line_of(scores) == c.expected);
        all.add(scores);
    }
    all.finish();
    CHECK(all.queries == 3);
    CHECK(all.mean.ndcg10 == Approx(0.5164761166676907).epsilon(1e-12));
    CHECK(all.mean.mrr10 == Approx(0.5).epsilon(1e-12));
    CHECK(all.mean.recall10 == Approx(0.6666666666666666).epsilon(1e-12));
    CHECK(all.mean.recall100 == Approx(1.0).epsilon(1e-12));
    CHECK(all.mean.precision1 == Approx(0.3333333333333333).epsilon(1e-12));
}

TEST_CASE("Relevance metrics: a query without a relevant judgment scores nothing", "[eval][unit]") {
    CHECK(line_of(eval::score_ranking({"d1", "d2"}, {{"d1", 0}})) ==
          "nDCG@10=0.0000 MRR@10=0.0000 R@10=0.0000 R@100=0.0000 P@1=0.0000");
    CHECK(line_of(eval::score_ranking({}, {{"d1", 1}})) ==
          "nDCG@10=0.0000 MRR@10=0.0000 R@10=0.0000 R@100=0.0000 P@1=0.0000");
}
