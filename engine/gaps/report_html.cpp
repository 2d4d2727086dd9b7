// Gaps stage, step 3 (HTML): the content plan as one self-contained page. Styles and charts are
// inline (SVG drawn here), so the page works from a file:// URL, offline, in a mail attachment
// and inside the server's admin page alike. Everything customers typed (queries, comments) and
// everything derived from it (group keys, labels) goes through escape_html.
#include "gaps/report_writers.h"

#include "article/article.h"
#include "common/html_escape.h"
#include "gaps/report_html_parts.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <string_view>

namespace anticipa::gaps {

namespace {

using namespace html;

// ---- charts -------------------------------------------------------------------------------

/// The smallest 1, 2 or 5 times a power of ten at or above `value`, so axis ticks are round.
std::size_t round_axis_max(std::size_t value) {
    std::size_t power = 1;
    while (true) {
        for (std::size_t step : {1, 2, 5})
            if (step * power >= value) return std::max<std::size_t>(step * power, 1);
        power *= 10;
    }
}

std::string fixed(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

constexpr int CHART_WIDTH = 720;
const char* SEARCH_COLOR = "#8fb3de";
const char* UNRESOLVED_COLOR = "#c2410c";

/// Daily searches and unresolved searches as pairs of bars, with a value axis and dates below.
std::string daily_chart(const std::vector<DailyVolume>& daily) {
    if (daily.empty()) return NOTHING;
    constexpr int HEIGHT = 260, LEFT = 56, RIGHT = 12, TOP = 34, BOTTOM = 46;
    const double plot_width = CHART_WIDTH - LEFT - RIGHT, plot_height = HEIGHT - TOP - BOTTOM;
    std::size_t largest = 0;
    for (const auto& day : daily) largest = std::max({largest, day.searches, day.unresolved});
    const std::size_t axis_max = round_axis_max(largest);
    const double slot = plot_width / double(daily.size()), bar = slot * 0.38;
    auto y = [&](std::size_t value) { return TOP + plot_height * (1.0 - double(value) / double(axis_max)); };

    std::string svg = "<svg viewBox=\"0 0 " + std::to_string(CHART_WIDTH) + " " + std::to_string(HEIGHT) +
                      "\" role=\"img\" aria-labelledby=\"daily-title\"><title id=\"daily-title\">Searches and "
                      "unresolved searches per day (UTC)</title>";
    for (int tick = 0; tick <= 4; ++tick) {  // horizontal grid with the value axis labels
        const std::size_t value = axis_max * std::size_t(tick) / 4;
        const std::string ty = fixed(y(value));
        svg += "<line class=\"grid\" x1=\"" + std::to_string(LEFT) + "\" x2=\"" + std::to_string(CHART_WIDTH - RIGHT) +
               "\" y1=\"" + ty + "\" y2=\"" + ty + "\"/><text class=\"axis\" x=\"" + std::to_string(LEFT - 6) +
               "\" y=\"" + ty + "\" dy=\"4\" text-anchor=\"end\">" + grouped(value) + "</text>";
    }
    // Dates under the bars: at most about eight, so they never overlap on a long period.
    const std::size_t label_every = std::max<std::size_t>(1, (daily.size() + 7) / 8);
    for (std::size_t i = 0; i < daily.size(); ++i) {
        const DailyVolume& day = daily[i];
        const double x = LEFT + slot * double(i) + (slot - 2 * bar) / 2;
        svg += "<g><title>" + escape_html(day.date) + ": " + grouped(day.searches) + " searches, " +
               grouped(day.unresolved) + " unresolved</title>";
        svg += "<rect x=\"" + fixed(x) + "\" y=\"" + fixed(y(day.searches)) + "\" width=\"" + fixed(bar) +
               "\" height=\"" + fixed(TOP + plot_height - y(day.searches)) + "\" fill=\"" + SEARCH_COLOR + "\"/>";
        svg += "<rect x=\"" + fixed(x + bar) + "\" y=\"" + fixed(y(day.unresolved)) + "\" width=\"" + fixed(bar) +
               "\" height=\"" + fixed(TOP + plot_height - y(day.unresolved)) + "\" fill=\"" + UNRESOLVED_COLOR +
               "\"/></g>";
        if (i % label_every == 0)
            svg += "<text class=\"axis\" x=\"" + fixed(LEFT + slot * (double(i) + 0.5)) + "\" y=\"" +
                   std::to_string(HEIGHT - BOTTOM + 16) + "\" text-anchor=\"middle\">" +
                   escape_html(day.date.size() == 10 ? day.date.substr(5) : day.date) + "</text>";
    }
    svg += "<text class=\"axis-title\" x=\"" + std::to_string(LEFT + int(plot_width) / 2) + "\" y=\"" +
           std::to_string(HEIGHT - 8) + "\" text-anchor=\"middle\">Day (UTC, month-day)</text>";
    svg += "<text class=\"axis-title\" transform=\"translate(14 " + std::to_string(TOP + int(plot_height) / 2) +
           ") rotate(-90)\" text-anchor=\"middle\">Searches</text>";
    svg += std::string("<rect x=\"") + std::to_string(LEFT) + "\" y=\"8\" width=\"12\" height=\"12\" fill=\"" +
           SEARCH_COLOR + "\"/><text class=\"axis\" x=\"" + std::to_string(LEFT + 18) +
           "\" y=\"18\">searches</text><rect x=\"" + std::to_string(LEFT + 100) +
           "\" y=\"8\" width=\"12\" height=\"12\" fill=\"" + UNRESOLVED_COLOR + "\"/><text class=\"axis\" x=\"" +
           std::to_string(LEFT + 118) + "\" y=\"18\">unresolved</text>";
    return "<div class=\"chart\">" + svg + "</svg></div>";
}

/// Why the unresolved searches of a gap failed, as the stacked parts of its bar.
struct BarPart {
    const char* name;
    const char* color;
    std::size_t QuestionGroup::*count;
};
constexpr BarPart BAR_PARTS[] = {{"no results", "#b91c1c", &QuestionGroup::no_results},
                                 {"no click", "#f59e0b", &QuestionGroup::no_click},
                                 {"not helpful", "#7c3aed", &QuestionGroup::not_helpful},
                                 {"escalated", "#0f766e", &QuestionGroup::escalated}};

/// The top gaps as horizontal bars, one row each, split by how the searches failed.
std::string top_gaps_chart(const std::vector<QuestionGroup>& gaps) {
    if (gaps.empty()) return NOTHING;
    const std::size_t rows = std::min<std::size_t>(gaps.size(), 10);
    constexpr int ROW = 26, TOP = 30, BOTTOM = 34, LABEL_WIDTH = 250, VALUE_SPACE = 56;
    const int height = TOP + int(rows) * ROW + BOTTOM;
    const double bar_space = CHART_WIDTH - LABEL_WIDTH - VALUE_SPACE;
    std::size_t largest = 0;
    for (std::size_t i = 0; i < rows; ++i) {
        std::size_t parts = 0;
        for (const auto& part : BAR_PARTS) parts += gaps[i].*part.count;
        largest = std::max({largest, gaps[i].unresolved, parts});
    }
    const double scale = bar_space / double(std::max<std::size_t>(largest, 1));

    std::string svg = "<svg viewBox=\"0 0 " + std::to_string(CHART_WIDTH) + " " + std::to_string(height) +
                      "\" role=\"img\" aria-labelledby=\"gaps-title\"><title id=\"gaps-title\">Top gaps by "
                      "unresolved searches</title>";
    int legend_x = LABEL_WIDTH;
    for (const auto& part : BAR_PARTS) {
        svg += std::string("<rect x=\"") + std::to_string(legend_x) + "\" y=\"6\" width=\"12\" height=\"12\" fill=\"" +
               part.color + "\"/><text class=\"axis\" x=\"" + std::to_string(legend_x + 16) + "\" y=\"16\">" +
               part.name + "</text>";
        legend_x += 104;
    }
    for (std::size_t i = 0; i < rows; ++i) {
        const QuestionGroup& gap = gaps[i];
        const int top = TOP + int(i) * ROW;
        svg += "<g><title>" + escape_html(gap.label) + ": " + grouped(gap.unresolved) + " unresolved of " +
               grouped(gap.searches) + " searches</title>";
        svg += "<text class=\"label\" x=\"" + std::to_string(LABEL_WIDTH - 8) + "\" y=\"" + std::to_string(top + 17) +
               "\" text-anchor=\"end\">" + escape_html(shortened(gap.label, 34)) + "</text>";
        double x = LABEL_WIDTH, drawn = 0;
        for (const auto& part : BAR_PARTS) {
            const double width = double(gap.*part.count) * scale;
            if (width <= 0) continue;
            svg += "<rect x=\"" + fixed(x) + "\" y=\"" + std::to_string(top + 4) + "\" width=\"" + fixed(width) +
                   "\" height=\"" + std::to_string(ROW - 8) + "\" fill=\"" + part.color + "\"/>";
            x += width;
            drawn += double(gap.*part.count);
        }
        if (drawn < double(gap.unresolved))  // counts the builder could not attribute to one cause
            svg += "<rect x=\"" + fixed(x) + "\" y=\"" + std::to_string(top + 4) + "\" width=\"" +
                   fixed((double(gap.unresolved) - drawn) * scale) + "\" height=\"" + std::to_string(ROW - 8) +
                   "\" fill=\"#9ca3af\"/>";
        const double end = LABEL_WIDTH + std::max(drawn, double(gap.unresolved)) * scale;
        svg += "<text class=\"axis\" x=\"" + fixed(end + 6) + "\" y=\"" + std::to_string(top + 17) + "\">" +
               grouped(gap.unresolved) + "</text></g>";
    }
    svg += "<text class=\"axis-title\" x=\"" + std::to_string(LABEL_WIDTH) + "\" y=\"" + std::to_string(height - 10) +
           "\">Unresolved searches in this period</text>";
    return "<div class=\"chart\">" + svg + "</svg></div>";
}

// ---- sections -----------------------------------------------------------------------------

std::string summary_section(const GapsReport& report) {
    std::string html = section_open("summary", "Summary", "This period against the one just before it, as long.");
    auto card = [](const std::string& title, const std::string& value, const std::string& detail) {
        return "<div class=\"card\"><div class=\"card-title\">" + title + "</div><div class=\"card-value\">" + value +
               "</div><div class=\"card-detail\">" + detail + "</div></div>";
    };
    html += "<div class=\"cards\">";
    html += card("Searches", grouped(report.searches),
                 trend(report.searches, report.previous_searches, TrendMeaning::NEUTRAL) + " vs " +
                     grouped(report.previous_searches));
    html += card("Unresolved", grouped(report.unresolved),
                 trend(report.unresolved, report.previous_unresolved, TrendMeaning::MORE_IS_WORSE) + " vs " +
                     grouped(report.previous_unresolved));
    html += card("Unresolved rate", percent(ratio(report.unresolved, report.searches)),
                 "previous period " + percent(ratio(report.previous_unresolved, report.previous_searches)));
    html += card("Pending", grouped(report.pending), "too recent to judge yet");
    html += "</div><h3>Searches and unresolved searches per day</h3>" + daily_chart(report.daily);
    return html + "</section>";
}

std::string gap_kind_text(const std::map<GapKind, std::size_t>& kinds) {
    std::string text;
    for (const auto& [kind, count] : kinds) {
        const char* name = kind == GapKind::WRITING       ? "no article in any language"
                           : kind == GapKind::TRANSLATION ? "only in another language"
                           : kind == GapKind::ENTITLEMENT ? "only above the customer's tier"
                                                          : nullptr;
        if (!name || count == 0) continue;
        text += (text.empty() ? "" : " · ") + std::string(name) + " " + grouped(count);
    }
    return text;
}

std::string gap_card(const QuestionGroup& gap, std::size_t rank) {
    std::string html = "<article class=\"gap\"><h3>" + std::to_string(rank) + ". " + escape_html(gap.label) + "</h3>";
    html += "<p class=\"gap-figures\"><strong>" + grouped(gap.unresolved) + "</strong> unresolved of " +
            grouped(gap.searches) + " searches " +
            trend(gap.unresolved, gap.previous_unresolved, TrendMeaning::MORE_IS_WORSE) +
            " <span class=\"muted\">(previous period " + grouped(gap.previous_unresolved) + ")</span></p>";
    html += "<p>" + locale_list(gap.locales) + "</p>";
    html += "<dl class=\"counts\">";
    for (const auto& part : BAR_PARTS)
        html += std::string("<div><dt>") + part.name + "</dt><dd>" + grouped(gap.*part.count) + "</dd></div>";
    html += "</dl>";
    if (std::string kinds = gap_kind_text(gap.gap_kinds); !kinds.empty())
        html += "<p><span class=\"muted\">Why:</span> " + kinds + "</p>";
    html += "<p class=\"muted\">How customers asked:</p><ul class=\"phrasings\">";
    for (const auto& phrasing : gap.phrasings)
        html += "<li>" + escape_html(phrasing.text) + " <span class=\"chip\">" + escape_html(phrasing.locale) +
                "</span> <span class=\"muted\">×" + grouped(phrasing.count) + "</span></li>";
    html += "</ul>";
    if (!gap.would_answer.empty()) {
        html +=
            "<p class=\"would-answer\"><span class=\"muted\">Answered by an article these customers could not "
            "read:</span> ";
        for (const auto& [article, times] : gap.would_answer)
            html += "<code>" + escape_html(article) + "</code> ×" + grouped(times) + " ";
        html += "</p>";
    }
    if (!gap.joined_by.empty()) {
        html += "<p class=\"joined-by\"><span class=\"muted\">One row across languages because:</span> ";
        for (std::size_t i = 0; i < gap.joined_by.size(); ++i) html += (i ? "; " : "") + escape_html(gap.joined_by[i]);
        html += "</p>";
    }
    if (!gap.shown_not_helpful.empty()) {
        html += "<p><span class=\"muted\">Shown but did not help:</span> ";
        for (const auto& [article, times] : gap.shown_not_helpful)
            html += "<code>" + escape_html(article) + "</code> ×" + grouped(times) + " ";
        html += "</p>";
    }
    html += "<p class=\"muted small\">Front matter for the article that closes it: <code>gap: " + escape_html(gap.key) +
            "</code></p>";
    return html + "</article>";
}

std::string next_section(const GapsReport& report) {
    std::string html = section_open("next", "What to write next",
                                    "Questions customers could not get answered, most unresolved searches first.");
    if (report.gaps.empty()) return html + NOTHING + "</section>";
    html += "<h3>Top gaps</h3>" + top_gaps_chart(report.gaps);
    for (std::size_t i = 0; i < report.gaps.size(); ++i) html += gap_card(report.gaps[i], i + 1);
    return html + "</section>";
}

std::string questions_section(const GapsReport& report) {
    std::string html = section_open("questions", "Top questions",
                                    "The inventory of what customers ask, resolved or not, most searches first.");
    if (report.top_questions.empty()) return html + NOTHING + "</section>";
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < report.top_questions.size(); ++i) {
        const QuestionGroup& q = report.top_questions[i];
        rows.push_back({std::to_string(i + 1), escape_html(q.label), number_cell(q.searches),
                        trend(q.searches, q.previous_searches, TrendMeaning::NEUTRAL), number_cell(q.unresolved),
                        percent(ratio(q.unresolved, q.searches)), locale_list(q.locales)});
    }
    return html + table({"#", "Question", "Searches", "Trend", "Unresolved", "Rate", "Locales"}, rows) + "</section>";
}

std::string deflection_section(const GapsReport& report) {
    std::string html = section_open("deflection", "Deflection by route",
                                    "Contact attempts from each product page that ended without a ticket.");
    if (report.deflection.empty()) return html + NOTHING + "</section>";
    std::vector<std::vector<std::string>> rows;
    for (const auto& route : report.deflection)
        rows.push_back({"<code>" + escape_html(route.route) + "</code>", number_cell(route.attempts),
                        number_cell(route.opened), number_cell(route.deflected), percent(route.rate())});
    return html + table({"Route", "Tickets typed", "Article opened", "Deflected", "Rate"}, rows) + "</section>";
}

std::string not_helpful_section(const GapsReport& report) {
    std::string html = section_open("not-helpful", "Articles most often not helpful",
                                    "Articles customers voted down, and every article a customer commented on "
                                    "(with a Yes vote too), with what they wrote.");
    if (report.not_helpful_articles.empty()) return html + NOTHING + "</section>";
    std::vector<std::vector<std::string>> rows;
    for (const auto& article : report.not_helpful_articles) {
        std::string comments;
        for (const auto& comment : article.comments) comments += "<li>" + escape_html(comment) + "</li>";
        for (const auto& comment : article.helpful_comments)
            comments += "<li><span class=\"muted\">Yes:</span> " + escape_html(comment) + "</li>";
        rows.push_back({"<code>" + escape_html(article.article_id) + "</code>", number_cell(article.not_helpful),
                        number_cell(article.helpful),
                        comments.empty() ? "" : "<ul class=\"comments\">" + comments + "</ul>"});
    }
    return html + table({"Article", "Not helpful", "Helpful", "Comments"}, rows) + "</section>";
}

std::string translation_section(const GapsReport& report) {
    std::string html = section_open("translation", "Translation gaps",
                                    "Customers of a locale searched for something that exists only in another.");
    if (report.translation_gaps.empty()) return html + NOTHING + "</section>";
    std::vector<std::vector<std::string>> rows;
    for (const auto& gap : report.translation_gaps)
        rows.push_back({escape_html(gap.locale), escape_html(gap.label), number_cell(gap.searches)});
    return html + table({"Customers' locale", "Question", "Searches"}, rows) + "</section>";
}

std::string entitlement_section(const GapsReport& report) {
    std::string html = section_open("entitlement", "Entitlement gaps by tier",
                                    "Customers of a tier searched for something only a higher tier may read.");
    if (report.entitlement_gaps.empty()) return html + NOTHING + "</section>";
    // Known tiers in their order, then any other the events carried.
    auto order = [](const std::string& tier) {
        const auto& tiers = article::all_tiers();
        return std::find(tiers.begin(), tiers.end(), tier) - tiers.begin();
    };
    std::vector<const EntitlementGap*> sorted;
    for (const auto& gap : report.entitlement_gaps) sorted.push_back(&gap);
    std::stable_sort(sorted.begin(), sorted.end(), [&](auto* a, auto* b) {
        return std::pair(order(a->tier), a->tier) < std::pair(order(b->tier), b->tier);
    });
    for (std::size_t i = 0; i < sorted.size();) {
        const std::string& tier = sorted[i]->tier;
        std::vector<std::vector<std::string>> rows;
        for (; i < sorted.size() && sorted[i]->tier == tier; ++i)
            rows.push_back({escape_html(sorted[i]->label), number_cell(sorted[i]->searches)});
        html += "<h3>Tier " + escape_html(tier.empty() ? "(public)" : tier) + "</h3>" +
                table({"Question", "Searches"}, rows);
    }
    return html + "</section>";
}

std::string stale_section(const GapsReport& report) {
    std::string html = section_open("stale", "Stale and missing translations",
                                    "From <code>anticipa check</code>: translations behind their source, and "
                                    "articles missing in a locale.");
    if (report.translations_checked_in.empty())
        return html +
               "<p class=\"empty\">Not checked: this report was built without the articles folder.</p></section>";
    if (report.stale_translations.empty()) return html + "<p class=\"empty\">None.</p></section>";
    std::vector<std::vector<std::string>> rows;
    for (const auto& problem : report.stale_translations) {
        std::string where = problem.file + (problem.line > 0 ? ":" + std::to_string(problem.line) : "");
        rows.push_back({"<code>" + escape_html(where) + "</code>", "<code>" + escape_html(problem.code) + "</code>",
                        escape_html(problem.message)});
    }
    return html + table({"File", "Problem", "What to do"}, rows) + "</section>";
}

/// Learned phrasings a writer can adopt as `questions:`; the same list as the Markdown report's.
std::string learned_section(const GapsReport& report) {
    std::string html = section_open("learned", "Customers find these articles with",
                                    "Phrasings enough customers found an article with (the index learns them), not "
                                    "yet among its <code>questions:</code>. Adopt them, or keep them out with "
                                    "<code>learned: false</code> or <code>learned_block_list:</code> in "
                                    "anticipa.yaml.");
    // Learned from the events and the articles folder, like the stale translations.
    if (report.translations_checked_in.empty())
        return html +
               "<p class=\"empty\">Not checked: this report was built without the articles folder.</p></section>";
    if (report.learned.empty())
        return html + "<p class=\"empty\">No learned phrasing is missing from its article's questions.</p></section>";
    std::vector<std::vector<std::string>> rows;
    for (const LearnedSuggestion& suggestion : report.learned) {
        std::string phrasings = "<ul class=\"phrasings\">";
        for (const auto& phrasing : suggestion.phrasings)
            phrasings += "<li>\xE2\x80\x9C" + escape_html(phrasing.text) + "\xE2\x80\x9D <span class=\"muted\">(" +
                         grouped(phrasing.sessions) + " sessions)</span></li>";
        rows.push_back({escape_html(suggestion.title) + "<br><code>" + escape_html(suggestion.path) + "</code>",
                        phrasings + "</ul>"});
    }
    return html + table({"Article", "Customers find this article with"}, rows) + "</section>";
}

// Dark mode follows the reader's system; tables scroll sideways on a phone; charts keep a
// readable size (min-width) and scroll rather than shrink their text below legibility.
constexpr std::string_view STYLE = R"CSS(
:root{--fg:#1f2328;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;--line:#d1d9e0;--worse:#b42318;--better:#1a7f37;
--accent:#0b5cad}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#161b22;
--line:#30363d;--worse:#f85149;--better:#3fb950;--accent:#58a6ff}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);
background:var(--bg)}
main{max-width:64rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.3rem;margin:2rem 0 .25rem;
border-bottom:1px solid var(--line);padding-bottom:.25rem}h3{font-size:1.05rem;margin:1rem 0 .25rem}
a{color:var(--accent)}nav{display:flex;flex-wrap:wrap;gap:.25rem .75rem;font-size:.9rem}
.why,.muted{color:var(--muted)}.small{font-size:.85rem}.empty{font-style:italic;color:var(--muted)}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(9.5rem,1fr));gap:.75rem}
.card{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:.75rem}
.card-title{color:var(--muted);font-size:.9rem}.card-value{font-size:1.6rem;font-weight:600}
.card-detail{font-size:.9rem}
.trend{font-weight:600}.worse{color:var(--worse)}.better{color:var(--better)}
.chart{overflow-x:auto}.chart svg{width:100%;min-width:30rem;height:auto;display:block}
svg text{fill:var(--fg);font:12px system-ui,sans-serif}svg .axis-title{font-weight:600}
svg .label{font-size:13px}svg .grid{stroke:var(--line);stroke-width:1}
.gap{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:.25rem 1rem;margin:1rem 0}
.gap p{margin:.4rem 0}.counts{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:.5rem 0}
.counts div{display:flex;gap:.4rem}.counts dt{color:var(--muted)}.counts dd{margin:0;font-weight:600}
.phrasings,.comments{margin:.25rem 0;padding-left:1.25rem}
.chip{display:inline-block;border:1px solid var(--line);border-radius:999px;padding:0 .5rem;font-size:.85rem;
white-space:nowrap}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid var(--line)}
th{background:var(--panel)}
.num{font-variant-numeric:tabular-nums}code{font-size:.9em;overflow-wrap:anywhere}
@media print{nav{display:none}.gap{break-inside:avoid}}
)CSS";

}  // namespace

