// Gaps stage, step 3 (HTML): the search analytics sections, beside the gaps: the figures Zendesk
// and Algolia put on a search dashboard. Customer text (no-result searches) goes through escape_html.
#include "gaps/report_html_parts.h"

#include <cstdio>

namespace anticipa::gaps::html {

namespace {

/// 1.6 -> "1.60"; "–" without clicks, where 0 would read as a position.
std::string position(double value) {
    if (value == 0) return "–";
    char text[16];
    std::snprintf(text, sizeof text, "%.2f", value);
    return text;
}

std::string figures_cards(const SearchFigures& all) {
    auto card = [](const std::string& title, const std::string& value, const std::string& detail) {
        return "<div class=\"card\"><div class=\"card-title\">" + title + "</div><div class=\"card-value\">" + value +
               "</div><div class=\"card-detail\">" + detail + "</div></div>";
    };
    return "<div class=\"cards\">" +
           card("Click-through rate", percent(ratio(all.clicked, all.with_results)),
                grouped(all.clicked) + " of " + grouped(all.with_results) + " searches with results") +
           card("Average click position", position(all.average_click_position()),
                grouped(all.clicks) + " clicks; 1 is the top result") +
           card("Without results", grouped(all.no_results),
                percent(ratio(all.no_results, all.searches)) + " of " + grouped(all.searches) + " searches") +
           "</div>";
}

std::string locales_table(const SearchAnalytics& analytics) {
    if (analytics.locales.empty()) return NOTHING;
    std::vector<std::vector<std::string>> rows;
    for (const LocaleSearches& locale : analytics.locales) {
        const SearchFigures& f = locale.figures;
        rows.push_back({escape_html(locale.locale), number_cell(f.searches),
                        percent(ratio(f.searches, analytics.overall.searches)), number_cell(f.no_results),
                        percent(ratio(f.clicked, f.with_results)), position(f.average_click_position())});
    }
    return table({"Locale", "Searches", "Share", "No results", "Click-through", "Avg click position"}, rows);
}

std::string clicked_table(const SearchAnalytics& analytics) {
    if (analytics.top_clicked.empty()) return NOTHING;
    std::vector<std::vector<std::string>> rows;
    for (const ClickedArticle& article : analytics.top_clicked)
        rows.push_back({"<code>" + escape_html(article.article_id) + "</code>", number_cell(article.clicks),
                        number_cell(article.searches), position(article.average_position())});
    return table({"Article", "Clicks", "Searches", "Avg position"}, rows);
}

std::string no_results_table(const SearchAnalytics& analytics) {
    if (analytics.no_results.empty()) return NOTHING;
    std::vector<std::vector<std::string>> rows;
    for (const NoResultPhrasing& phrasing : analytics.no_results)
        rows.push_back({escape_html(phrasing.text), "<span class=\"chip\">" + escape_html(phrasing.locale) + "</span>",
                        number_cell(phrasing.searches)});
    return table({"Search", "Locale", "Searches"}, rows);
}

}  // namespace

std::string analytics_sections(const GapsReport& report) {
    const SearchAnalytics& analytics = report.analytics;
    std::string html = section_open("analytics", "Search analytics",
                                    "How often customers opened a result, and how far down the list they found it.");
    html += figures_cards(analytics.overall);
    html += "<h3 id=\"locales\">Searches by locale</h3>" + locales_table(analytics);
    html += "<h3 id=\"top-clicked\">Most-clicked articles</h3>" + clicked_table(analytics) + "</section>";
    html += section_open("no-results", "Searches without results",
                         "As customers typed them, most frequent first: the words the articles lack.");
    return html + no_results_table(analytics) + "</section>";
}

}  // namespace anticipa::gaps::html
