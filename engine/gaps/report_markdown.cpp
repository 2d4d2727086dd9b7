// The content plan for people: a Markdown page a support lead reads top to bottom, what to write
// next first, the inventory and the smaller lists after it.
#include "gaps/report_writers.h"

#include <chrono>
#include <cstdio>
#include <string>

namespace anticipa::gaps {

namespace {

/// Customer text (queries, comments, even article ids: anyone can post an event) is shown as text:
/// the punctuation that makes inline Markdown, tables or HTML is backslash-escaped and line breaks
/// flattened, so "<img src=x> | **x**" can neither break a table nor inject markup. Every such
/// value sits after other text on its line, so block syntax ("# ", "1. ") cannot start there.
std::string escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\r' || c == '\n') {
            out += ' ';
            continue;
        }
        if (std::string_view("\\`*_[]<>|~&").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

std::string percent(std::size_t part, std::size_t whole) {
    if (whole == 0) return "–";
    char text[16];
    std::snprintf(text, sizeof text, "%.0f%%", 100.0 * double(part) / double(whole));
    return text;
}

/// "↑ 4 (+50%)", "↓ 2 (−20%)", "new", "same": more unresolved is worse, so up is the alarm.
std::string trend(std::size_t now, std::size_t before) {
    if (before == 0) return now == 0 ? "same" : "new";
    if (now == before) return "same";
    const bool up = now > before;
    const std::size_t change = up ? now - before : before - now;
    char text[48];
    std::snprintf(text, sizeof text, "%s %zu (%s%.0f%%)", up ? "\xE2\x86\x91" : "\xE2\x86\x93", change,
                  up ? "+" : "\xE2\x88\x92", 100.0 * double(change) / double(before));
    return text;
}

std::string locales_of(const QuestionGroup& group) {
    std::string out;
    for (const auto& [locale, searches] : group.locales)
        out += (out.empty() ? "" : ", ") + escape(locale) + " " + std::to_string(searches);
    return out;
}

/// The label in bold, then the other ways it was asked: “resetting passwords” (en, 4).
std::string question_cell(const QuestionGroup& group, bool with_phrasings) {
    std::string out = "**" + escape(group.label) + "**";
    if (!with_phrasings) return out;
    for (std::size_t i = 1; i < group.phrasings.size(); ++i) {
        const Phrasing& phrasing = group.phrasings[i];
        out += "<br>\xE2\x80\x9C" + escape(phrasing.text) + "\xE2\x80\x9D (" + escape(phrasing.locale) + ", " +
               std::to_string(phrasing.count) + ")";
    }
    for (const std::string& line : group.joined_by) out += "<br>joined by: " + escape(line);
    return out;
}

std::string why_cell(const QuestionGroup& group) {
    std::string out;
    for (const auto& [kind, count] : group.gap_kinds)
        if (kind != GapKind::NONE)
            out += (out.empty() ? "" : ", ") + std::string(to_string(kind)) + " " + std::to_string(count);
    std::string shown;
    for (std::size_t i = 0; i < group.shown_not_helpful.size() && i < 3; ++i)
        shown += (shown.empty() ? "" : ", ") + escape(group.shown_not_helpful[i].first);
    if (!shown.empty()) out += (out.empty() ? "" : "; ") + ("shown: " + shown);
    if (!group.would_answer.empty())
        out += (out.empty() ? "" : "; ") + ("answered by (not readable): " + escape(group.would_answer.front().first));
    return out.empty() ? "–" : out;
}

void summary(std::string& out, const GapsReport& report) {
    out += "# Content plan: " + utc_date(report.since) + " to " + utc_date(report.until) +
           (report.locale.empty() ? "" : " (" + escape(report.locale) + ")") +
           (report.tier.empty() ? "" : " (tier " + escape(report.tier) + ")") + "\n\n";
    out += "- **" + std::to_string(report.searches) + " searches**, " + std::to_string(report.unresolved) +
           " unresolved (" + percent(report.unresolved, report.searches) + ")\n";
    out += "- Previous period: " + std::to_string(report.previous_searches) + " searches, " +
           std::to_string(report.previous_unresolved) + " unresolved (" +
           percent(report.previous_unresolved, report.previous_searches) + "); unresolved " +
           trend(report.unresolved, report.previous_unresolved) + "\n";
    if (report.pending > 0)
        out += "- " + std::to_string(report.pending) + (report.pending == 1 ? " search is" : " searches are") +
               " too recent to judge (no click yet)\n";
    out += "\n";
}

void write_next(std::string& out, const GapsReport& report) {
    out += "## What to write next\n\n";
    if (report.gaps.empty()) {
        out += "Every search in this period was resolved.\n\n";
        return;
    }
    out +=
        "| # | Question and how customers asked it | Unresolved | Searches | No results | No click | Not helpful | "
        "Escalated | Locales | Trend | Why |\n|---|---|---|---|---|---|---|---|---|---|---|\n";
    std::size_t rank = 0;
    for (const QuestionGroup& group : report.gaps)
        out += "| " + std::to_string(++rank) + " | " + question_cell(group, true) + " | " +
               std::to_string(group.unresolved) + " | " + std::to_string(group.searches) + " | " +
               std::to_string(group.no_results) + " | " + std::to_string(group.no_click) + " | " +
               std::to_string(group.not_helpful) + " | " + std::to_string(group.escalated) + " | " + locales_of(group) +
               " | " + trend(group.unresolved, group.previous_unresolved) + " | " + why_cell(group) + " |\n";
    out += "\n";
}

void top_questions(std::string& out, const GapsReport& report) {
    out += "## Top questions\n\nWhat customers ask most, resolved or not: the inventory to keep answered.\n\n";
    if (report.top_questions.empty()) {
        out += "No searches in this period.\n\n";
        return;
    }
    out += "| # | Question | Searches | Resolved | Locales | Trend (searches) |\n|---|---|---|---|---|---|\n";
    std::size_t rank = 0;
    for (const QuestionGroup& group : report.top_questions)
        out += "| " + std::to_string(++rank) + " | " + question_cell(group, false) + " | " +
               std::to_string(group.searches) + " | " + percent(group.searches - group.unresolved, group.searches) +
               " | " + locales_of(group) + " | " + trend(group.searches, group.previous_searches) + " |\n";
    out += "\n";
}

void deflection(std::string& out, const GapsReport& report) {
    out +=
        "## Deflection by route\n\nContact attempts from a product page that ended with an article opened and no "
        "ticket sent.\n\n";
    if (report.deflection.empty()) {
        out += "No contact attempts in this period.\n\n";
        return;
    }
    out += "| Route | Tickets typed | Article opened | Deflected | Rate |\n|---|---|---|---|---|\n";
    for (const RouteDeflection& route : report.deflection)
        out += "| " + (route.route.empty() ? std::string("(no route)") : escape(route.route)) + " | " +
               std::to_string(route.attempts) + " | " + std::to_string(route.opened) + " | " +
               std::to_string(route.deflected) + " | " + percent(route.deflected, route.attempts) + " |\n";
    out += "\n";
}

void not_helpful(std::string& out, const GapsReport& report) {
    out +=
        "## Articles most often \"not helpful\"\n\nAnd every article a customer commented on, with a "
        "\"Yes\" vote too.\n\n";
    if (report.not_helpful_articles.empty()) {
        out += "No article was voted down or commented on in this period.\n\n";
        return;
    }
    out += "| Article | Not helpful | Latest comments |\n|---|---|---|\n";
    for (const ArticleVotes& votes : report.not_helpful_articles) {
        std::string comments;
        for (const std::string& comment : votes.comments)
            comments += (comments.empty() ? "" : "<br>") + ("\xE2\x80\x9C" + escape(comment) + "\xE2\x80\x9D");
        for (const std::string& comment : votes.helpful_comments)
            comments += (comments.empty() ? "" : "<br>") + ("Yes: \xE2\x80\x9C" + escape(comment) + "\xE2\x80\x9D");
        out += "| " + escape(votes.article_id) + " | " + std::to_string(votes.not_helpful) + " | " +
               (comments.empty() ? "–" : comments) + " |\n";
    }
    out += "\n";
}

/// Learned phrasings a writer can adopt as `questions:` (or keep out: `learned: false`, or
/// `learned_block_list:` in articles/anticipa.yaml).
void learned_phrasings(std::string& out, const GapsReport& report) {
    out +=
        "## Customers find these articles with\n\nPhrasings enough customers found an article with (the index "
        "learns them), not yet among its `questions:`. Adopt them, or keep them out with `learned: false` or "
        "`learned_block_list:` in anticipa.yaml.\n\n";
    if (report.learned.empty()) {
        out += "No learned phrasing is missing from its article's questions.\n\n";
        return;
    }
    out += "| Article | Customers find this article with |\n|---|---|\n";
    for (const LearnedSuggestion& suggestion : report.learned) {
        std::string phrasings;
        for (const auto& phrasing : suggestion.phrasings)
            phrasings +=
                (phrasings.empty() ? "" : "<br>") + ("\xE2\x80\x9C" + escape(phrasing.text) + "\xE2\x80\x9D (" +
                                                     std::to_string(phrasing.sessions) + " sessions)");
        out += "| " + escape(suggestion.title) + " (`" + escape(suggestion.path) + "`) | " + phrasings + " |\n";
    }
    out += "\n";
}

void translation_gaps(std::string& out, const GapsReport& report) {
    out += "## Translation gaps\n\nCustomers of a locale asked for something that exists only in another locale.\n\n";
    if (report.translation_gaps.empty()) {
        out += "None in this period.\n\n";
        return;
    }
    out += "| Locale | Question | Searches |\n|---|---|---|\n";
    for (const TranslationGap& gap : report.translation_gaps)
        out += "| " + escape(gap.locale) + " | " + escape(gap.label) + " | " + std::to_string(gap.searches) + " |\n";
    out += "\n";
}

void entitlement_gaps(std::string& out, const GapsReport& report) {
    out += "## Entitlement gaps per tier\n\nCustomers asked for something that exists only above their tier.\n\n";
    if (report.entitlement_gaps.empty()) {
        out += "None in this period.\n\n";
        return;
    }
    out += "| Tier | Question | Searches |\n|---|---|---|\n";
    for (const EntitlementGap& gap : report.entitlement_gaps)
        out += "| " + (gap.tier.empty() ? std::string("(public)") : escape(gap.tier)) + " | " + escape(gap.label) +
               " | " + std::to_string(gap.searches) + " |\n";
    out += "\n";
}

void stale_translations(std::string& out, const GapsReport& report) {
    out += "## Stale and missing translations\n\n";
    if (report.translations_checked_in.empty()) {
        out += "Not checked: no articles folder to check (give --articles).\n\n";
        return;
    }
    if (report.stale_translations.empty()) {
        out += "None found in " + escape(report.translations_checked_in) + ".\n\n";
        return;
    }
    for (const Problem& problem : report.stale_translations)
        out += "- " + escape(problem.file) + ": " + escape(problem.message) + " (" + problem.code + ")\n";
    out += "\n";
}

std::string position(double value) {
    if (value == 0) return "–";
    char text[16];
    std::snprintf(text, sizeof text, "%.2f", value);
    return text;
}

/// Beside the gaps, the figures of every search: how often a result was opened, and how far down.
void search_analytics(std::string& out, const GapsReport& report) {
    const SearchAnalytics& analytics = report.analytics;
    const SearchFigures& all = analytics.overall;
    out += "## Search analytics\n\n";
    out += "- **Click-through rate " + percent(all.clicked, all.with_results) + "**: " + std::to_string(all.clicked) +
           " of " + std::to_string(all.with_results) + " searches with results had an article opened\n";
    out += "- **Average click position " + position(all.average_click_position()) + "** over " +
           std::to_string(all.clicks) + " clicks (1 is the top result)\n";
    out += "- **" + std::to_string(all.no_results) + " searches without results** (" +
           percent(all.no_results, all.searches) + " of " + std::to_string(all.searches) + ")\n\n";
    out += "### Searches by locale\n\n";
    if (analytics.locales.empty()) out += "No searches in this period.\n\n";
    else {
        out +=
            "| Locale | Searches | With results | No results | Click-through | Avg click position |\n"
            "|---|---|---|---|---|---|\n";
        for (const LocaleSearches& locale : analytics.locales)
            out += "| " + escape(locale.locale) + " | " + std::to_string(locale.figures.searches) + " | " +
                   std::to_string(locale.figures.with_results) + " | " + std::to_string(locale.figures.no_results) +
                   " | " + percent(locale.figures.clicked, locale.figures.with_results) + " | " +
                   position(locale.figures.average_click_position()) + " |\n";
        out += "\n";
    }
    out += "### Most-clicked articles\n\n";
    if (analytics.top_clicked.empty()) out += "No article was opened from a search in this period.\n\n";
    else {
        out += "| Article | Clicks | Searches | Avg position |\n|---|---|---|---|\n";
        for (const ClickedArticle& article : analytics.top_clicked)
            out += "| " + escape(article.article_id) + " | " + std::to_string(article.clicks) + " | " +
                   std::to_string(article.searches) + " | " + position(article.average_position()) + " |\n";
        out += "\n";
    }
    out += "### Searches without results\n\nAs customers typed them, however the question is grouped above.\n\n";
    if (analytics.no_results.empty()) out += "Every search found something in this period.\n\n";
    else {
        out += "| Search | Locale | Searches |\n|---|---|---|\n";
        for (const NoResultPhrasing& phrasing : analytics.no_results)
            out += "| " + escape(phrasing.text) + " | " + escape(phrasing.locale) + " | " +
                   std::to_string(phrasing.searches) + " |\n";
        out += "\n";
    }
}

void daily(std::string& out, const GapsReport& report) {
    if (report.daily.empty()) return;
    out += "## Searches per day\n\n| Date (UTC) | Searches | Unresolved |\n|---|---|---|\n";
    for (const DailyVolume& day : report.daily)
        out += "| " + day.date + " | " + std::to_string(day.searches) + " | " + std::to_string(day.unresolved) + " |\n";
    out += "\n";
}

}  // namespace

std::string write_markdown(const GapsReport& report) {
    std::string out;
    summary(out, report);
    write_next(out, report);
    top_questions(out, report);
    search_analytics(out, report);
    deflection(out, report);
    not_helpful(out, report);
    learned_phrasings(out, report);
    translation_gaps(out, report);
    entitlement_gaps(out, report);
    stale_translations(out, report);
    daily(out, report);
    return out;
}

}  // namespace anticipa::gaps
