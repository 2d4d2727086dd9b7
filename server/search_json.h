// Server: search results as JSON, the one shape the API and `anticipa search --json` share.
#pragma once

#include "search/search_types.h"

#include <string>

namespace anticipa::server {

/// {"did_you_mean", "fallback", "locale", "query", "results": [{"anchor", "highlights", "id",
///  "link", "locale", "score", "section", "snippet", "snippet_html", "title"}],
///  "search_instead_for", "showing_results_for", "total"}, as JSON text.
/// Written directly, without a JSON document: on a search the cache has not seen, building and
/// serialising a document was a fifth of the request's instructions outside the search itself.
std::string search_json(const search::SearchResponse& response, const std::string& query);

}  // namespace anticipa::server
