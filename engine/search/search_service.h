// Search stage: the engine's front for a server: many threads searching an index that
// `anticipa index` republishes meanwhile, repeated requests answered from a cache.
#pragma once

#include "search/result_cache.h"
#include "search/searcher_pool.h"

#include <string>
#include <vector>

namespace anticipa::search {

/// What /healthz reports of the index being served.
struct IndexStatus {
    bool serving = true;  ///< false: nothing can be served (`problem` says why)
    std::vector<std::string> locales;
    std::string revision;                  ///< per-locale Xapian revisions, "en:4 pt:4 ..."
    std::size_t documents = 0;             ///< section documents
    std::vector<UnusableLocale> unusable;  ///< locale databases left out; the others serve
    std::string problem;                   ///< why nothing is served
};

/// Thread-safe front of the Searcher: each call borrows a Searcher from a SearcherPool (which
/// follows republished revisions and replaced folders), and searches go through a ResultCache.
class SearchService {
  public:
    using Notify = SearcherPool::Notify;
    using CacheStats = ResultCache::Stats;

    static constexpr std::size_t DEFAULT_CACHE_ENTRIES = 2048;

    /// Opens one Searcher to fail early: throws IndexUnusable when nothing can be served.
    SearchService(SearcherOptions options, analysis::AnalyzerSet& analyzers,
                  std::size_t cache_entries = DEFAULT_CACHE_ENTRIES, Notify notify = {});

    /// Answers repeated requests from the cache, keyed by the request and the exact revisions the
    /// borrowed Searcher sees, so a newly published revision is never answered from the cache.
    /// The answer is shared with other requests, not copied (see SharedAnswer).
    AnswerPtr answer(const SearchRequest& request);
    /// answer()'s response, as a copy the caller may change.
    SearchResponse search(const SearchRequest& request) { return answer(request)->response(); }

    CacheStats cache_stats() { return cache_.stats(); }
    /// Never throws: an index that cannot be served is a status too.
    IndexStatus status();
    /// The analyzers searches use, for analyzing text as the index does (the content plan).
    analysis::AnalyzerSet& analyzers() { return analyzers_; }

    // The Searcher's reads, from any thread (see Searcher for what each returns).
    std::optional<ArticleView> article(const std::string& locale, const std::string& id, const std::string& tier);
    std::vector<ArticleSummary> articles_for_route(const std::string& route, const std::string& locale,
                                                   const std::string& tier, std::size_t limit);
    std::vector<ArticleSummary> all_articles(const std::string& locale, const std::string& tier);

  private:
    /// Runs `read(searcher, generation)` with a borrowed Searcher and gives it back; once more on
    /// a fresh Searcher when the files were replaced under the read.
    template <typename Read>
    auto with_searcher(Read read) -> decltype(read(std::declval<Searcher&>(), std::uint64_t{}));

    analysis::AnalyzerSet& analyzers_;
    SearcherPool pool_;
    ResultCache cache_;
};

}  // namespace anticipa::search
