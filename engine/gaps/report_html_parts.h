// Gaps stage, step 3 (HTML): the text and layout helpers every section of the HTML report is
// written with (report_html.cpp, report_html_analytics.cpp), so the sections look alike.
#pragma once

#include "common/html_escape.h"
#include "gaps/gaps_report.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace anticipa::gaps::html {

// ---- text helpers -------------------------------------------------------------------------

/// 1234567 -> "1,234,567": support leads read these numbers aloud in meetings.
inline std::string grouped(std::size_t number) {
    std::string digits = std::to_string(number), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

/// 0.1234 -> "12%"; small but non-zero rates stay visible as "<1%" instead of rounding to "0%".
inline std::string percent(double ratio) {
    if (ratio > 0 && ratio < 0.005) return "&lt;1%";
    return std::to_string(static_cast<long>(std::lround(ratio * 100))) + "%";
}

inline double ratio(std::size_t part, std::size_t whole) {
    return whole ? double(part) / double(whole) : 0.0;
}

/// Chart labels must fit beside their bar; cuts at a code point, never inside a UTF-8 sequence.
inline std::string shortened(std::string_view text, std::size_t max_code_points) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // continuation byte
        if (++count > max_code_points) return std::string(text.substr(0, i)) + "…";
    }
    return std::string(text);
}

/// For unresolved counts a rise is bad news; for search volume it is only news.
enum class TrendMeaning { MORE_IS_WORSE, NEUTRAL };

/// "▲ 25%" against the previous period; "new" when the previous period had none.
inline std::string trend(std::size_t now, std::size_t before, TrendMeaning meaning) {
    const bool colored = meaning == TrendMeaning::MORE_IS_WORSE;
    if (before == 0)
        return now == 0 ? "<span class=\"trend\">–</span>"
                        : std::string("<span class=\"trend") + (colored ? " worse" : "") + "\">new</span>";
    const double change = (double(now) - double(before)) / double(before);
    if (std::abs(change) < 0.005) return "<span class=\"trend\">= 0%</span>";
    const char* css = !colored ? "" : change > 0 ? " worse" : " better";
    return std::string("<span class=\"trend") + css + "\" title=\"" + grouped(before) + " in the previous period\">" +
           (change > 0 ? "▲ " : "▼ ") + percent(std::abs(change)) + "</span>";
}

// ---- layout helpers -----------------------------------------------------------------------

/// A table that scrolls sideways on a phone instead of squeezing its columns; cells are HTML.
inline std::string table(const std::vector<std::string>& headings, const std::vector<std::vector<std::string>>& rows) {
    std::string html = "<div class=\"scroll\"><table><thead><tr>";
    for (const auto& heading : headings) html += "<th>" + heading + "</th>";
    html += "</tr></thead><tbody>";
    for (const auto& row : rows) {
        html += "<tr>";
        for (const auto& cell : row) html += "<td>" + cell + "</td>";
        html += "</tr>";
    }
    return html + "</tbody></table></div>";
}

inline std::string number_cell(std::size_t n) {
    return "<span class=\"num\">" + grouped(n) + "</span>";
}

inline constexpr const char* NOTHING = "<p class=\"empty\">Nothing in this period.</p>";

inline std::string section_open(const char* id, const char* heading, const char* explanation) {
    return std::string("<section id=\"") + id + "\"><h2>" + heading + "</h2><p class=\"why\">" + explanation + "</p>";
}

/// "pt 30 · es 2", most searches first.
inline std::string locale_list(const std::map<std::string, std::size_t>& locales) {
    std::vector<std::pair<std::string, std::size_t>> sorted(locales.begin(), locales.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](auto& a, auto& b) { return a.second > b.second; });
    std::string html;
    for (const auto& [locale, count] : sorted)
        html += "<span class=\"chip\">" + escape_html(locale) + " " + grouped(count) + "</span> ";
    return html;
}

/// The report's search analytics: figures, searches by locale, most-clicked articles, and the
/// searches without results (report_html_analytics.cpp).
std::string analytics_sections(const GapsReport& report);

}  // namespace anticipa::gaps::html
