// Server pages: the search page — one page of results for ?q=&page=, recorded as a search, with
// what the spelling correction did and a pager to the other pages that works from the keyboard
// and reads well in a screen reader.
#include "common/utf8.h"
#include "event_recording.h"
#include "pages/page_routes.h"
#include "pages/page_site.h"

#include <httplib.h>

#include <algorithm>
#include <optional>

namespace anticipa::server::pages {

namespace {

constexpr std::size_t RESULTS_PER_PAGE = 10;
/// The API's limit too (/api/v1/search?page=): deeper pages are not worth the matching work.
constexpr std::size_t MAX_PAGE = 100;
/// Page numbers shown around the current one; Previous and Next reach the others.
constexpr std::size_t PAGE_LINKS_AROUND = 4;

/// The ?page= of the request: 1 when absent, nullopt when it is not a number from 1 to MAX_PAGE
/// ("0", "-1", "2x", "101").
std::optional<std::size_t> requested_page(const httplib::Request& request) {
    if (!request.has_param("page")) return 1;
    const std::string text = request.get_param_value("page");
    if (text.empty() || text.size() > 3 || text.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    const std::size_t page = std::stoul(text);
    if (page < 1 || page > MAX_PAGE) return std::nullopt;
    return page;
}

/// The pager: Previous, the numbers around the current page, Next. Links, not buttons, so each
/// page has its own URL (back button, bookmarks); rel=prev/next and aria-current say which is which.
std::string render_pager(const PageSite& site, const std::string& locale, const std::string& search, std::size_t page,
                         std::size_t total) {
    const std::size_t pages = std::min(MAX_PAGE, (total + RESULTS_PER_PAGE - 1) / RESULTS_PER_PAGE);
    if (pages <= 1 && page == 1) return "";
    const std::string base = search + "&amp;page=";
    auto link = [&](std::size_t to, const std::string& attributes, const std::string& label) {
        return "<li><a href=\"" + base + std::to_string(to) + "\"" + attributes + ">" + label + "</a></li>\n";
    };
    std::string html = "<nav class=\"pages\" aria-label=\"" + site.html(locale, "search.pages") + "\">\n<ul>\n";
    if (page > 1)
        html += link(std::min(page - 1, std::max<std::size_t>(pages, 1)), " rel=\"prev\"",
                     site.html(locale, "search.previous"));
    const std::size_t first = page > PAGE_LINKS_AROUND ? page - PAGE_LINKS_AROUND : 1;
    const std::size_t last = std::min(pages, page + PAGE_LINKS_AROUND);
    for (std::size_t at = first; at <= last; ++at) {
        const std::string label = site.html(locale, "search.page", {{"page", std::int64_t(at)}});
        html += link(at, " aria-label=\"" + label + "\"" + (at == page ? " aria-current=\"page\"" : ""),
                     std::to_string(at));
    }
    if (page < pages) html += link(page + 1, " rel=\"next\"", site.html(locale, "search.next"));
    return html + "</ul>\n</nav>\n";
}

/// The link of a search on this site: `/<locale>/search?q=..`, with `&correct=false` for the
/// words exactly as typed.
std::string search_link(const std::string& locale, const std::string& q, bool correct_spelling) {
    return "/" + escape_html(locale) + "/search?q=" + url_encode(q) + (correct_spelling ? "" : "&amp;correct=false");
}

/// What the spelling did: "Showing results for <corrected> / Search instead for <typed>" when
/// only the corrected words found anything (the results are not for what was typed: say so, and
/// offer the typed words), else "Did you mean: <corrected>" when a correction is likely.
std::string render_correction(const PageSite& site, const std::string& locale, const search::SearchResponse& found) {
    const auto link = [&](const std::string& words, bool correct) {
        return "<a href=\"" + search_link(locale, words, correct) + "\">" + escape_html(words) + "</a>";
    };
    if (!found.showing_results_for.empty())
        return "<p class=\"corrected\">" + site.html(locale, "search.showing_for") + " <strong>" +
               link(found.showing_results_for, true) + "</strong><br>\n<small>" +
               site.html(locale, "search.instead_for") + " " + link(found.search_instead_for, false) + "</small></p>\n";
    if (!found.did_you_mean.empty())
        return "<p class=\"did-you-mean\">" + site.html(locale, "search.did_you_mean") + " " +
               link(found.did_you_mean, true) + "</p>\n";
    return "";
}

}  // namespace

/// One page of results; the query is recorded as a search event like the API's.
void search_route(const PageSite& site, const std::string& locale, const httplib::Request& request,
                  httplib::Response& response) {
    const std::string q = request.get_param_value("q");
    if (find_invalid_utf8(q) != std::string::npos)
        return site.send_message(response, 400, locale, "error.bad_request", "search.invalid");
    if (count_code_points(q) > site.context.config.max_query_chars)
        return site.send_message(response, 400, locale, "error.bad_request", "search.too_long");
    const std::optional<std::size_t> page = requested_page(request);
    if (!page) return site.send_message(response, 400, locale, "error.bad_request", "search.bad_page");
    const std::string title = site.text(locale, "search.title", {{"query", q}});
    if (q.find_first_not_of(" \t\r\n") == std::string::npos) {
        const std::string body =
            "<h1>" + site.html(locale, "search.button") + "</h1>\n<p>" + site.html(locale, "search.empty") + "</p>";
        return send_html(response, 200, site.page(locale, site.text(locale, "search.button"), body));
    }
    search::SearchRequest query;
    query.query = q;
    query.locale = locale;
    query.tier = page_tier(request, site.context.config);
    query.limit = RESULTS_PER_PAGE;
    query.offset = (*page - 1) * RESULTS_PER_PAGE;
    query.correct_spelling = request.get_param_value("correct") != "false";  // "Search instead for"
    const search::AnswerPtr answer = site.context.search.answer(query);      // shared with the cache, not copied
    const search::SearchResponse& found = answer->response();
    site.context.metrics.count_search(found.own_total() > 0);

    events::Event event = search_event(site.context, request, {}, query, found, "page");
    const std::string search_id = event.search_id;
    record_search(site.context, std::move(event), query, found);

    const std::string root = "/" + escape_html(locale) + "/";
    std::string body = "<h1>" + escape_html(title) + "</h1>\n";
    body +=
        "<p class=\"count\">" + site.html(locale, "search.results", {{"count", std::int64_t(found.total)}}) + "</p>\n";
    body += render_correction(site, locale, found);
    if (found.fallback)
        body += "<p class=\"notice\">" +
                site.html(locale, "search.fallback", {{"language", PageSite::display_name(found.locale, locale)}}) +
                "</p>\n";
    if (found.hits.empty() && found.total == 0)
        body += "<p>" + site.html(locale, "search.none") + " <a href=\"" + root + "contact?subject=" + url_encode(q) +
                "\">" + site.html(locale, "nav.contact") + "</a></p>\n";
    body += render_hits(locale, found, search_id, query.offset);
    body += render_pager(site, locale, search_link(locale, q, query.correct_spelling), *page, found.total);
    send_html(response, 200, site.page(locale, title, body, q));
}

}  // namespace anticipa::server::pages
