// Server: checks of request fields that several routes (API and pages) share.
#pragma once

#include "field_result.h"

#include <string>

namespace anticipa::server {

/// Article ids are folder-like names from the help center: letters, digits, '.', '_', '-' and
/// '/', never "..", "//", or a leading or trailing '/' ("billing/invoices" yes,
/// "../etc/passwd" no), at most 200 characters.
bool valid_article_id(const std::string& id);

/// A search id as new_search_id() makes them: 32 lowercase hex digits.
bool valid_search_id(const std::string& id);

/// A search-as-you-type session id as the widget makes them: 1 to 64 letters, digits, '-' or '_'.
bool valid_session_id(const std::string& id);

/// A product page route as the widget reports it ("/billing/invoices"): not empty, starts with '/',
/// valid UTF-8, at most 200 characters (code points), no control characters. The route as given,
/// or an error naming the `route` field and what is wrong with it. The one check of every route
/// a request carries (search, suggest, context, deflect, events).
FieldResult<std::string> check_route(const std::string& route);

/// The route without its query string or fragment, which can carry personal data (?email=...)
/// and would split one page into many in the report.
std::string route_path(const std::string& route);

}  // namespace anticipa::server
