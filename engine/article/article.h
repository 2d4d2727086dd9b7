// Article stage: the types a Markdown article file turns into (front matter + sections).
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace anticipa::article {

/// Front matter of one article, after defaults were applied.
struct ArticleMeta {
    std::string id;   ///< shared by translations; default: the path without locale and ".md"
    int id_line = 1;  ///< the file line of `id:`, for problems about the id; 1 when it comes from the path
    std::string title;
    std::string locale;  ///< canonical BCP-47 tag
    std::vector<std::string> tags;
    std::string category;
    std::vector<std::string> tiers;  ///< subset of basic, standard, advanced; default all three
    bool draft = false;
    std::vector<std::string> questions;  ///< other ways customers ask this
    std::vector<std::string> context;    ///< product routes where the article is offered
    std::string updated;                 ///< YYYY-MM-DD or empty
    std::string source_revision;         ///< translations: the source article's revision translated
    bool translate = true;               ///< false for a topic of one market only (Pix, SDI e-invoices)
    std::string gap;                     ///< the question group this article closes (`anticipa gaps --verify`)
    /// false: no learned phrasings are indexed with it (a writer keeps customers' words out of it)
    bool learned = true;
};

/// One part of the article: the text before the first heading, then one per heading.
struct Section {
    int level = 0;        ///< 0 for the introduction, else the heading level
    std::string heading;  ///< plain text of the heading ("" for the introduction)
    std::string anchor;   ///< stable slug for deep links ("" for the introduction)
    std::string text;     ///< plain text for indexing and snippets
    std::string html;     ///< safe HTML for display (cmark's safe mode: no raw HTML)
};

/// A link found in the body, with its source line, for `anticipa check`.
struct Link {
    std::string target;
    int line = 0;
};

struct Article {
    ArticleMeta meta;
    std::string path;          ///< relative to the articles folder: "pt/account/senha.md"
    std::string content_hash;  ///< of the whole file: unchanged files are skipped when indexing
    std::string revision;      ///< of the body: translations record it to notice staleness
    std::vector<Section> sections;
    std::vector<Link> links;
};

/// The support tiers, lowest first: the one list of them (articles, tokens, settings, tools).
inline const std::vector<std::string>& all_tiers() {
    static const std::vector<std::string> tiers{"basic", "standard", "advanced"};
    return tiers;
}

/// True for a tier all_tiers() lists ("standard" yes, "gold" no).
inline bool is_tier(std::string_view name) {
    return std::find(all_tiers().begin(), all_tiers().end(), name) != all_tiers().end();
}

/// Everyone's tier without a token.
inline const std::string& lowest_tier() {
    return all_tiers().front();
}

/// The tier that may read every published article.
inline const std::string& highest_tier() {
    return all_tiers().back();
}

/// The help-center page of an article, where the pages serve it and every link points:
/// "/pt/articles/billing/invoices".
inline std::string article_path(std::string_view locale, std::string_view id) {
    return "/" + std::string(locale) + "/articles/" + std::string(id);
}

}  // namespace anticipa::article
