// The content plan for tools: everything the report holds, as JSON. Also the format switch that
// every writer is reached through.
#include "gaps/report_writers.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <stdexcept>

namespace anticipa::gaps {

namespace {

using nlohmann::json;

std::string utc_time(std::chrono::system_clock::time_point at) {
    const auto seconds = std::chrono::floor<std::chrono::seconds>(at);
    const auto day = std::chrono::floor<std::chrono::days>(seconds);
    const std::chrono::year_month_day date{day};
    const std::chrono::hh_mm_ss time{seconds - day};
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ", int(date.year()), unsigned(date.month()),
                  unsigned(date.day()), int(time.hours().count()), int(time.minutes().count()),
                  int(time.seconds().count()));
    return text;
}

json group_json(const QuestionGroup& group) {
    json phrasings = json::array();
    for (const Phrasing& phrasing : group.phrasings)
        phrasings.push_back({{"text", phrasing.text}, {"locale", phrasing.locale}, {"count", phrasing.count}});
    json kinds = json::object();
    for (const auto& [kind, count] : group.gap_kinds) kinds[to_string(kind)] = count;
    json shown = json::array();
    for (const auto& [article, times] : group.shown_not_helpful)
        shown.push_back({{"article_id", article}, {"times", times}});
    json would_answer = json::array();
    for (const auto& [article, times] : group.would_answer)
        would_answer.push_back({{"article", article}, {"times", times}});
    return {{"key", group.key},
            {"label", group.label},
            {"searches", group.searches},
            {"unresolved", group.unresolved},
            {"no_results", group.no_results},
            {"no_click", group.no_click},
            {"not_helpful", group.not_helpful},
            {"escalated", group.escalated},
            {"previous_searches", group.previous_searches},
            {"previous_unresolved", group.previous_unresolved},
            {"locales", group.locales},
            {"phrasings", phrasings},
            {"gap_kinds", kinds},
            {"shown_not_helpful", shown},
            {"would_answer", would_answer},
            {"joined_by", group.joined_by}};
}

json groups_json(const std::vector<QuestionGroup>& groups) {
    json out = json::array();
    for (const QuestionGroup& group : groups) out.push_back(group_json(group));
    return out;
}

json deflection_json(const std::vector<RouteDeflection>& routes) {
    json out = json::array();
    for (const RouteDeflection& route : routes)
        out.push_back({{"route", route.route},
                       {"attempts", route.attempts},
                       {"opened", route.opened},
                       {"deflected", route.deflected},
                       {"rate", route.rate()}});
    return out;
}

json votes_json(const std::vector<ArticleVotes>& articles) {
    json out = json::array();
    for (const ArticleVotes& votes : articles)
        out.push_back({{"article_id", votes.article_id},
                       {"helpful", votes.helpful},
                       {"not_helpful", votes.not_helpful},
                       {"comments", votes.comments},
                       {"helpful_comments", votes.helpful_comments}});
    return out;
}

json problems_json(const std::vector<Problem>& problems) {
    json out = json::array();
    for (const Problem& problem : problems)
        out.push_back({{"severity", problem.severity == Severity::ERROR ? "error" : "warning"},
                       {"code", problem.code},
                       {"message", problem.message},
                       {"file", problem.file},
                       {"line", problem.line}});
    return out;
}

json figures_json(const SearchFigures& figures) {
    return {{"searches", figures.searches},
            {"with_results", figures.with_results},
            {"no_results", figures.no_results},
            {"clicked", figures.clicked},
            {"click_through_rate", figures.click_through_rate()},
            {"clicks", figures.clicks},
            {"average_click_position", figures.average_click_position()}};
}

json analytics_json(const SearchAnalytics& analytics) {
    json out = figures_json(analytics.overall);
    json locales = json::array(), clicked = json::array(), no_results = json::array();
    for (const LocaleSearches& locale : analytics.locales) {
        json row = figures_json(locale.figures);
        row["locale"] = locale.locale;
        locales.push_back(std::move(row));
    }
    for (const ClickedArticle& article : analytics.top_clicked)
        clicked.push_back({{"article_id", article.article_id},
                           {"clicks", article.clicks},
                           {"searches", article.searches},
                           {"average_position", article.average_position()}});
    for (const NoResultPhrasing& phrasing : analytics.no_results)
        no_results.push_back({{"text", phrasing.text}, {"locale", phrasing.locale}, {"searches", phrasing.searches}});
    out["locales"] = locales;
    out["top_clicked"] = clicked;
    out["no_results"] = no_results;
    return out;
}

json learned_json(const std::vector<LearnedSuggestion>& suggestions) {
    json out = json::array();
    for (const LearnedSuggestion& suggestion : suggestions) {
        json phrasings = json::array();
        for (const auto& phrasing : suggestion.phrasings)
            phrasings.push_back({{"text", phrasing.text},
                                 {"sessions", phrasing.sessions},
                                 {"clients", phrasing.clients},
                                 {"weight", phrasing.weight}});
        out.push_back({{"article_id", suggestion.article_id},
                       {"locale", suggestion.locale},
                       {"title", suggestion.title},
                       {"path", suggestion.path},
                       {"phrasings", phrasings}});
    }
    return out;
}

}  // namespace

