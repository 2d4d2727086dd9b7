// Eval stage: a judged collection -> a fresh index of its documents -> every query searched in
// its own locale -> rankings scored per locale and overall.
#pragma once

#include "analysis/analyzer_set.h"
#include "eval/judged_collection.h"
#include "eval/relevance_metrics.h"
#include "index/indexer.h"
#include "search/ranking_options.h"
#include "search/searcher.h"

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

/// Indexes a collection's documents (flat folder, locale from the front matter) with the real
/// indexer, with the learned phrasings given (none when unset).
index::IndexSummary index_collection(const std::filesystem::path& docs, const std::filesystem::path& index_dir,
                                     analysis::AnalyzerSet& analyzers, const index::LearnedPhrasingsOf& learned = {});

/// True when the query has a judged document with a grade above 0: only those are scored.
bool has_relevant(const JudgedCollection& collection, const std::string& query_id);

/// The judged query asked as /api/v1/search asks it, in its own locale only.
search::SearchResponse ask(search::Searcher& searcher, const JudgedQuery& query, std::size_t depth);

/// The article ids of a response, best first.
std::vector<std::string> ids_of(const search::SearchResponse& response);

/// Indexes the documents with the real indexer and scores every judged query.
Evaluation evaluate(const EvaluationOptions& options, const JudgedCollection& collection,
                    analysis::AnalyzerSet& analyzers);

}  // namespace anticipa::eval
