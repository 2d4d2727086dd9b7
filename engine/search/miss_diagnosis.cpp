#include "search/miss_diagnosis.h"

#include "article/article.h"
#include "common/locale_tag.h"

namespace anticipa::search {

namespace {

SearchRequest counting_only(SearchRequest request) {
    request.offset = 0;
    request.limit = 1;
    request.fallback_to_default = false;  // the default locale is counted as one of the others
    request.with_snippets = false;
    request.include_drafts = false;
    request.prefix_last_word = false;
    // Only what all the customer's own words find: one word in common with a Spanish article, or
    // a spelling correction, is not "the answer exists in Spanish".
    request.every_word = true;
    return request;
}

}  // namespace

MissDiagnosis diagnose_miss(SearchService& search, const SearchRequest& asked) {
    MissDiagnosis diagnosis;
    if (asked.tier != article::highest_tier()) {
        SearchRequest untiered = counting_only(asked);
        untiered.tier = article::highest_tier();
        diagnosis.any_tier = search.search(untiered).total;
    }
    const std::string language = language_of(asked.locale);
    for (const std::string& locale : search.status().locales) {
        if (language_of(locale) == language) continue;  // its regions were searched already
        SearchRequest elsewhere = counting_only(asked);
        elsewhere.locale = locale;
        diagnosis.other_locales += search.search(elsewhere).total;
    }
    return diagnosis;
}

}  // namespace anticipa::search
