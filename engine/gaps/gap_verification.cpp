// Gaps stage, step 5: published articles that name a gap -> the logged phrasings of that gap
// replayed through the current index. A phrasing fails when the article is not among the first
// `depth` hits, in the article's own locale.
//
// A gap key the log does not know yields a check with no phrasings and nothing failing: the log
// keeps only its retention period, so an old closed gap must not turn CI red on its own one day.
// The caller shows `phrasings == 0` as "not checked" (a mistyped key shows up the same way).
#include "gaps/gap_verification.h"

#include "article/article.h"
#include "article/article_loader.h"
#include "common/locale_tag.h"

#include <algorithm>
#include <set>

namespace anticipa::gaps {

namespace {

const QuestionGroup* find_group(const std::vector<QuestionGroup>& logged, const std::string& key) {
    auto found = std::find_if(logged.begin(), logged.end(), [&](const QuestionGroup& g) { return g.key == key; });
    return found == logged.end() ? nullptr : &*found;
}

/// The group's phrasings asked in the article's language ("pt-BR" customers are answered by a
/// "pt" article), each text once; all of them when none was asked in that language.
std::vector<std::string> phrasings_to_replay(const QuestionGroup& group, const std::string& article_locale) {
    const std::string language = language_of(article_locale);
    std::vector<std::string> same_language, all;
    std::set<std::string> seen_same, seen_all;
    for (const auto& phrasing : group.phrasings) {
        if (phrasing.text.empty()) continue;
        if (seen_all.insert(phrasing.text).second) all.push_back(phrasing.text);
        if (language_of(phrasing.locale) == language && seen_same.insert(phrasing.text).second)
            same_language.push_back(phrasing.text);
    }
    return same_language.empty() ? all : same_language;
}

/// True when the article itself, not its translation in a fallback locale, ranks within `depth`.
bool article_ranks(search::SearchService& search, const std::string& query, const article::Article& article,
                   std::size_t depth) {
    search::SearchRequest request;
    request.query = query;
    request.locale = article.meta.locale;
    request.tier = article::highest_tier();  // replaying checks the ranking, not entitlements
    request.limit = std::max<std::size_t>(depth, 1);
    request.fallback_to_default = false;  // a hit in English says nothing about the Portuguese article
    request.with_snippets = false;
    const search::SearchResponse response = search.search(request);
    return std::any_of(response.hits.begin(), response.hits.end(), [&](const search::SearchHit& hit) {
        return hit.id == article.meta.id && hit.locale == article.meta.locale;
    });
}

}  // namespace

std::vector<GapCheck> verify_closed_gaps(const std::vector<QuestionGroup>& logged, search::SearchService& search,
                                         const VerifyOptions& options) {
    article::LoadOptions load;
    load.root = options.articles_dir;
    std::vector<GapCheck> checks;
    for (const auto& file : article::load_articles(load).files) {
        if (!file.article || file.article->meta.draft || file.article->meta.gap.empty()) continue;
        const article::Article& article = *file.article;
        GapCheck check;
        check.gap_key = article.meta.gap;
        check.article_id = article.meta.id;
        check.locale = article.meta.locale;
        if (const QuestionGroup* group = find_group(logged, article.meta.gap)) {
            for (const auto& phrasing : phrasings_to_replay(*group, article.meta.locale)) {
                ++check.phrasings;
                if (!article_ranks(search, phrasing, article, options.depth)) check.failing.push_back(phrasing);
            }
        }
        checks.push_back(std::move(check));
    }
    return checks;
}

}  // namespace anticipa::gaps
