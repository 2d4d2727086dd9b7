#include "widget/widget_text.h"

#include "common/locale_tag.h"
#include "http_responses.h"
#include "pages/contact_step.h"
#include "pages/locale_negotiation.h"
#include "request_fields.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace anticipa::server {

namespace {

/// The words the widget shows, by the name widget.js uses; the pages' own keys where the pages
/// say the same thing, so one translation serves both.
nlohmann::json labels(const pages::PageSite& site, const std::string& words) {
    const auto text = [&](const char* key) { return site.text(words, key); };
    // A search falls back to the default locale only, so the notice can name its language now.
    const std::string fallback_language = pages::PageSite::display_name(site.context.config.default_locale, words);
    return {{"button", text("widget.button")},
            {"close", text("widget.close")},
            {"placeholder", text("search.placeholder")},
            {"suggested", text("widget.suggested")},
            {"none", text("widget.none")},
            {"did_you_mean", text("search.did_you_mean")},
            {"showing_for", text("search.showing_for")},
            {"instead_for", text("search.instead_for")},
            {"fallback", site.text(words, "search.fallback", {{"language", fallback_language}})},
            {"see_all", text("widget.see_all")}};
}

/// The tier's contact step as the contact page offers it (pages/contact_step.h): the words that
/// open it, then only the ways of reaching support the plan has. `page_locale` prefixes the
/// help center's contact page, which the widget links to with the customer's words.
nlohmann::json contact_step(const pages::PageSite& site, const std::string& words, const std::string& page_locale,
                            const std::string& tier) {
    const EscalationOptions& offer = escalation_for(site.context.config, tier);
    const pages::ContactLevel level = pages::contact_level(offer);
    nlohmann::json step{{"heading", site.text(words, "contact.still_need")},
                        {"text", site.text(words, pages::contact_intro_key(level))}};
    if (level == pages::ContactLevel::PERSONAL && !offer.representative.empty())
        step["representative"] = site.text(words, "contact.representative", {{"name", offer.representative}});
    if (level == pages::ContactLevel::PERSONAL && !offer.phone.empty())
        step["phone"] = {{"label", site.text(words, "contact.phone", {{"phone", offer.phone}})},
                         {"link", "tel:" + pages::dialable(offer.phone)}};
    if (offer.contact_form)
        step["form"] = {{"label", site.text(words, "nav.contact")}, {"link", "/" + page_locale + "/contact"}};
    if (!offer.forum_url.empty())
        step["forum"] = {{"label", site.text(words, "contact.forum")}, {"link", offer.forum_url}};
    return step;
}

}  // namespace

void widget_text_route(const pages::PageSite& site, const httplib::Request& request, httplib::Response& response) {
    const ServerConfig& config = site.context.config;
    auto locale = known_locale(request.has_param("locale") ? request.get_param_value("locale") : config.default_locale);
    if (!locale)
        return send_error(response, ApiError::INVALID_REQUEST, "locale must be a language tag like pt or zh-TW");
    const std::string words = site.messages.words_locale(*locale);
    // The help-center pages closest to the customer's language ("pt-BR" -> /pt/).
    const std::string page_locale = pages::negotiate_locale(*locale, site.offered_locales(), config.default_locale);
    send_json(response, {{"locale", *locale},
                         {"lang", words},
                         {"text", labels(site, words)},
                         {"search_page", "/" + page_locale + "/search"},
                         {"contact", contact_step(site, words, page_locale, request_tier(request, config))}});
    // The words change only with a restart; the contact step with the token, so per caller.
    response.set_header("Cache-Control", "private, max-age=3600");
    response.set_header("Vary", "Authorization");
}

}  // namespace anticipa::server
