// Server: search results as JSON, the one shape the API and `anticipa search --json` share.
#pragma once

#include "search/search_types.h"

#include <nlohmann/json.hpp>

namespace anticipa::server {

/// {"query", "locale", "fallback", "did_you_mean", "total", "results": [{"id", "locale", "title",
///  "section", "anchor", "link", "score", "snippet", "highlights", "snippet_html"}]}
nlohmann::json search_json(const search::SearchResponse& response, const std::string& query);

}  // namespace anticipa::server
