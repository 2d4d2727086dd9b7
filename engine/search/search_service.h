// Search stage: many threads searching an index that `anticipa index` republishes meanwhile.
#pragma once

#include "analysis/analyzer_set.h"
#include "search/searcher.h"

#include <chrono>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
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

/// Thread-safe front of the Searcher. Xapian databases are not shared between threads, so each
/// request borrows a Searcher from a pool. Before searching, the borrowed Searcher reopens its
/// databases (cheap: one version-file read each) to serve a revision committed in place; when a
/// locale database is added or replaced by a new folder, reopen() would keep reading the old
/// files, so the pool is emptied and fresh Searchers are opened instead; the same when a new
/// revision carries another analysis profile (an edited synonym list).
class SearchService {
  public:
    /// Receives each thing an operator must hear about the index (a locale database that cannot
    /// be served, with its path and what to run), once per server, from whichever thread saw it.
    using Notify = std::function<void(const std::string& message)>;

    static constexpr std::size_t DEFAULT_CACHE_ENTRIES = 2048;

    /// Opens one Searcher to fail early: throws IndexUnusable when nothing can be served.
    SearchService(SearcherOptions options, analysis::AnalyzerSet& analyzers,
                  std::size_t cache_entries = DEFAULT_CACHE_ENTRIES, Notify notify = {});
    ~SearchService();

    /// Answers repeated requests from a cache keyed by the request and the exact revisions the
    /// borrowed Searcher sees, so a newly published revision is never answered from the cache.
    SearchResponse search(const SearchRequest& request);

    struct CacheStats {
        std::uint64_t hits = 0, misses = 0;
    };
    CacheStats cache_stats();
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
    /// Runs `read` with a borrowed Searcher and gives it back.
    /// `read(searcher, generation)`: the generation numbers the index layout the searcher was
    /// opened on (a replaced locale folder starts a new one).
    template <typename Read>
    auto with_searcher(Read read) -> decltype(read(std::declval<Searcher&>(), std::uint64_t{}));
    struct Borrowed {
        std::unique_ptr<Searcher> searcher;
        std::uint64_t generation = 0;
    };
    Borrowed borrow();
    std::unique_ptr<Searcher> open_searcher();  ///< and tells what it found unusable, once
    void notify_once(const std::vector<std::string>& messages);
    void give_back(std::unique_ptr<Searcher> searcher, std::uint64_t generation);
    std::string layout_signature() const;  ///< locales and their folders' identities

    SearcherOptions options_;
    analysis::AnalyzerSet& analyzers_;
    std::mutex mutex_;
    /// Least recently used first out; the map points into the list.
    std::size_t cache_capacity_;
    std::list<std::pair<std::string, SearchResponse>> cache_order_;
    std::unordered_map<std::string, std::list<std::pair<std::string, SearchResponse>>::iterator> cache_;
    CacheStats cache_stats_;
    std::vector<std::unique_ptr<Searcher>> idle_;
    std::uint64_t generation_ = 0;
    std::string signature_;
    std::chrono::steady_clock::time_point last_layout_check_;
    Notify notify_;
    std::mutex notified_mutex_;
    std::set<std::string> notified_;
};

}  // namespace anticipa::search
