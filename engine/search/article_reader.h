// Search stage: whole articles and lists of articles out of the index, for pages, the articles
// API and contextual suggestions. Every read filters by tier and publication inside Xapian.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

namespace anticipa::search {

struct ArticleSection {
    int level = 0;
    std::string heading, anchor, text, html;
};

struct ArticleView {
    std::string id, locale, title, category, updated, path;
    std::vector<std::string> tags, tiers;
    std::vector<ArticleSection> sections;   ///< in document order
    std::vector<std::string> translations;  ///< other locales of this id the reader may see
};

/// One line of a list: enough to link to the article.
struct ArticleSummary {
    std::string id, locale, title, category;
    std::string link;  ///< the help-center page: "/<locale>/articles/<id>"
};

/// Published and open to `tier`: the filter every read path applies inside Xapian, so hidden
/// articles never leave the index.
Xapian::Query visible_to(const std::string& tier);

/// Reads every section of one article, or nothing when it does not exist, is a draft, or is
/// not open to `tier`.
std::optional<ArticleView> read_article(const Xapian::Database& db, const std::string& id, const std::string& tier);

/// Published articles open to `tier` that match `filter` (boolean), one entry per article,
/// sorted by category then title; at most `limit`.
std::vector<ArticleSummary> list_articles(const Xapian::Database& db, const Xapian::Query& filter,
                                          const std::string& tier, std::size_t limit);

/// The filter for articles offered on a product route: the route or any parent of it
/// ("/settings/security/2fa" also matches articles for "/settings/security").
Xapian::Query route_filter(const std::string& route);

}  // namespace anticipa::search
