// Server pages: the handlers of the help-center pages (page_routes.cpp) and of the contact step
// (contact_page.cpp); routes.cpp lists them. `locale` is the page's offered locale, canonical.
#pragma once

#include "pages/page_site.h"

#include <string>

namespace anticipa::server::pages {

/// GET /: redirects to the locale Accept-Language prefers among the offered ones.
void root_route(const PageSite& site, const httplib::Request& request, httplib::Response& response);
/// GET /{locale}: redirects to /{locale}/ (the 404 page when the locale is not offered).
void locale_root_route(const PageSite& site, const std::string& segment, httplib::Response& response);
/// GET /{locale}/: the articles by category.
void home_route(const PageSite& site, const std::string& locale, const httplib::Request& request,
                httplib::Response& response);
/// GET /{locale}/search?q=: one page of results, recorded as a search.
void search_route(const PageSite& site, const std::string& locale, const httplib::Request& request,
                  httplib::Response& response);
/// GET /{locale}/articles/{id}: the article, its contents, translations and feedback forms.
void article_route(const PageSite& site, const std::string& locale, const std::string& id,
                   const httplib::Request& request, httplib::Response& response);
/// POST /{locale}/articles/{id}/feedback: a vote from the plain form, then back to the article.
void feedback_route(const PageSite& site, const std::string& locale, const std::string& id,
                    const httplib::Request& request, httplib::Response& response);
/// GET /{locale}/contact?subject=: articles for the subject first, then the tier's options.
void contact_route(const PageSite& site, const std::string& locale, const httplib::Request& request,
                   httplib::Response& response);
/// POST /{locale}/contact: the contact form, for tiers whose plan has it.
void contact_post_route(const PageSite& site, const std::string& locale, const httplib::Request& request,
                        httplib::Response& response);

}  // namespace anticipa::server::pages
