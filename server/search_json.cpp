#include "search_json.h"

#include "search/snippet.h"

namespace anticipa::server {

nlohmann::json search_json(const search::SearchResponse& response, const std::string& query) {
    nlohmann::json hits = nlohmann::json::array();
    for (const auto& hit : response.hits) {
        nlohmann::json highlights = nlohmann::json::array();
        for (auto [from, to] : hit.snippet.highlights) highlights.push_back({from, to});
        hits.push_back({{"id", hit.id},
                        {"locale", hit.locale},
                        {"title", hit.title},
                        {"section", hit.heading},
                        {"anchor", hit.anchor},
                        {"link", hit.link},
                        {"score", hit.score},
                        {"snippet", hit.snippet.text},
                        {"highlights", highlights},
                        {"snippet_html", search::snippet_html(hit.snippet)}});
    }
    return {{"query", query},
            {"locale", response.locale},
            {"fallback", response.fallback},
            {"did_you_mean", response.did_you_mean},
            {"showing_results_for", response.showing_results_for},
            {"search_instead_for", response.search_instead_for},
            {"total", response.total},
            {"results", hits}};
}

}  // namespace anticipa::server
