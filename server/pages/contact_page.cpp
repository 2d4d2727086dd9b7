// Server pages: the contact step — articles that may answer what the customer typed first,
// then the escalation options of their tier (basic: self-service; standard: a contact form;
// advanced: a named representative and a phone line).
#include "common/utf8.h"
#include "pages/page_site.h"

#include <httplib.h>

namespace anticipa::server::pages {

namespace {

constexpr std::size_t MAX_SUBJECT_BYTES = 300;
constexpr std::size_t MAX_MESSAGE_BYTES = 4000;

std::string subject_form(const PageSite& site, const std::string& locale, const std::string& subject) {
    return "<form method=\"get\" action=\"/" + escape_html(locale) + "/contact\">"
           "<label for=\"subject\">" + site.html(locale, "contact.subject") + "</label>"
           "<input type=\"text\" id=\"subject\" name=\"subject\" maxlength=\"300\" value=\"" + escape_html(subject) +
           "\"><p><button type=\"submit\">" + site.html(locale, "contact.continue") + "</button></p></form>\n";
}

/// Deflection: what the help center already says about the subject, recorded like a search.
std::string deflection(const PageSite& site, const std::string& locale, const std::string& tier,
                       const std::string& subject) {
    search::SearchRequest query;
    query.query = subject;
    query.locale = locale;
    query.tier = tier;
    query.limit = 5;
    query.prefix_last_word = false;
    search::SearchResponse found = site.context.search.search(query);
    events::Event event;
    event.kind = events::EventKind::SEARCH;
    event.search_id = new_search_id();
    event.source = "deflect";
    event.locale = locale;
    event.tier = tier;
    event.query = subject;
    event.results = found.total;
    event.fallback = found.fallback;
    for (const auto& hit : found.hits) event.shown.push_back(hit.id);
    site.context.events.record(std::move(event));
    if (found.hits.empty()) return "";
    return "<section class=\"deflection\"><h2>" + site.html(locale, "contact.deflection") + "</h2>\n" +
           render_hits(locale, found) + "</section>\n";
}

std::string contact_form(const PageSite& site, const std::string& locale, const std::string& subject) {
    return "<p>" + site.html(locale, "contact.standard") + "</p>\n<form method=\"post\" action=\"/" +
           escape_html(locale) + "/contact\">"
           "<input type=\"hidden\" name=\"subject\" value=\"" + escape_html(subject) + "\">"
           "<label for=\"email\">" + site.html(locale, "contact.email") + "</label>"
           "<input type=\"email\" id=\"email\" name=\"email\" required maxlength=\"200\">"
           "<label for=\"message\">" + site.html(locale, "contact.message") + "</label>"
           "<textarea id=\"message\" name=\"message\" rows=\"6\" required maxlength=\"4000\"></textarea>"
           "<p><button type=\"submit\">" + site.html(locale, "contact.send") + "</button></p></form>\n";
}

std::string escalation_options(const PageSite& site, const std::string& locale, const std::string& tier,
                               const std::string& subject) {
    std::string html = "<section class=\"escalation\" id=\"escalation\"><h2>" + site.html(locale, "contact.still_need") +
                       "</h2>\n";
    if (tier == "advanced") {
        html += "<p>" + site.html(locale, "contact.advanced") + "</p>\n<ul>\n<li>" +
                site.html(locale, "contact.representative", {{"name", site.text(locale, "support.representative")}}) +
                "</li>\n<li><a href=\"tel:" + escape_html(site.text(locale, "support.phone_link")) + "\">" +
                site.html(locale, "contact.phone", {{"phone", site.text(locale, "support.phone")}}) + "</a></li>\n</ul>\n";
        html += contact_form(site, locale, subject);
    } else if (tier == "standard") {
        html += contact_form(site, locale, subject);
    } else {
        html += "<p class=\"notice\">" + site.html(locale, "contact.basic") + "</p>\n<p><a href=\"" +
                escape_html(site.text(locale, "support.forum_url")) + "\">" + site.html(locale, "contact.forum") +
                "</a></p>\n";
    }
    return html + "</section>\n";
}

void contact_route(const PageSite& site, const std::string& locale, const httplib::Request& request,
                   httplib::Response& response) {
    std::string subject = request.get_param_value("subject");
    if (find_invalid_utf8(subject) != std::string::npos || subject.size() > MAX_SUBJECT_BYTES)
        return site.send_message(response, 400, locale, "error.bad_request", "contact.invalid");
    const std::string tier = page_tier(request, site.context.config);
    std::string body = "<h1>" + site.html(locale, "contact.title") + "</h1>\n" + subject_form(site, locale, subject);
    if (subject.find_first_not_of(" \t\r\n") != std::string::npos) {
        body += deflection(site, locale, tier, subject);
        body += escalation_options(site, locale, tier, subject);
    }
    send_html(response, 200, site.page(locale, site.text(locale, "contact.title"), body));
}

/// The contact form's POST: standard and advanced tiers only (the form is not offered to basic,
/// and a hand-made POST cannot raise the tier).
void contact_post_route(const PageSite& site, const std::string& locale, const httplib::Request& request,
                        httplib::Response& response) {
    const std::string tier = page_tier(request, site.context.config);
    if (tier != "standard" && tier != "advanced")
        return site.send_message(response, 403, locale, "contact.title", "contact.not_included");
    const std::string subject = request.get_param_value("subject");
    const std::string message = request.get_param_value("message");
    const std::string email = request.get_param_value("email");
    if (message.find_first_not_of(" \t\r\n") == std::string::npos || subject.size() > MAX_SUBJECT_BYTES ||
        message.size() > MAX_MESSAGE_BYTES || email.size() > 200 || find_invalid_utf8(subject) != std::string::npos ||
        find_invalid_utf8(message) != std::string::npos || find_invalid_utf8(email) != std::string::npos)
        return site.send_message(response, 400, locale, "error.bad_request", "contact.invalid");
    events::Event event;
    event.kind = events::EventKind::ESCALATE;
    event.source = "page";
    event.channel = "contact_form";
    event.locale = locale;
    event.tier = tier;
    event.query = subject;
    site.context.events.record(std::move(event));
    // Handing the message to the ticketing system is the product's side; the page confirms it.
    const std::string body = "<h1>" + site.html(locale, "contact.title") + "</h1>\n<p class=\"notice\">" +
                             site.html(locale, "contact.sent") + "</p>\n<p><a href=\"/" + escape_html(locale) +
                             "/\">" + site.html(locale, "nav.home") + "</a></p>";
    send_html(response, 200, site.page(locale, site.text(locale, "contact.title"), body));
}

}  // namespace

void register_contact_routes(httplib::Server& http, const std::shared_ptr<const PageSite>& site,
                             const std::string& locale_pattern) {
    http.Get("/" + locale_pattern + "/contact", with_locale(site, contact_route));
    http.Post("/" + locale_pattern + "/contact", with_locale(site, contact_post_route));
}

}  // namespace anticipa::server::pages
