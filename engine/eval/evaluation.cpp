#include "eval/evaluation.h"

#include "index/indexer.h"
#include "search/searcher.h"

#include <chrono>
#include <cstdio>

namespace anticipa::eval {

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

Evaluation evaluate(const EvaluationOptions& options, const JudgedCollection& collection,
                    analysis::AnalyzerSet& analyzers) {
    Evaluation evaluation;
    auto started = std::chrono::steady_clock::now();
    index::IndexOptions index_options;
    index_options.index_dir = options.index_dir;
    index_options.load.root = options.docs;
    index_options.load.layout = article::Layout::FLAT;
    index_options.load.max_article_bytes = 4 * 1024 * 1024;  // judged paragraphs can be long
    index::IndexSummary summary = index::index_articles(index_options, analyzers);
    evaluation.documents = summary.added + summary.updated + summary.unchanged;
    evaluation.index_seconds = seconds_since(started);

    search::Searcher searcher({options.index_dir, "en", options.ranking}, analyzers);
    started = std::chrono::steady_clock::now();
    for (const JudgedQuery& query : collection.queries) {
        auto judged = collection.qrels.find(query.id);
        if (judged == collection.qrels.end()) continue;
        bool any_relevant = false;
        for (const auto& [doc, grade] : judged->second) any_relevant |= grade > 0;
        if (!any_relevant) continue;

        // Asked as /api/v1/search asks it (the widget sends it when the customer pauses, so the
        // last word counts as possibly unfinished), so the figures are the customers' and the
        // HTTP check can expect the same ranking. Judgments are monolingual: the query's own
        // locale only, no fallback to the default one.
        search::SearchRequest request;
        request.query = query.text;
        request.locale = query.locale;
        request.limit = options.depth;
        request.fallback_to_default = false;
        request.with_snippets = false;
        search::SearchResponse response = searcher.search(request);

        std::vector<std::string> ranking;
        for (const auto& hit : response.hits) {
            ranking.push_back(hit.id);
            char line[512];
            std::snprintf(line, sizeof line, "%s Q0 %s %zu %.6f anticipa", query.id.c_str(), hit.id.c_str(),
                          ranking.size(), hit.score);
            evaluation.run.emplace_back(line);
        }
        QueryScores scores = score_ranking(ranking, judged->second);
        evaluation.by_locale[query.locale].add(scores);
        evaluation.overall.add(scores);
    }
    evaluation.query_seconds = seconds_since(started);
    for (auto& [locale, scores] : evaluation.by_locale) scores.finish();
    evaluation.overall.finish();
    return evaluation;
}

}  // namespace anticipa::eval
