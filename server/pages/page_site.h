// Server pages: what every page handler shares — the engine context, the UI strings, and the
// steps each page takes (which locale, which tier, the layout, the 404 page).
#pragma once

#include "pages/html_writer.h"
#include "pages/ui_messages.h"
#include "request_fields.h"
#include "server_context.h"

#include <httplib.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace anticipa::server::pages {

class PageSite {
  public:
    explicit PageSite(ServerContext& context);

    ServerContext& context;
    const UiMessages messages;

    /// Locales with UI strings whose language has articles in the index ("zh-CN" is offered when
    /// zh-TW articles exist: the engine folds the script), and indexed locales whose language has
    /// no UI strings at all ("de" without locales/de/messages.yaml), shown in the default words.
    std::vector<std::string> offered_locales() const;

    /// The page locale of a URL's first segment, canonical; nullopt when it is not offered.
    std::optional<std::string> page_locale(const std::string& segment) const;

    /// The UI string, plain text (escape before use in HTML).
    std::string text(const std::string& locale, const std::string& key, const MessageArgs& args = {}) const {
        return messages.text(locale, key, args);
    }
    /// The UI string, escaped for HTML.
    std::string html(const std::string& locale, const std::string& key, const MessageArgs& args = {}) const {
        return escape_html(messages.text(locale, key, args));
    }

    /// A category's display name in the locale ("category.billing"), else the category itself.
    std::string category_name(const std::string& locale, const std::string& category) const;

    /// A locale's name in its own language ("pt" -> "português"), for translation links.
    static std::string native_name(const std::string& locale);

    /// A locale's name in `in` ("en" in pt -> "inglês"), for the fallback notice.
    static std::string display_name(const std::string& locale, const std::string& in);

    /// Body wrapped in the layout, with the header labels of the locale.
    std::string page(const std::string& locale, const std::string& title, const std::string& body,
                     const std::string& query = "") const;

    /// The 404 page in the locale (the default locale when the URL's locale is itself unknown).
    void send_not_found(httplib::Response& response, const std::string& locale) const;

    /// A page with a title and one escaped message, for 400 and 403 answers.
    void send_message(httplib::Response& response, int status, const std::string& locale, const std::string& title_key,
                      const std::string& text_key) const;
};

/// The customer's tier for pages: the `anticipa_token` cookie (a signed JWT), else an
/// `Authorization: Bearer` token, else the public tier. Never a query parameter.
std::string page_tier(const httplib::Request& request, const ServerConfig& config);

/// The value of one cookie in a Cookie header ("" when absent).
std::string cookie_value(const std::string& header, const std::string& name);

/// The hits as a list of links to the article sections, with highlighted snippets, each in the
/// lang of its article.
/// Result links carry the search id and rank (?sid=..&rank=..), so opening one records the click
/// of that search even without JavaScript; ranks continue from `offset` (page 2 starts at 11).
std::string render_hits(const std::string& locale, const search::SearchResponse& found, const std::string& search_id,
                        std::size_t offset);

/// The link of an article for a page in `locale`: in its URL locale when the language is the
/// same (zh-CN pages show zh-TW articles), else in the article's own locale (fallback results).
std::string article_link(const std::string& page_locale, const std::string& article_locale, const std::string& id);

}  // namespace anticipa::server::pages
