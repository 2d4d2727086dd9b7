// Gaps stage, step 2b: interactions -> search analytics, the figures Zendesk's and Algolia's
// search dashboards show beside the gaps: volume, click-through rate and average click position
// (overall and per locale), the most-clicked articles and the searches that found nothing. Kept
// apart from the question grouping: these count searches and phrasings, not questions.
#pragma once

#include "gaps/interaction.h"

#include <cstddef>
#include <string>
#include <vector>

namespace anticipa::gaps {

/// Counts over a set of searches (interactions that ask a question; a typing session is one).
struct SearchFigures {
    std::size_t searches = 0;
    std::size_t with_results = 0;  ///< at least one article shown
    std::size_t no_results = 0;
    std::size_t clicked = 0;  ///< searches with results in which an article was opened
    std::size_t clicks = 0;   ///< clicks whose position is known
    std::size_t click_position_sum = 0;

    /// Searches with a click over searches with results: a search that showed nothing could not be clicked.
    double click_through_rate() const { return with_results ? double(clicked) / double(with_results) : 0.0; }
    /// Mean 1-based position of every click in its result list; 0 without clicks.
    double average_click_position() const { return clicks ? double(click_position_sum) / double(clicks) : 0.0; }
};

struct LocaleSearches {
    std::string locale;
    SearchFigures figures;
};

struct ClickedArticle {
    std::string article_id;
    std::size_t clicks = 0;
    std::size_t searches = 0;  ///< searches it was opened from
    std::size_t click_position_sum = 0, positioned_clicks = 0;
    double average_position() const {
        return positioned_clicks ? double(click_position_sum) / double(positioned_clicks) : 0.0;
    }
};

/// One way a search that found nothing was typed, as customers of `locale` typed it.
struct NoResultPhrasing {
    std::string text;
    std::string locale;
    std::size_t searches = 0;
};

struct SearchAnalytics {
    SearchFigures overall;
    std::vector<LocaleSearches> locales;       ///< most searches first
    std::vector<ClickedArticle> top_clicked;   ///< most clicks first
    std::vector<NoResultPhrasing> no_results;  ///< most searches first
};

/// The analytics of `interactions` (already filtered to the report's locale and tier); lists
/// keep `top` entries (locales are all kept).
SearchAnalytics analyse_searches(const std::vector<const Interaction*>& interactions, std::size_t top);

}  // namespace anticipa::gaps
