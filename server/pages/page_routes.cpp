// Server pages: the help center rendered on the server (home, article, feedback), usable
// without JavaScript; the search page is in search_page.cpp, the contact step in contact_page.cpp.
#include "pages/page_routes.h"
#include "article/article.h"
#include "common/locale_tag.h"
#include "common/utf8.h"
#include "event_recording.h"
#include "events/reaction_event.h"

#include "pages/locale_negotiation.h"
#include "pages/page_site.h"
#include "request_fields.h"
#include "server_context.h"

#include <httplib.h>

#include <algorithm>
#include <memory>

namespace anticipa::server::pages {

void root_route(const PageSite& site, const httplib::Request& request, httplib::Response& response) {
    const std::string& fallback = site.context.config.default_locale;
    auto offered = site.offered_locales();
    std::string locale = negotiate_locale(request.get_header_value("Accept-Language"), offered, fallback);
    send_redirect(response, 302, "/" + locale + "/");
}

void locale_root_route(const PageSite& site, const std::string& segment, httplib::Response& response) {
    auto found = site.page_locale(segment);
    if (!found) return site.send_not_found(response, site.context.config.default_locale);
    send_redirect(response, 301, "/" + *found + "/");
}

void home_route(const PageSite& site, const std::string& locale, const httplib::Request& request,
                httplib::Response& response) {
    const auto articles = site.context.search.all_articles(locale, page_tier(request, site.context.config));
    std::string body = "<h1>" + site.html(locale, "home.title") + "</h1>\n";
    // all_articles is sorted by category, then title: one list per run of a category.
    for (std::size_t at = 0; at < articles.size();) {
        std::size_t end = at;
        while (end < articles.size() && articles[end].category == articles[at].category) ++end;
        body += "<section><h2 id=\"" + escape_html(articles[at].category) + "\">" +
                escape_html(site.category_name(locale, articles[at].category)) + "</h2>\n<ul class=\"articles\">\n";
        for (; at < end; ++at)
            body += "<li lang=\"" + escape_html(articles[at].locale) + "\"><a href=\"" +
                    article_link(locale, articles[at].locale, articles[at].id) + "\">" +
                    escape_html(articles[at].title) + "</a></li>\n";
        body += "</ul></section>\n";
    }
    send_html(response, 200, site.page(locale, site.text(locale, "home.title"), body));
}

namespace {

/// The article in the page's locale, else in another region of its language (zh-CN -> zh-TW).
std::optional<search::ArticleView> find_article(const PageSite& site, const std::string& locale, const std::string& id,
                                                const std::string& tier) {
    if (auto view = site.context.search.article(locale, id, tier)) return view;
    for (const auto& other : site.context.search.status().locales)
        if (other != locale && language_of(other) == language_of(locale))
            if (auto view = site.context.search.article(other, id, tier)) return view;
    return std::nullopt;
}

/// The search an article page was opened from (?sid= on result links), when there is one.
std::string search_id_of(const httplib::Request& request) {
    const std::string sid = request.get_param_value("sid");
    return valid_search_id(sid) ? sid : "";
}

std::string feedback_html(const PageSite& site, const std::string& locale, const std::string& id, bool thanked,
                          const std::string& search_id) {
    std::string html = "<section class=\"feedback\" id=\"feedback\">\n";
    if (thanked) return html + "<p class=\"notice\">" + site.html(locale, "feedback.thanks") + "</p>\n</section>\n";
    const std::string action = escape_html(article::article_path(locale, id)) + "/feedback";
    // The vote refers to the search the article was opened from, so "not helpful" marks that search.
    const std::string sid = search_id.empty() ? "" : "<input type=\"hidden\" name=\"sid\" value=\"" + search_id + "\">";
    html += "<h2>" + site.html(locale, "feedback.question") + "</h2>\n";
    // One form, read top to bottom: Yes and No side by side, then what was missing, which its own
    // button sends as a No (without JavaScript a click on No has already sent the form).
    const auto vote = [&](const char* value, const char* key) {
        return "<button type=\"submit\" name=\"vote\" value=\"" + std::string(value) + "\">" + site.html(locale, key) +
               "</button>";
    };
    html += "<form method=\"post\" action=\"" + action + "\">" + sid + "<p class=\"votes\">" +
            vote("yes", "feedback.yes") + " " + vote("no", "feedback.no") + "</p><label for=\"comment\">" +
            site.html(locale, "feedback.comment") +
            "</label><textarea id=\"comment\" name=\"comment\" rows=\"3\" maxlength=\"2000\"></textarea><p>" +
            vote("no", "feedback.send") + "</p></form>\n";
    return html + "</section>\n";
}

}  // namespace

void article_route(const PageSite& site, const std::string& locale, const std::string& id,
                   const httplib::Request& request, httplib::Response& response) {
    if (!valid_article_id(id)) return site.send_not_found(response, locale);
    auto view = find_article(site, locale, id, page_tier(request, site.context.config));
    if (!view) return site.send_not_found(response, locale);
    const std::string search_id = search_id_of(request);
    if (!search_id.empty()) {  // opened from a result: the click of that search
        int rank = 0;
        try {
            rank = std::clamp(std::stoi(request.get_param_value("rank")), 0, 1000);
        } catch (const std::exception&) {
            rank = 0;  // a hand-edited rank is not worth refusing the page for
        }
        site.context.events.record(events::reaction_event(
            {.kind = events::EventKind::CLICK, .search_id = search_id, .article_id = id, .rank = rank},
            {.source = "page",
             .locale = locale,
             .tier = page_tier(request, site.context.config),
             .client = client_of(site.context.config, request)}));
    }

    std::string body =
        "<article lang=\"" + escape_html(view->locale) + "\">\n<h1>" + escape_html(view->title) + "</h1>\n";
    if (!view->updated.empty())
        body += "<p><small>" + site.html(locale, "article.updated", {{"date", view->updated}}) + "</small></p>\n";
    std::string toc;
    for (const auto& section : view->sections)
        if (!section.anchor.empty() && section.level == 2)
            toc +=
                "<li><a href=\"#" + escape_html(section.anchor) + "\">" + escape_html(section.heading) + "</a></li>\n";
    if (!toc.empty())
        body += "<nav class=\"toc\"><strong>" + site.html(locale, "article.contents") + "</strong>\n<ul>\n" + toc +
                "</ul></nav>\n";
    // Section HTML is cmark's safe output with the heading's id="anchor" already in place.
    for (const auto& section : view->sections) body += "<section>\n" + section.html + "</section>\n";
    body += "</article>\n";

    // A zh-CN page shows the zh-TW article: offer the zh-TW page too.
    std::vector<std::string> others = view->translations;
    if (view->locale != locale) others.insert(others.begin(), view->locale);
    std::string translations;
    for (const auto& other : others) {
        if (!site.page_locale(other)) continue;
        translations += "<li><a href=\"" + escape_html(article::article_path(other, id)) + "\" hreflang=\"" +
                        escape_html(other) + "\" lang=\"" + escape_html(other) + "\">" +
                        escape_html(PageSite::native_name(other)) + "</a></li>\n";
    }
    if (!translations.empty())
        body += "<nav class=\"translations\"><h2>" + site.html(locale, "article.translations") + "</h2>\n<ul>\n" +
                translations + "</ul></nav>\n";
    body += feedback_html(site, locale, id, request.get_param_value("feedback") == "thanks", search_id);
    send_html(response, 200, site.page(locale, view->title, body));
}

/// "Was this helpful?" from a plain form: record the vote, then back to the article (303, so a
/// reload does not post again) with the thank-you shown.
void feedback_route(const PageSite& site, const std::string& locale, const std::string& id,
                    const httplib::Request& request, httplib::Response& response) {
    if (!valid_article_id(id)) return site.send_not_found(response, locale);
    const std::string tier = page_tier(request, site.context.config);
    if (!find_article(site, locale, id, tier)) return site.send_not_found(response, locale);
    const std::string vote = request.get_param_value("vote");
    std::string comment = request.get_param_value("comment").substr(0, 2000);
    if ((vote != "yes" && vote != "no") || find_invalid_utf8(comment) != std::string::npos)
        return site.send_message(response, 400, locale, "error.bad_request", "feedback.invalid");
    site.context.events.record(events::reaction_event(
        {.kind = vote == "yes" ? events::EventKind::HELPFUL : events::EventKind::NOT_HELPFUL,
         .search_id = search_id_of(request),
         .article_id = id,
         .comment = std::move(comment)},
        {.source = "page", .locale = locale, .tier = tier, .client = client_of(site.context.config, request)}));
    send_redirect(response, 303, article::article_path(locale, id) + "?feedback=thanks#feedback");
}

}  // namespace anticipa::server::pages
