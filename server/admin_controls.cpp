#include "admin_controls.h"

#include "article/article.h"
#include "common/html_escape.h"
#include "gaps/report_writers.h"
#include "pages/html_writer.h"

namespace anticipa::server {

namespace {

// The help center's colors and tap targets (pages/html_writer.cpp): the bar reads as the same
// product as the login page. Scoped to .plan-bar so the report's own styles stay as they are.
constexpr const char* BAR_STYLE =
    "<style>.plan-bar{background:#25346b;color:#fff;padding:.75rem 1rem;font:16px/1.5 system-ui,sans-serif}"
    ".plan-bar a{color:#fff;font-weight:600;text-decoration:none}"
    ".plan-bar form{display:flex;flex-wrap:wrap;gap:.5rem .75rem;align-items:flex-end;margin:.5rem 0 0}"
    ".plan-bar label{display:flex;flex-direction:column;font-size:.85rem;font-weight:600}"
    ".plan-bar input,.plan-bar select{font:inherit;padding:.45rem;border:1px solid #9aa3b5;border-radius:.4rem;"
    "width:9rem;min-height:44px;background:#fff;color:#1d2433}"
    ".plan-bar button{font:inherit;padding:.6rem 1rem;border:0;border-radius:.4rem;background:#2f6fde;color:#fff;"
    "cursor:pointer;min-height:44px}"
    ".plan-bar .plan-top{display:flex;justify-content:space-between;align-items:center}"
    ".plan-bar .sign-out{margin:0}.plan-bar .sign-out button{background:transparent;border:1px solid #fff}"
    ".plan-bar .csv-links{margin:.5rem 0 0;font-size:.9rem}.plan-bar .csv-links a{font-weight:400;"
    "text-decoration:underline;margin-left:.4rem}"
    "</style>";

std::string text_input(const char* name, const char* label, const std::string& value, const char* list,
                       const char* hint) {
    return std::string("<label>") + label + "<input type=\"text\" name=\"" + name + "\" value=\"" + escape_html(value) +
           "\"" + (list ? std::string(" list=\"") + list + "\"" : "") + " placeholder=\"" + hint + "\"></label>";
}

std::string tier_select(const std::string& current) {
    std::string html = "<label>Tier<select name=\"tier\"><option value=\"\">all tiers</option>";
    for (const std::string& tier : article::all_tiers())
        html += "<option" + std::string(tier == current ? " selected" : "") + ">" + escape_html(tier) + "</option>";
    return html + "</select></label>";
}

std::string datalist(const char* id, const std::vector<std::string>& values) {
    std::string html = std::string("<datalist id=\"") + id + "\">";
    for (const std::string& value : values) html += "<option value=\"" + escape_html(value) + "\">";
    return html + "</datalist>";
}

/// "/admin?since=30d&locale=pt&format=csv&table=": the view's own options, so a download holds
/// what the page shows.
std::string csv_href(const gaps::PlanOptionText& current) {
    std::string href =
        "/admin?since=" + pages::url_encode(current.since) + "&until=" + pages::url_encode(current.until);
    if (!current.locale.empty()) href += "&locale=" + pages::url_encode(current.locale);
    if (!current.tier.empty()) href += "&tier=" + pages::url_encode(current.tier);
    return href + "&format=csv&table=";
}

std::string csv_links(const gaps::PlanOptionText& current) {
    std::string html = "<p class=\"csv-links\">CSV:";
    const std::string href = escape_html(csv_href(current));
    for (const std::string& table : gaps::csv_table_names())
        html += " <a href=\"" + href + escape_html(table) + "\" download>" + escape_html(table) + "</a>";
    return html + "</p>";
}

}  // namespace

std::string plan_controls(const gaps::PlanOptionText& current, const std::vector<std::string>& locales) {
    std::string html = BAR_STYLE;
    html +=
        "<div class=\"plan-bar\"><div class=\"plan-top\"><a href=\"/admin\">Anticipa admin</a><form method=\"post\" "
        "action=\"/admin/logout\" class=\"sign-out\"><button type=\"submit\">Sign out</button></form></div>";
    html += "<form method=\"get\" action=\"/admin\" aria-label=\"Period, locale and tier of the content plan\">";
    html += text_input("since", "Since", current.since, "plan-periods", "7d, 30d or 2026-11-01");
    html += text_input("until", "Until", current.until, nullptr, "now or 2026-12-01");
    html += text_input("locale", "Locale", current.locale, "plan-locales", "all locales");
    html += tier_select(current.tier);
    html += "<button type=\"submit\">Show</button></form>";
    html += datalist("plan-periods", {"24h", "7d", "30d", "90d"}) + datalist("plan-locales", locales);
    return html + csv_links(current) + "</div>";
}

std::string with_plan_controls(std::string report, const std::string& controls) {
    const auto body = report.find("<body>");
    if (body != std::string::npos) report.insert(body + 6, controls);
    return report;
}

std::string bad_option_body(const gaps::PlanOptionError& error, const std::string& controls) {
    return "<h1>Content plan</h1><p class=\"notice\" role=\"alert\">The parameter <code>" + escape_html(error.option) +
           "</code> cannot be <code>" + escape_html(error.value) + "</code>: it takes " + escape_html(error.expected) +
           ".</p>" + controls + "<p><a href=\"/admin\">The last 7 days, every locale and tier</a></p>";
}

}  // namespace anticipa::server
