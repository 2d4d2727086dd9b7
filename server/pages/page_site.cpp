#include "pages/page_site.h"

#include "article/article.h"
#include "common/icu_locale.h"
#include "common/locale_tag.h"
#include "search/snippet.h"
#include "tier_token.h"

#include <httplib.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <set>

namespace anticipa::server::pages {

PageSite::PageSite(ServerContext& c) : context(c), messages(c.config.locales_dir, c.config.default_locale) {}

std::vector<std::string> PageSite::offered_locales() const {
    std::set<std::string> with_strings;  // languages that have UI strings
    for (const auto& locale : messages.locales()) with_strings.insert(language_of(locale));
    std::set<std::string> indexed;  // languages that have articles
    for (const auto& locale : context.search.status().locales) indexed.insert(language_of(locale));
    std::set<std::string> offered;
    for (const auto& locale : messages.locales())
        if (indexed.count(language_of(locale))) offered.insert(locale);
    // Articles in a language without messages.yaml (articles/de/, no locales/de/) still get pages,
    // in the default locale's words: hiding written content would be worse (`check` warns).
    for (const auto& locale : context.search.status().locales)
        if (!with_strings.count(language_of(locale))) offered.insert(locale);
    return {offered.begin(), offered.end()};
}

std::optional<std::string> PageSite::page_locale(const std::string& segment) const {
    auto tag = canonical_locale(segment);
    if (!tag) return std::nullopt;
    auto offered = offered_locales();
    if (std::find(offered.begin(), offered.end(), *tag) == offered.end()) return std::nullopt;
    return tag;
}

std::string PageSite::category_name(const std::string& locale, const std::string& category) const {
    const std::string key = "category." + category;
    return messages.has(locale, key) ? messages.text(locale, key) : category;
}

namespace {

std::string utf8(const icu::UnicodeString& text) {
    std::string out;
    return text.toUTF8String(out);
}

}  // namespace

std::string PageSite::native_name(const std::string& locale) {
    icu::UnicodeString name;
    icu_locale(locale).getDisplayName(icu_locale(locale), name);
    return name.isEmpty() ? locale : utf8(name);
}

std::string PageSite::display_name(const std::string& locale, const std::string& in) {
    icu::UnicodeString name;
    icu_locale(locale).getDisplayLanguage(icu_locale(in), name);
    return name.isEmpty() ? locale : utf8(name);
}

std::string PageSite::page(const std::string& locale, const std::string& title, const std::string& body,
                           const std::string& query) const {
    // A German page without locales/de/ has English labels: <html lang="en">, and the German
    // articles and titles carry lang="de" themselves (screen readers, hyphenation, fonts).
    return render_page({.locale = locale,
                        .lang = messages.words_locale(locale),
                        .title = title,
                        .site_name = text(locale, "site.name"),
                        .search_label = text(locale, "search.placeholder"),
                        .search_button = text(locale, "search.button"),
                        .contact_label = text(locale, "nav.contact"),
                        .home = "",
                        .query = query,
                        .body = body});
}

void PageSite::send_not_found(httplib::Response& response, const std::string& locale) const {
    send_message(response, 404, locale, "error.not_found", "error.not_found_text");
}

void PageSite::send_message(httplib::Response& response, int status, const std::string& locale,
                            const std::string& title_key, const std::string& text_key) const {
    const std::string body = "<h1>" + html(locale, title_key) + "</h1>\n<p>" + html(locale, text_key) +
                             "</p>\n<p><a href=\"/" + escape_html(locale) + "/\">" + html(locale, "nav.home") +
                             "</a></p>";
    send_html(response, status, page(locale, text(locale, title_key), body));
}

std::string cookie_value(const std::string& header, const std::string& name) {
    std::size_t at = 0;
    while (at < header.size()) {
        std::size_t end = header.find(';', at);
        if (end == std::string::npos) end = header.size();
        std::string pair = header.substr(at, end - at);
        at = end + 1;
        std::size_t first = pair.find_first_not_of(' ');
        if (first == std::string::npos) continue;
        pair.erase(0, first);
        if (pair.size() > name.size() && pair.compare(0, name.size(), name) == 0 && pair[name.size()] == '=')
            return pair.substr(name.size() + 1);
    }
    return "";
}

std::string page_tier(const httplib::Request& request, const ServerConfig& config) {
    const std::string token = cookie_value(request.get_header_value("Cookie"), "anticipa_token");
    if (!token.empty()) {
        TierVerdict verdict = verify_tier_token(token, config.tier_secret);
        if (verdict.reason.empty()) return verdict.tier;
    }
    return request_tier(request, config);
}

std::string article_link(const std::string& page_locale, const std::string& article_locale, const std::string& id) {
    const std::string& in = language_of(page_locale) == language_of(article_locale) ? page_locale : article_locale;
    return escape_html(article::article_path(in, id));
}

std::string render_hits(const std::string& locale, const search::SearchResponse& found, const std::string& search_id,
                        std::size_t offset) {
    std::string html = "<ol class=\"results\" start=\"" + std::to_string(offset + 1) + "\">\n";
    std::size_t rank = offset;
    for (const auto& hit : found.hits) {
        std::string link = article_link(locale, hit.locale, hit.id) + "?sid=" + escape_html(search_id) +
                           "&amp;rank=" + std::to_string(++rank);
        if (!hit.anchor.empty()) link += "#" + escape_html(hit.anchor);
        html +=
            "<li lang=\"" + escape_html(hit.locale) + "\"><a href=\"" + link + "\">" + escape_html(hit.title) + "</a>";
        if (!hit.heading.empty()) html += " › " + escape_html(hit.heading);
        // snippet_html escapes the text itself and adds only <mark>.
        if (!hit.snippet.text.empty()) html += "<br><small>" + search::snippet_html(hit.snippet) + "</small>";
        html += "</li>\n";
    }
    return html + "</ol>\n";
}

}  // namespace anticipa::server::pages
