// The content plan for spreadsheets: one row per gap group, RFC 4180.
#include "gaps/report_writers.h"

#include <cstdio>
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

}  // namespace

std::string write_csv(const GapsReport& report) {
    std::string out =
        "rank,key,label,searches,unresolved,unresolved_rate,no_results,no_click,not_helpful,escalated,"
        "previous_searches,previous_unresolved,unresolved_change,locales,phrasings,gap_kinds,shown_not_helpful\r\n";
    std::size_t rank = 0;
    for (const QuestionGroup& group : report.gaps) {
        const long change = long(group.unresolved) - long(group.previous_unresolved);
        const std::string row[] = {
            number_field(++rank),
            text_field(group.key),
            text_field(group.label),
            number_field(group.searches),
            number_field(group.unresolved),
            rate_field(group.unresolved, group.searches),
            number_field(group.no_results),
            number_field(group.no_click),
            number_field(group.not_helpful),
            number_field(group.escalated),
            number_field(group.previous_searches),
            number_field(group.previous_unresolved),
            std::to_string(change),
            text_field(locales_field(group)),
            text_field(phrasings_field(group)),
            text_field(gap_kinds_field(group)),
            text_field(shown_field(group)),
        };
        for (std::size_t i = 0; i < std::size(row); ++i) out += (i ? "," : "") + row[i];
        out += "\r\n";
    }
    return out;
}

}  // namespace anticipa::gaps
