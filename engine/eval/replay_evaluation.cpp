#include "eval/replay_evaluation.h"

#include "common/content_hash.h"
#include "eval/evaluation.h"
#include "events/event_store.h"

#include <optional>

namespace anticipa::eval {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t DEPTH = 100;

MeanScores score_future(search::Searcher& searcher, const JudgedCollection& collection) {
    MeanScores scores;
    for (const JudgedQuery& query : collection.queries) {
        if (!in_future_half(query.id) || !has_relevant(collection, query.id)) continue;
        scores.add(score_ranking(ids_of(ask(searcher, query, DEPTH)), collection.qrels.at(query.id)));
    }
    scores.finish();
    return scores;
}

/// The past half asked by simulated customers, each shown the ranking without learning.
std::size_t simulate_past(search::Searcher& searcher, const JudgedCollection& collection, const ClickModel& model,
                          const fs::path& events) {
    events::SqliteEventStore store({.path = events});
    ClickSimulation simulation(model, store);
    for (const JudgedQuery& query : collection.queries) {
        if (in_future_half(query.id) || !has_relevant(collection, query.id)) continue;
        simulation.ask(query, ids_of(ask(searcher, query, DEPTH)), collection.qrels.at(query.id));
    }
    store.flush();
    return simulation.clicks();
}

/// Learns from one events store, indexes what it learned, scores the future half.
LearnedRun learn_and_score(const ReplayOptions& options, const JudgedCollection& collection,
                           analysis::AnalyzerSet& analyzers, const fs::path& events, std::size_t clicks) {
    LearnedRun run;
    run.clicks = clicks;
    learn::LearningOptions learning = options.learning;
    learning.now = std::chrono::system_clock::now();  // after the simulated customers' searches
    const learn::PhrasingLearner learner = learn::learn_from_events(events, learning);
    index_collection(options.docs, options.work_dir / "index", analyzers,
                     [&](const std::string& locale, const std::string& id, const std::vector<std::string>& tiers) {
                         std::vector<std::string> texts = learner.texts_for(locale, id, tiers);
                         if (!texts.empty()) ++run.articles;
                         run.phrasings += texts.size();
                         return texts;
                     });
    search::Searcher searcher({options.work_dir / "index", "en", options.ranking}, analyzers);
    run.future = score_future(searcher, collection);
    return run;
}

}  // namespace

bool in_future_half(const std::string& query_id) {
    return std::stoull(content_hash(query_id), nullptr, 16) % 2 == 1;
}

ReplayResult evaluate_replay(const ReplayOptions& options, const JudgedCollection& collection,
                             analysis::AnalyzerSet& analyzers) {
    ReplayResult result;
    for (const JudgedQuery& query : collection.queries)
        if (!in_future_half(query.id) && has_relevant(collection, query.id)) ++result.past_queries;

    index_collection(options.docs, options.work_dir / "index", analyzers);
    const fs::path relevant_events = options.work_dir / "events.db";
    const fs::path noise_events = options.work_dir / "noise-events.db";
    std::size_t relevant_clicks = 0, noise_clicks = 0;
    {
        search::Searcher searcher({options.work_dir / "index", "en", options.ranking}, analyzers);
        result.without = score_future(searcher, collection);
        relevant_clicks = simulate_past(searcher, collection, options.clicks, relevant_events);
        ClickModel noise = options.clicks;
        noise.noise_only = true;
        noise_clicks = simulate_past(searcher, collection, noise, noise_events);
    }
    result.with = learn_and_score(options, collection, analyzers, relevant_events, relevant_clicks);
    result.noise = learn_and_score(options, collection, analyzers, noise_events, noise_clicks);
    return result;
}

}  // namespace anticipa::eval
