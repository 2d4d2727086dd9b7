// Search stage, for snippets: the analysis of the sections a searcher has shown, kept for the
// next query that shows them again. Analyzing each hit's text was half of the instructions of a
// search the result cache had not seen, and the same sections come back in the hits of many
// different queries. Keyed by the analyzer and the analyzed text itself, so a new revision that
// changes a section (or a synonym edit that changes its analyzer) can never reuse a stale analysis.
#pragma once

#include "analysis/analyzer.h"
#include "search/snippet.h"

#include <cstddef>
#include <list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace anticipa::search {

class SnippetAnalysisCache {
  public:
    explicit SnippetAnalysisCache(std::size_t capacity = 512) : capacity_(capacity) {}

    /// analyze_for_snippet(text, analyzer, options) as made before for the same analyzer and the
    /// same analyzed bytes, else made now and kept in place of the one least recently used.
    std::shared_ptr<const AnalyzedText> analysis(std::string_view text, const analysis::Analyzer& analyzer,
                                                 const SnippetOptions& options = {});

    struct Stats {
        std::size_t hits = 0, misses = 0;
    };
    Stats stats() const { return stats_; }

  private:
    struct Entry {
        const analysis::Analyzer* analyzer;
        std::string text;  ///< the analyzed bytes, compared in full: a hash alone could collide
        std::shared_ptr<const AnalyzedText> analyzed;
    };
    using Entries = std::list<Entry>;  ///< most recently used first

    const std::size_t capacity_;
    Entries entries_;
    std::unordered_multimap<std::size_t, Entries::iterator> by_hash_;
    Stats stats_;
};

}  // namespace anticipa::search
