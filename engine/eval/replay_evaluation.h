// Eval stage: a judged collection -> its queries split into a past and a future half -> the past
// half asked by simulated customers (click_simulation.h) into a real events store -> learned
// phrasings (learn/) indexed by the real indexer -> the future half scored without and with them.
// The future half's queries are never learned from: learning must carry over from past phrasings
// to different future ones, as it must for customers.
#pragma once

#include "analysis/analyzer_set.h"
#include "eval/click_simulation.h"
#include "eval/judged_collection.h"
#include "eval/relevance_metrics.h"
#include "learn/phrasing_learner.h"
#include "search/ranking_options.h"

#include <filesystem>
#include <string>

namespace anticipa::eval {

struct ReplayOptions {
    std::filesystem::path docs;      ///< folder of *.md with id, title and locale in front matter
    std::filesystem::path work_dir;  ///< a scratch folder: the index and the events stores
    search::RankingOptions ranking;
    ClickModel clicks;
    learn::LearningOptions learning;
};

/// What one learning run did.
struct LearnedRun {
    std::size_t clicks = 0;     ///< simulated clicks recorded
    std::size_t articles = 0;   ///< articles indexed with learned phrasings
    std::size_t phrasings = 0;  ///< learned phrasings indexed, over all articles
    MeanScores future;          ///< the future half's scores with them
};

struct ReplayResult {
    std::size_t past_queries = 0;
    MeanScores without;  ///< the future half, no learned phrasings (as `anticipa eval` scores it)
    LearnedRun with;     ///< learned from customers who click by relevance
    LearnedRun noise;    ///< learned from customers who click at random
};

/// The half a query falls in, by a fixed hash of its id: the same split on every machine and run.
bool in_future_half(const std::string& query_id);

/// Runs the replay evaluation of one collection (see the header comment).
ReplayResult evaluate_replay(const ReplayOptions& options, const JudgedCollection& collection,
                             analysis::AnalyzerSet& analyzers);

}  // namespace anticipa::eval
