// Gaps stage, step 1b: unresolved searches that did show results -> checked the way a search
// without results is, at report time and never on the request path: do the customer's own words
// find an article above their tier (an entitlement gap) or only in another language (a
// translation gap)? The article that would have answered is kept for the writer.
#pragma once

#include "gaps/interaction.h"
#include "search/search_service.h"

#include <vector>

namespace anticipa::gaps {

/// Re-asks, once per distinct (locale, tier, query), each unresolved interaction that showed
/// results and has no gap kind yet: every word must match (search::SearchRequest::every_word),
/// first in the customer's locale as the highest tier, then in each other language's locale as
/// the customer's tier. Sets `gap` and `would_answer` where an article turns up that the customer
/// could not read. Interactions without results keep the diagnosis made when they were logged.
void find_gaps_behind_results(std::vector<Interaction>& interactions, search::SearchService& search);

}  // namespace anticipa::gaps
