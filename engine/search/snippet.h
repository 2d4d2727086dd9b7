// Search stage: a hit's section text + the query's match keys -> a short snippet with the
// matched words located by the analyzer's byte ranges (Xapian's MSet::snippet tokenizes its own
// way and misses Chinese words).
#pragma once

#include "analysis/analyzer.h"
#include "search/search_types.h"

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace anticipa::search {

struct SnippetOptions {
    std::size_t max_bytes = 220;            ///< length of the snippet
    std::size_t max_analyzed_bytes = 3000;  ///< matches are looked for in this much of the text
};

/// What a snippet needs of the analysis of a text's first options.max_analyzed_bytes: where each
/// token is, and the two forms a query's words are compared with (its match key and its term),
/// each distinct form once. Independent of the query, so one analysis serves every query that
/// shows the same section (SnippetAnalysisCache).
struct AnalyzedText {
    struct Word {
        std::string key, term;  ///< analysis::match_key(token), token.term
    };
    struct Span {
        std::uint32_t begin = 0, end = 0;  ///< byte range in the text
        std::uint32_t word = 0;            ///< index in words
    };
    std::vector<Word> words;
    std::vector<Span> spans;  ///< in text order
};

/// The part of `text` a snippet's matches are looked for in: its first options.max_analyzed_bytes,
/// cut back to a whole character.
std::string_view analyzed_part(std::string_view text, const SnippetOptions& options = {});

AnalyzedText analyze_for_snippet(std::string_view text, const analysis::Analyzer& analyzer,
                                 const SnippetOptions& options = {});

/// The window of `text` with the most matched words, cut at word boundaries. `analyzed` is
/// analyze_for_snippet(text) with the same options.
Snippet make_snippet(const std::string& text, const AnalyzedText& analyzed, const std::set<std::string>& match_keys,
                     const std::string& prefix, const SnippetOptions& options = {});
/// The same, analyzing `text` now.
Snippet make_snippet(const std::string& text, const analysis::Analyzer& analyzer,
                     const std::set<std::string>& match_keys, const std::string& prefix,
                     const SnippetOptions& options = {});

/// The snippet as HTML: text escaped, matched words in <mark>.
std::string snippet_html(const Snippet& snippet);

/// The snippet with matched words between `open` and `close` (for terminals and plain text).
std::string snippet_marked(const Snippet& snippet, const std::string& open, const std::string& close);

}  // namespace anticipa::search
