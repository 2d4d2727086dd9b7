// The content plan for spreadsheets, RFC 4180: one CSV per table of the report (`--table`,
// /admin?format=csv&table=), the gaps by default.
#include "gaps/report_writers.h"

#include "common/joined.h"

#include <algorithm>
#include <cstdio>
#include <initializer_list>
#include <stdexcept>
#include <string>

namespace anticipa::gaps {

namespace {

/// A cell a spreadsheet would run as a formula ("=HYPERLINK(...)", "+1", "@SUM") gets a leading
/// apostrophe, which spreadsheets show as text; customers type these into search boxes too.
std::string neutralise_formula(std::string text) {
    if (!text.empty() &&
        (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' || text[0] == '\r'))
        text.insert(text.begin(), '\'');
    return text;
}

/// RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled.
std::string text_field(const std::string& raw) {
    std::string text = neutralise_formula(raw);
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

std::string number_field(std::size_t value) {
    return std::to_string(value);
}

std::string rate_field(std::size_t part, std::size_t whole) {
    char text[16];
    std::snprintf(text, sizeof text, "%.3f", whole ? double(part) / double(whole) : 0.0);
    return text;
}

/// "en:12; pt:3": a list inside one cell.
std::string locales_field(const QuestionGroup& group) {
    std::string out;
    for (const auto& [locale, searches] : group.locales)
        out += (out.empty() ? "" : "; ") + locale + ":" + std::to_string(searches);
    return out;
}

std::string phrasings_field(const QuestionGroup& group) {
    std::string out;
    for (const Phrasing& phrasing : group.phrasings)
        out += (out.empty() ? "" : "; ") + phrasing.text + " (" + phrasing.locale + ", " +
               std::to_string(phrasing.count) + ")";
    return out;
}

std::string gap_kinds_field(const QuestionGroup& group) {
    std::string out;
    for (const auto& [kind, count] : group.gap_kinds)
        out += (out.empty() ? "" : "; ") + std::string(to_string(kind)) + ":" + std::to_string(count);
    return out;
}

std::string shown_field(const QuestionGroup& group) {
    std::string out;
    for (const auto& [article, times] : group.shown_not_helpful)
        out += (out.empty() ? "" : "; ") + article + ":" + std::to_string(times);
    return out;
}

std::string joined_field(const QuestionGroup& group) {
    std::string out;
    for (const std::string& line : group.joined_by) out += (out.empty() ? "" : "; ") + line;
    return out;
}

std::string row(std::initializer_list<std::string> fields) {
    std::string out;
    for (const std::string& field : fields) out += (out.empty() ? "" : ",") + field;
    return out + "\r\n";
}

/// 0.8 -> "0.800", the way rates are written in every table.
std::string ratio_field(double value) {
    char text[16];
    std::snprintf(text, sizeof text, "%.3f", value);
    return text;
}

std::string gaps_table(const GapsReport& report) {
    std::string out =
        "rank,key,label,searches,unresolved,unresolved_rate,no_results,no_click,not_helpful,escalated,"
        "previous_searches,previous_unresolved,unresolved_change,locales,phrasings,gap_kinds,shown_not_helpful,"
        "joined_by\r\n";
    std::size_t rank = 0;
    for (const QuestionGroup& group : report.gaps) {
        const long change = long(group.unresolved) - long(group.previous_unresolved);
        out += row({number_field(++rank), text_field(group.key), text_field(group.label), number_field(group.searches),
                    number_field(group.unresolved), rate_field(group.unresolved, group.searches),
                    number_field(group.no_results), number_field(group.no_click), number_field(group.not_helpful),
                    number_field(group.escalated), number_field(group.previous_searches),
                    number_field(group.previous_unresolved), std::to_string(change), text_field(locales_field(group)),
                    text_field(phrasings_field(group)), text_field(gap_kinds_field(group)),
                    text_field(shown_field(group)), text_field(joined_field(group))});
    }
    return out;
}

std::string questions_table(const GapsReport& report) {
    std::string out = "rank,key,label,searches,unresolved,unresolved_rate,previous_searches,locales,phrasings\r\n";
    std::size_t rank = 0;
    for (const QuestionGroup& group : report.top_questions)
        out += row({number_field(++rank), text_field(group.key), text_field(group.label), number_field(group.searches),
                    number_field(group.unresolved), rate_field(group.unresolved, group.searches),
                    number_field(group.previous_searches), text_field(locales_field(group)),
                    text_field(phrasings_field(group))});
    return out;
}

const char* FIGURES_HEADER =
    "searches,with_results,no_results,clicked,click_through_rate,clicks,average_click_position";

std::string figures_fields(const SearchFigures& figures) {
    return number_field(figures.searches) + "," + number_field(figures.with_results) + "," +
           number_field(figures.no_results) + "," + number_field(figures.clicked) + "," +
           ratio_field(figures.click_through_rate()) + "," + number_field(figures.clicks) + "," +
           ratio_field(figures.average_click_position());
}

std::string searches_table(const GapsReport& report) {
    return std::string(FIGURES_HEADER) + "\r\n" + figures_fields(report.analytics.overall) + "\r\n";
}

std::string locales_table(const GapsReport& report) {
    std::string out = std::string("locale,") + FIGURES_HEADER + "\r\n";
    for (const LocaleSearches& locale : report.analytics.locales)
        out += row({text_field(locale.locale), figures_fields(locale.figures)});
    return out;
}

std::string top_clicked_table(const GapsReport& report) {
    std::string out = "rank,article_id,clicks,searches,average_position\r\n";
    std::size_t rank = 0;
    for (const ClickedArticle& article : report.analytics.top_clicked)
        out += row({number_field(++rank), text_field(article.article_id), number_field(article.clicks),
                    number_field(article.searches), ratio_field(article.average_position())});
    return out;
}

std::string no_results_table(const GapsReport& report) {
    std::string out = "rank,search,locale,searches\r\n";
    std::size_t rank = 0;
    for (const NoResultPhrasing& phrasing : report.analytics.no_results)
        out += row({number_field(++rank), text_field(phrasing.text), text_field(phrasing.locale),
                    number_field(phrasing.searches)});
    return out;
}

std::string deflection_table(const GapsReport& report) {
    std::string out = "route,attempts,opened,deflected,deflection_rate\r\n";
    for (const RouteDeflection& route : report.deflection)
        out += row({text_field(route.route), number_field(route.attempts), number_field(route.opened),
                    number_field(route.deflected), rate_field(route.deflected, route.attempts)});
    return out;
}

std::string not_helpful_table(const GapsReport& report) {
    std::string out = "article_id,not_helpful,helpful,comments,helpful_comments\r\n";
    for (const ArticleVotes& votes : report.not_helpful_articles)
        out += row({text_field(votes.article_id), number_field(votes.not_helpful), number_field(votes.helpful),
                    text_field(joined(votes.comments, " | ")), text_field(joined(votes.helpful_comments, " | "))});
    return out;
}

std::string translation_gaps_table(const GapsReport& report) {
    std::string out = "locale,key,label,searches\r\n";
    for (const TranslationGap& gap : report.translation_gaps)
        out +=
            row({text_field(gap.locale), text_field(gap.group_key), text_field(gap.label), number_field(gap.searches)});
    return out;
}

std::string entitlement_gaps_table(const GapsReport& report) {
    std::string out = "tier,key,label,searches\r\n";
    for (const EntitlementGap& gap : report.entitlement_gaps)
        out +=
            row({text_field(gap.tier), text_field(gap.group_key), text_field(gap.label), number_field(gap.searches)});
    return out;
}

std::string stale_translations_table(const GapsReport& report) {
    std::string out = "file,line,code,message\r\n";
    for (const Problem& problem : report.stale_translations)
        out += row({text_field(problem.file), std::to_string(problem.line), text_field(problem.code),
                    text_field(problem.message)});
    return out;
}

/// One row per learned phrasing an article's `questions:` lack, the articles with the most
/// evidence first (the HTML and Markdown reports' "Customers find these articles with").
std::string learned_phrasings_table(const GapsReport& report) {
    std::string out = "article_id,locale,path,phrasing,sessions,clients\r\n";
    for (const LearnedSuggestion& suggestion : report.learned)
        for (const auto& phrasing : suggestion.phrasings)
            out += row({text_field(suggestion.article_id), text_field(suggestion.locale), text_field(suggestion.path),
                        text_field(phrasing.text), number_field(phrasing.sessions), number_field(phrasing.clients)});
    return out;
}

std::string daily_table(const GapsReport& report) {
    std::string out = "date,searches,unresolved\r\n";
    for (const DailyVolume& day : report.daily)
        out += row({day.date, number_field(day.searches), number_field(day.unresolved)});
    return out;
}

/// Every table, in the order the report shows them: the one list names, validation and
/// writers read, so a table added here is at once in `--table`, on /admin and in the errors.
struct CsvTable {
    const char* name;
    std::string (*write)(const GapsReport&);
};
constexpr CsvTable TABLES[] = {
    {"gaps", gaps_table},
    {"questions", questions_table},
    {"searches", searches_table},
    {"locales", locales_table},
    {"top_clicked", top_clicked_table},
    {"no_results", no_results_table},
    {"deflection", deflection_table},
    {"not_helpful", not_helpful_table},
    {"translation_gaps", translation_gaps_table},
    {"entitlement_gaps", entitlement_gaps_table},
    {"stale_translations", stale_translations_table},
    {"learned_phrasings", learned_phrasings_table},
    {"daily", daily_table},
};

}  // namespace

const std::vector<std::string>& csv_table_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const CsvTable& table : TABLES) out.push_back(table.name);
        return out;
    }();
    return names;
}

bool is_csv_table(std::string_view name) {
    return std::any_of(std::begin(TABLES), std::end(TABLES), [&](const CsvTable& table) { return table.name == name; });
}

std::string csv_table_list() {
    std::string list;
    for (const CsvTable& table : TABLES) list += (list.empty() ? "" : ", ") + std::string(table.name);
    return list;
}

std::string write_csv(const GapsReport& report, std::string_view table) {
    for (const CsvTable& candidate : TABLES)
        if (candidate.name == table) return candidate.write(report);
    throw std::invalid_argument("unknown table `" + std::string(table) + "` (expected " + csv_table_list() + ")");
}

}  // namespace anticipa::gaps
