// Search stage: a hit's section text + the query's match keys -> a short snippet with the
// matched words located by the analyzer's byte ranges (Xapian's MSet::snippet tokenizes its own
// way and misses Chinese words).
#pragma once

#include "analysis/analyzer.h"
#include "search/search_types.h"

#include <set>
#include <string>

namespace anticipa::search {

struct SnippetOptions {
    std::size_t max_bytes = 220;            ///< length of the snippet
    std::size_t max_analyzed_bytes = 3000;  ///< matches are looked for in this much of the text
};

/// The window of `text` with the most matched words, cut at word boundaries.
Snippet make_snippet(const std::string& text, const analysis::Analyzer& analyzer,
                     const std::set<std::string>& match_keys, const std::string& prefix,
                     const SnippetOptions& options = {});

/// The snippet as HTML: text escaped, matched words in <mark>.
std::string snippet_html(const Snippet& snippet);

/// The snippet with matched words between `open` and `close` (for terminals and plain text).
std::string snippet_marked(const Snippet& snippet, const std::string& open, const std::string& close);

}  // namespace anticipa::search
