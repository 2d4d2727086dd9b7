// Eval stage: a judged collection -> a fresh index of its documents -> every query searched in
// its own locale -> rankings scored per locale and overall.
#pragma once

#include "analysis/analyzer_set.h"
#include "eval/judged_collection.h"
#include "eval/relevance_metrics.h"
#include "search/ranking_options.h"

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace anticipa::eval {

struct EvaluationOptions {
    std::filesystem::path docs;       ///< folder of *.md with id, title and locale in front matter
    std::filesystem::path index_dir;  ///< where the collection is indexed (a scratch folder)
    std::size_t depth = 100;          ///< results kept per query
    search::RankingOptions ranking;   ///< the ranking measured (defaults: the product's)
};

struct Evaluation {
    std::map<std::string, MeanScores> by_locale;
    MeanScores overall;
    std::size_t documents = 0;
    double index_seconds = 0;
    double query_seconds = 0;
    /// TREC run lines (qid Q0 docid rank score tag), for shared/eval/metrics.py.
    std::vector<std::string> run;
};

/// Indexes the documents with the real indexer and scores every judged query.
Evaluation evaluate(const EvaluationOptions& options, const JudgedCollection& collection,
                    analysis::AnalyzerSet& analyzers);

}  // namespace anticipa::eval
