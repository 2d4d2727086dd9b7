// Server pages: the contact step — articles that may answer what the customer typed first,
// then the escalation options of their tier (basic: self-service; standard: a contact form;
// advanced: a named representative and a phone line).
#include "common/utf8.h"
#include "event_recording.h"
#include "events/reaction_event.h"
#include "pages/contact_step.h"
#include "pages/page_routes.h"
#include "pages/page_site.h"

#include <httplib.h>

namespace anticipa::server::pages {

namespace {

constexpr std::size_t MAX_SUBJECT_BYTES = 300;
constexpr std::size_t MAX_MESSAGE_BYTES = 4000;

std::string subject_form(const PageSite& site, const std::string& locale, const std::string& subject) {
    return "<form method=\"get\" action=\"/" + escape_html(locale) +
           "/contact\">"
           "<label for=\"subject\">" +
           site.html(locale, "contact.subject") +
           "</label>"
           "<input type=\"text\" id=\"subject\" name=\"subject\" maxlength=\"300\" value=\"" +
           escape_html(subject) + "\"><p><button type=\"submit\">" + site.html(locale, "contact.continue") +
           "</button></p></form>\n";
}

/// Deflection: what the help center already says about the subject, recorded like a search.
/// `search_id` receives the id of that search, which the escalation then refers to.
std::string deflection(const PageSite& site, const httplib::Request& request, const std::string& locale,
                       const std::string& tier, const std::string& subject, std::string& search_id) {
    search::SearchRequest query;
    query.query = subject;
    query.locale = locale;
    query.tier = tier;
    query.limit = 5;
    query.prefix_last_word = false;
    const search::AnswerPtr answer = site.context.search.answer(query);  // shared with the cache, not copied
    const search::SearchResponse& found = answer->response();
    events::Event event = search_event(site.context, request, {}, query, found, "deflect");
    search_id = event.search_id;
    record_search(site.context, std::move(event), query, found);
    if (found.hits.empty()) return "";
    return "<section class=\"deflection\"><h2>" + site.html(locale, "contact.deflection") + "</h2>\n" +
           render_hits(locale, found, search_id, 0) + "</section>\n";
}

/// The form, introduced with the plan's reply time (`contact.standard`) unless the plan already
/// said its own above it (`personal`: the representative's 4 hours, not a business day too).
std::string contact_form(const PageSite& site, const std::string& locale, const std::string& subject,
                         const std::string& search_id, bool personal) {
    return "<p>" + site.html(locale, personal ? "contact.form" : contact_intro_key(ContactLevel::FORM)) +
           "</p>\n<form method=\"post\" action=\"/" + escape_html(locale) +
           "/contact\">"
           "<input type=\"hidden\" name=\"subject\" value=\"" +
           escape_html(subject) +
           "\">"
           "<input type=\"hidden\" name=\"sid\" value=\"" +
           escape_html(search_id) +
           "\">"
           "<label for=\"email\">" +
           site.html(locale, "contact.email") +
           "</label>"
           "<input type=\"email\" id=\"email\" name=\"email\" required maxlength=\"200\">"
           "<label for=\"message\">" +
           site.html(locale, "contact.message") +
           "</label>"
           "<textarea id=\"message\" name=\"message\" rows=\"6\" required maxlength=\"4000\"></textarea>"
           "<p><button type=\"submit\">" +
           site.html(locale, "contact.send") + "</button></p></form>\n";
}

/// What the tier's plan offers (ServerConfig::escalation): a representative and phone line, a
/// contact form, or, with neither, a clear self-service message; the forum when there is one.
std::string escalation_options(const PageSite& site, const std::string& locale, const std::string& tier,
                               const std::string& subject, const std::string& search_id) {
    const EscalationOptions& offer = escalation_for(site.context.config, tier);
    const ContactLevel level = contact_level(offer);
    std::string html =
        "<section class=\"escalation\" id=\"escalation\"><h2>" + site.html(locale, "contact.still_need") + "</h2>\n";
    const bool personal = level == ContactLevel::PERSONAL;
    if (personal) {
        html += "<p>" + site.html(locale, contact_intro_key(level)) + "</p>\n<ul>\n";
        if (!offer.representative.empty())
            html += "<li>" + site.html(locale, "contact.representative", {{"name", offer.representative}}) + "</li>\n";
        if (!offer.phone.empty())
            html += "<li><a href=\"tel:" + escape_html(dialable(offer.phone)) + "\">" +
                    site.html(locale, "contact.phone", {{"phone", offer.phone}}) + "</a></li>\n";
        html += "</ul>\n";
    }
    if (offer.contact_form) html += contact_form(site, locale, subject, search_id, personal);
    if (level == ContactLevel::SELF_SERVICE)
        html += "<p class=\"notice\">" + site.html(locale, contact_intro_key(level)) + "</p>\n";
    if (!offer.forum_url.empty())
        html +=
            "<p><a href=\"" + escape_html(offer.forum_url) + "\">" + site.html(locale, "contact.forum") + "</a></p>\n";
    return html + "</section>\n";
}

}  // namespace

void contact_route(const PageSite& site, const std::string& locale, const httplib::Request& request,
                   httplib::Response& response) {
    if (request.get_param_value("sent") == "1") {  // where a sent form lands (see contact_post_route)
        const std::string body = "<h1>" + site.html(locale, "contact.title") + "</h1>\n<p class=\"notice\">" +
                                 site.html(locale, "contact.sent") + "</p>\n<p><a href=\"/" + escape_html(locale) +
                                 "/\">" + site.html(locale, "nav.home") + "</a></p>";
        return send_html(response, 200, site.page(locale, site.text(locale, "contact.title"), body));
    }
    std::string subject = request.get_param_value("subject");
    if (find_invalid_utf8(subject) != std::string::npos || subject.size() > MAX_SUBJECT_BYTES)
        return site.send_message(response, 400, locale, "error.bad_request", "contact.invalid");
    const std::string tier = page_tier(request, site.context.config);
    std::string body = "<h1>" + site.html(locale, "contact.title") + "</h1>\n" + subject_form(site, locale, subject);
    if (subject.find_first_not_of(" \t\r\n") != std::string::npos) {
        std::string search_id;
        body += deflection(site, request, locale, tier, subject, search_id);
        body += escalation_options(site, locale, tier, subject, search_id);
    }
    send_html(response, 200, site.page(locale, site.text(locale, "contact.title"), body));
}

/// The contact form's POST: only for tiers whose plan has the form (a hand-made POST cannot raise
/// the tier). The message goes to the outbox before the customer is told it was sent (303 to
/// ?sent=1).
void contact_post_route(const PageSite& site, const std::string& locale, const httplib::Request& request,
                        httplib::Response& response) {
    const std::string tier = page_tier(request, site.context.config);
    if (!escalation_for(site.context.config, tier).contact_form)
        return site.send_message(response, 403, locale, "contact.title", "contact.not_included");
    const std::string subject = request.get_param_value("subject");
    const std::string message = request.get_param_value("message");
    const std::string email = request.get_param_value("email");
    if (message.find_first_not_of(" \t\r\n") == std::string::npos || subject.size() > MAX_SUBJECT_BYTES ||
        message.size() > MAX_MESSAGE_BYTES || email.size() > 200 || find_invalid_utf8(subject) != std::string::npos ||
        find_invalid_utf8(message) != std::string::npos || find_invalid_utf8(email) != std::string::npos)
        return site.send_message(response, 400, locale, "error.bad_request", "contact.invalid");
    const std::string sid = request.get_param_value("sid");
    const std::string search_id = valid_search_id(sid) ? sid : "";
    if (!site.context.outbox.deliver({locale, tier, subject, email, message, search_id}))
        return site.send_message(response, 503, locale, "error.bad_request", "contact.not_sent");
    site.context.events.record(events::reaction_event(
        {.kind = events::EventKind::ESCALATE, .search_id = search_id, .channel = "contact_form", .subject = subject},
        {.source = "page", .locale = locale, .tier = tier, .client = client_of(site.context.config, request)}));
    // Redirect after POST: a reload of the confirmation then asks for the page again instead of
    // sending the ticket twice.
    send_redirect(response, 303, "/" + locale + "/contact?sent=1");
}

}  // namespace anticipa::server::pages
