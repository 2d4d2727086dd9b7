// Server pages: text -> safe HTML, and one page body -> the whole document in the shared layout.
#pragma once

#include "common/html_escape.h"
#include "httplib_fwd.h"

#include <string>
#include <string_view>

namespace anticipa::server::pages {

/// The engine's escaping (& < > " '), the same the snippets use.
using anticipa::escape_html;

/// Percent-encodes everything but unreserved characters (for query values in links).
std::string url_encode(std::string_view text);

/// What the layout needs besides the body: every label already in the page's language.
struct PageFrame {
    std::string locale;         ///< the prefix of the header links ("de")
    std::string lang;           ///< the language of the labels, the page's lang attribute ("en"); "": locale
    std::string title;          ///< plain text
    std::string site_name;      ///< plain text
    std::string search_label;   ///< plain text (placeholder and label of the search box); "": no search box
    std::string search_button;  ///< plain text
    std::string contact_label;  ///< plain text; "": no contact link in the footer
    std::string home;           ///< where the site name links; "": /<locale>/
    std::string query;          ///< request text shown back in the search box
    std::string body;           ///< HTML, already safe
};

/// The whole document: viewport meta, the small inline stylesheet, header with a search form
/// that works without JavaScript, the body, and a footer link to the contact step. Pages outside
/// the help center (the admin login) leave the search and contact labels empty.
std::string render_page(const PageFrame& frame);

/// Sets the status and the HTML body (text/html; charset=utf-8) and keeps shared caches out,
/// since pages depend on the customer's tier.
void send_html(httplib::Response& response, int status, const std::string& html);

/// A redirect with a short HTML body (browsers without redirects, and httplib's error handler,
/// which would otherwise fill an empty body).
void send_redirect(httplib::Response& response, int status, const std::string& location);

}  // namespace anticipa::server::pages