std::string write_html(const GapsReport& report) {
    const std::string period = utc_date(report.since) + " to " + utc_date(report.until);
    const std::string scope = (report.locale.empty() ? "all locales" : "locale " + escape_html(report.locale)) +
                              (report.tier.empty() ? "" : ", tier " + escape_html(report.tier));
    std::string html =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<title>Content plan " +
        period + " (" + scope + ") · Anticipa</title><style>";
    html += STYLE;
    html +=
        "</style></head><body><main><header><h1>Content plan: what customers could not find</h1>"
        "<p class=\"muted\">" +
        period + " (UTC) · " + scope +
        "</p><nav><a href=\"#summary\">Summary</a><a href=\"#next\">What to write next</a>"
        "<a href=\"#questions\">Top questions</a><a href=\"#analytics\">Search analytics</a>"
        "<a href=\"#no-results\">No results</a><a href=\"#deflection\">Deflection</a>"
        "<a href=\"#not-helpful\">Not helpful</a><a href=\"#translation\">Translation gaps</a>"
        "<a href=\"#entitlement\">Entitlement gaps</a><a href=\"#stale\">Stale translations</a>"
        "<a href=\"#learned\">Learned phrasings</a></nav></header>";
    html += summary_section(report) + next_section(report) + questions_section(report) + analytics_sections(report) +
            deflection_section(report) + not_helpful_section(report) + translation_section(report) +
            entitlement_section(report) + stale_section(report) + learned_section(report);
    return html +
           "<footer><p class=\"muted small\">Written by <code>anticipa gaps --format html</code>.</p></footer>"
           "</main></body></html>\n";
}

}  // namespace anticipa::gaps
