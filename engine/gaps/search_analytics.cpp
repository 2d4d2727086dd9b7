#include "gaps/search_analytics.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace anticipa::gaps {

namespace {

void count(SearchFigures& figures, const Interaction& interaction) {
    ++figures.searches;
    if (interaction.results == 0) {
        ++figures.no_results;
        return;  // a click without results (a stale page) is not a click-through of this search
    }
    ++figures.with_results;
    if (!interaction.clicked.empty()) ++figures.clicked;
    for (int rank : interaction.click_ranks)
        if (rank > 0) {
            ++figures.clicks;
            figures.click_position_sum += std::size_t(rank);
        }
}

std::vector<LocaleSearches> by_locale(const std::vector<const Interaction*>& searches) {
    std::map<std::string, SearchFigures> locales;
    for (const Interaction* interaction : searches) count(locales[interaction->locale], *interaction);
    std::vector<LocaleSearches> out;
    for (auto& [locale, figures] : locales) out.push_back({locale, figures});
    std::stable_sort(out.begin(), out.end(), [](const LocaleSearches& a, const LocaleSearches& b) {
        return a.figures.searches > b.figures.searches;
    });
    return out;
}

std::vector<ClickedArticle> top_clicked(const std::vector<const Interaction*>& searches, std::size_t top) {
    std::map<std::string, ClickedArticle> articles;
    for (const Interaction* interaction : searches) {
        std::map<std::string, bool> seen;
        for (std::size_t i = 0; i < interaction->clicked.size(); ++i) {
            ClickedArticle& article = articles[interaction->clicked[i]];
            article.article_id = interaction->clicked[i];
            ++article.clicks;
            if (!seen[article.article_id]) ++article.searches;
            seen[article.article_id] = true;
            const int rank = i < interaction->click_ranks.size() ? interaction->click_ranks[i] : 0;
            if (rank > 0) {
                ++article.positioned_clicks;
                article.click_position_sum += std::size_t(rank);
            }
        }
    }
    std::vector<ClickedArticle> out;
    for (auto& [id, article] : articles) out.push_back(std::move(article));
    std::stable_sort(out.begin(), out.end(),
                     [](const ClickedArticle& a, const ClickedArticle& b) { return a.clicks > b.clicks; });
    if (out.size() > top) out.resize(top);
    return out;
}

/// "reset  Password" and "reset password" are one phrasing; the first spelling seen is shown.
std::vector<NoResultPhrasing> no_result_phrasings(const std::vector<const Interaction*>& searches, std::size_t top) {
    std::map<std::pair<std::string, std::string>, NoResultPhrasing> phrasings;
    for (const Interaction* interaction : searches) {
        if (interaction->results > 0) continue;
        PhrasingText text = phrasing_of(interaction->query);
        auto [slot, fresh] = phrasings.try_emplace({interaction->locale, std::move(text.folded)});
        if (fresh) slot->second = {std::move(text.shown), interaction->locale, 0};
        ++slot->second.searches;
    }
    std::vector<NoResultPhrasing> out;
    for (auto& [key, phrasing] : phrasings) out.push_back(std::move(phrasing));
    std::stable_sort(out.begin(), out.end(),
                     [](const NoResultPhrasing& a, const NoResultPhrasing& b) { return a.searches > b.searches; });
    if (out.size() > top) out.resize(top);
    return out;
}

}  // namespace

SearchAnalytics analyse_searches(const std::vector<const Interaction*>& interactions, std::size_t top) {
    std::vector<const Interaction*> searches;
    for (const Interaction* interaction : interactions)
        if (asks_question(*interaction)) searches.push_back(interaction);
    SearchAnalytics analytics;
    for (const Interaction* interaction : searches) count(analytics.overall, *interaction);
    analytics.locales = by_locale(searches);
    analytics.top_clicked = top_clicked(searches, top);
    analytics.no_results = no_result_phrasings(searches, top);
    return analytics;
}

}  // namespace anticipa::gaps