std::string write_json(const GapsReport& report) {
    json translation = json::array(), entitlement = json::array(), daily = json::array();
    for (const TranslationGap& gap : report.translation_gaps)
        translation.push_back({{"locale", gap.locale},
                               {"group_key", gap.group_key},
                               {"label", gap.label},
                               {"searches", gap.searches},
                               {"would_answer", gap.would_answer}});
    for (const EntitlementGap& gap : report.entitlement_gaps)
        entitlement.push_back({{"tier", gap.tier},
                               {"group_key", gap.group_key},
                               {"label", gap.label},
                               {"searches", gap.searches},
                               {"would_answer", gap.would_answer}});
    for (const DailyVolume& day : report.daily)
        daily.push_back({{"date", day.date}, {"searches", day.searches}, {"unresolved", day.unresolved}});
    const auto length = report.until - report.since;
    json out = {{"since", utc_time(report.since)},
                {"until", utc_time(report.until)},
                {"locale", report.locale},
                {"tier", report.tier},
                {"searches", report.searches},
                {"unresolved", report.unresolved},
                {"pending", report.pending},
                {"previous",
                 {{"since", utc_time(report.since - length)},
                  {"until", utc_time(report.since)},
                  {"searches", report.previous_searches},
                  {"unresolved", report.previous_unresolved}}},
                {"gaps", groups_json(report.gaps)},
                {"top_questions", groups_json(report.top_questions)},
                {"deflection", deflection_json(report.deflection)},
                {"not_helpful_articles", votes_json(report.not_helpful_articles)},
                {"translation_gaps", translation},
                {"entitlement_gaps", entitlement},
                {"stale_translations", problems_json(report.stale_translations)},
                {"translations_checked_in", report.translations_checked_in},
                {"daily", daily},
                {"analytics", analytics_json(report.analytics)},
                {"learned_phrasings", learned_json(report.learned)}};
    // Queries are scrubbed and validated upstream, but a report must not die on one bad byte.
    return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

ReportFormat parse_report_format(const std::string& name) {
    if (name == "md" || name == "markdown") return ReportFormat::MARKDOWN;
    if (name == "csv") return ReportFormat::CSV;
    if (name == "json") return ReportFormat::JSON;
    if (name == "html") return ReportFormat::HTML;
    throw std::invalid_argument("unknown report format `" + name + "` (expected md, csv, json or html)");
}

std::string write_report(const GapsReport& report, ReportFormat format) {
    switch (format) {
        case ReportFormat::MARKDOWN:
            return write_markdown(report);
        case ReportFormat::CSV:
            return write_csv(report);
        case ReportFormat::JSON:
            return write_json(report);
        case ReportFormat::HTML:
            return write_html(report);
    }
    throw std::invalid_argument("unknown report format");
}

}  // namespace anticipa::gaps
