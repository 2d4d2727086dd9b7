// Search stage: why a search found nothing. A support lead needs to know whether an article is
// missing (write it), exists only in another language (translate it), or exists above the
// customer's support tier (an entitlement question). Counted for the content plan only: nothing
// here is ever shown to the customer who asked.
#pragma once

#include "search/search_service.h"

namespace anticipa::search {

struct MissDiagnosis {
    std::size_t other_locales = 0;  ///< matching articles in the locales of other languages
    std::size_t any_tier = 0;       ///< matching articles in the asked locale before the tier filter
};

/// Re-asks a search that found nothing in every other language's locale (same tier) and without
/// the tier filter (same locale). Costs a few extra queries, and only for searches that missed.
MissDiagnosis diagnose_miss(SearchService& search, const SearchRequest& asked);

}  // namespace anticipa::search
