#include "eval/evaluation.h"

#include <chrono>
#include <cstdio>

namespace anticipa::eval {

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

index::IndexSummary index_collection(const std::filesystem::path& docs, const std::filesystem::path& index_dir,
                                     analysis::AnalyzerSet& analyzers, const index::LearnedPhrasingsOf& learned) {
    index::IndexOptions index_options;
    index_options.index_dir = index_dir;
    index_options.load.root = docs;
    index_options.load.layout = article::Layout::FLAT;
    index_options.load.max_article_bytes = 4 * 1024 * 1024;  // judged paragraphs can be long
    index_options.learned = learned;
    return index::index_articles(index_options, analyzers);
}

bool has_relevant(const JudgedCollection& collection, const std::string& query_id) {
    auto judged = collection.qrels.find(query_id);
    if (judged == collection.qrels.end()) return false;
    for (const auto& [doc, grade] : judged->second)
        if (grade > 0) return true;
    return false;
}

search::SearchResponse ask(search::Searcher& searcher, const JudgedQuery& query, std::size_t depth) {
    // Asked as /api/v1/search asks it (the widget sends it when the customer pauses, so the
    // last word counts as possibly unfinished), so the figures are the customers' and the
    // HTTP check can expect the same ranking. Judgments are monolingual: the query's own
    // locale only, no fallback to the default one.
    search::SearchRequest request;
    request.query = query.text;
    request.locale = query.locale;
    request.limit = depth;
    request.fallback_to_default = false;
    request.with_snippets = false;
    return searcher.search(request);
}

std::vector<std::string> ids_of(const search::SearchResponse& response) {
    std::vector<std::string> ids;
    for (const auto& hit : response.hits) ids.push_back(hit.id);
    return ids;
}

Evaluation evaluate(const EvaluationOptions& options, const JudgedCollection& collection,
                    analysis::AnalyzerSet& analyzers) {
    Evaluation evaluation;
    auto started = std::chrono::steady_clock::now();
    index::IndexSummary summary = index_collection(options.docs, options.index_dir, analyzers);
    evaluation.documents = summary.added + summary.updated + summary.unchanged;
    evaluation.index_seconds = seconds_since(started);

    search::Searcher searcher({options.index_dir, "en", options.ranking}, analyzers);
    started = std::chrono::steady_clock::now();
    for (const JudgedQuery& query : collection.queries) {
        if (!has_relevant(collection, query.id)) continue;
        const search::SearchResponse response = ask(searcher, query, options.depth);
        for (std::size_t rank = 0; rank < response.hits.size(); ++rank) {
            char line[512];
            std::snprintf(line, sizeof line, "%s Q0 %s %zu %.6f anticipa", query.id.c_str(),
                          response.hits[rank].id.c_str(), rank + 1, response.hits[rank].score);
            evaluation.run.emplace_back(line);
        }
        QueryScores scores = score_ranking(ids_of(response), collection.qrels.at(query.id));
        evaluation.by_locale[query.locale].add(scores);
        evaluation.overall.add(scores);
    }
    evaluation.query_seconds = seconds_since(started);
    for (auto& [locale, scores] : evaluation.by_locale) scores.finish();
    evaluation.overall.finish();
    return evaluation;
}

}  // namespace anticipa::eval
