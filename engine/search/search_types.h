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
    /// Off: the words exactly as typed ("Search instead for …" after a correction was shown).
    bool correct_spelling = true;
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
    /// Set when every hit came from the corrections, the customer's own words having found
    /// nothing: the results are for `showing_results_for` (the corrected query, as did_you_mean),
    /// and `search_instead_for` is the query as typed, to ask again without corrections. The
    /// content plan counts such a search as one without results (its own words found none).
    std::string showing_results_for;
    std::string search_instead_for;

    /// Hits the customer's own words found: `total`, or 0 when only the corrections found any.
    std::size_t own_total() const { return showing_results_for.empty() ? total : 0; }
};

}  // namespace anticipa::search
