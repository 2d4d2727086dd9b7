// Search stage: the request a customer (or writer) makes and the ranked answer it gets.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace anticipa::search {

struct SearchRequest {
    std::string query;
    std::string locale;             ///< the customer's locale; other regions of the language also match
    std::string tier = "basic";     ///< who asks: only articles open to this tier are seen
    std::vector<std::string> tags;  ///< every tag must match
    std::string category;
    std::size_t offset = 0;
    std::size_t limit = 10;
    bool prefix_last_word = true;     ///< search-as-you-type: "passw" finds "password"
    bool fallback_to_default = true;  ///< no match in the locale -> try the default locale
    bool include_drafts = false;      ///< writers previewing; never for customers
    bool with_snippets = true;        ///< off for evaluation runs, which only need the ranking
    /// What the words themselves match: every word that is not a stop word must match, and no
    /// spelling correction is tried. For counting (why a search missed), not for customers.
    bool every_word = false;
};

/// A piece of a section's text with the byte ranges of the matched words; each renderer (terminal,
/// JSON, HTML) marks and escapes them its own way.
struct Snippet {
    std::string text;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> highlights;
};

struct SearchHit {
    std::string id, locale, title, heading, anchor;
    std::string link;  ///< the help-center page of the section: "/<locale>/articles/<id>#<anchor>"
    std::string path;  ///< source file below the articles folder
    Snippet snippet;
    double score = 0;
};

struct SearchResponse {
    std::vector<SearchHit> hits;  ///< one per article, best section first
    std::size_t total = 0;        ///< estimated matching articles
    std::string locale;           ///< the locale whose articles answered
    bool fallback = false;        ///< true when that is the default locale, not the one asked for
    std::string did_you_mean;     ///< the query with unknown words corrected; "" if none
};

}  // namespace anticipa::search
