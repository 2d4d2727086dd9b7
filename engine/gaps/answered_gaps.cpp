#include "gaps/answered_gaps.h"

#include "article/article.h"
#include "common/locale_tag.h"

#include <map>
#include <optional>
#include <tuple>

namespace anticipa::gaps {

namespace {

struct Finding {
    GapKind gap = GapKind::NONE;
    std::string article;  ///< "single-sign-on (pt)"
};

/// The best article all of `query`'s words find in `locale` for `tier`, if any.
std::optional<search::SearchHit> every_word_hit(search::SearchService& search, const std::string& query,
                                                const std::string& locale, const std::string& tier) {
    search::SearchRequest request;
    request.query = query;
    request.locale = locale;
    request.tier = tier;
    request.limit = 1;
    request.fallback_to_default = false;
    request.with_snippets = false;
    request.prefix_last_word = false;
    request.every_word = true;
    search::SearchResponse response = search.search(request);
    if (response.hits.empty()) return std::nullopt;
    return std::move(response.hits.front());
}

/// True when some locale of `language` has the article, whoever may read it.
bool exists_in_language(search::SearchService& search, const std::vector<std::string>& locales,
                        const std::string& language, const std::string& id) {
    for (const std::string& locale : locales)
        if (language_of(locale) == language && search.article(locale, id, article::highest_tier())) return true;
    return false;
}

Finding check(search::SearchService& search, const std::vector<std::string>& locales, const Interaction& asked) {
    const std::string tier = asked.tier.empty() ? article::lowest_tier() : asked.tier;
    // Above the tier: the customer's own locale, as a reader who sees everything.
    if (tier != article::highest_tier())
        if (auto hit = every_word_hit(search, asked.query, asked.locale, article::highest_tier()))
            if (!search.article(hit->locale, hit->id, tier))
                return {GapKind::ENTITLEMENT, hit->id + " (" + hit->locale + ")"};
    // Only in another language: an article the customer may read, missing from their language.
    const std::string language = language_of(asked.locale);
    for (const std::string& locale : locales) {
        if (language_of(locale) == language) continue;
        if (auto hit = every_word_hit(search, asked.query, locale, tier))
            if (!exists_in_language(search, locales, language, hit->id))
                return {GapKind::TRANSLATION, hit->id + " (" + hit->locale + ")"};
    }
    return {};
}

}  // namespace

void find_gaps_behind_results(std::vector<Interaction>& interactions, search::SearchService& search) {
    const std::vector<std::string> locales = search.status().locales;
    std::map<std::tuple<std::string, std::string, std::string>, Finding> found;  ///< (locale, tier, query)
    for (Interaction& interaction : interactions) {
        if (!asks_question(interaction) || !is_unresolved(interaction.outcome) || interaction.results == 0 ||
            interaction.gap != GapKind::NONE || interaction.query.empty())
            continue;
        auto [slot, fresh] = found.try_emplace({interaction.locale, interaction.tier, interaction.query});
        if (fresh) slot->second = check(search, locales, interaction);
        interaction.gap = slot->second.gap;
        interaction.would_answer = slot->second.article;
    }
}

}  // namespace anticipa::gaps
