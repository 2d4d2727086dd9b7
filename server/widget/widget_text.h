// Server: the widget's words and its contact step — locales/<tag>/messages.yaml and the tier's
// plan -> one JSON answer the widget reads when it loads, so widget.js carries no language.
#pragma once

#include "pages/page_site.h"

namespace anticipa::server {

/// GET /api/v1/widget/text?locale=: the widget's labels and notices in the words of `locale`
/// (the default locale's for a language without messages.yaml), the help-center search page to
/// link to, and the contact step of the caller's tier (from the bearer token, never the URL).
void widget_text_route(const pages::PageSite& site, const httplib::Request& request, httplib::Response& response);

}  // namespace anticipa::server
