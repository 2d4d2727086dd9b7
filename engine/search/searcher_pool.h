// Search stage: Searchers for many threads over an index that `anticipa index` republishes
// meanwhile. Xapian databases are not shared between threads, so each request borrows one.
#pragma once

#include "analysis/analyzer_set.h"
#include "search/searcher.h"

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace anticipa::search {

/// Idle Searchers, lent one per request. The index is looked at once per check interval (200 ms),
/// not per request: then each Searcher, when next lent, reopens its databases (one version-file
/// open and read per locale) to serve a revision committed in place, so a commit is served within
/// one interval; a Searcher still reading the older revision meanwhile retries on the new one if
/// Xapian says it moved on. When a locale database is added or replaced by a new folder, reopen()
/// would keep reading the old files, so the pool is emptied and fresh Searchers are opened
/// instead; the same when a new revision carries another analysis profile (an edited synonym list).
class SearcherPool {
  public:
    /// Receives each thing an operator must hear about the index (a locale database that cannot
    /// be served, with its path and what to run), once per pool, from whichever thread saw it.
    using Notify = std::function<void(const std::string& message)>;

    /// Opens one Searcher to fail early: throws IndexUnusable when nothing can be served.
    SearcherPool(SearcherOptions options, analysis::AnalyzerSet& analyzers, Notify notify);
    ~SearcherPool();

    struct Borrowed {
        std::unique_ptr<Searcher> searcher;
        /// Numbers the index layout the searcher was opened on (a replaced locale folder starts a
        /// new one): revisions of two layouts are not comparable.
        std::uint64_t generation = 0;
        /// The check interval in which the searcher last reopened its databases.
        std::uint64_t reopened_in = 0;
    };
    Borrowed borrow();
    /// Takes a Searcher back, unless the layout it was opened on has been replaced since.
    void give_back(Borrowed borrowed);
    /// A Searcher opened now, for a retry after files were replaced under a read.
    std::unique_ptr<Searcher> open_searcher();  ///< and tells what it found unusable, once
    const SearcherOptions& options() const { return options_; }

  private:
    void notify_once(const std::vector<std::string>& messages);
    std::string layout_signature() const;  ///< locales and their folders' identities

    SearcherOptions options_;
    analysis::AnalyzerSet& analyzers_;
    std::mutex mutex_;
    std::vector<Borrowed> idle_;
    std::uint64_t generation_ = 0;
    std::uint64_t interval_ = 1;  ///< numbers the check intervals; a new Searcher has reopened in none
    std::string signature_;
    std::chrono::steady_clock::time_point last_layout_check_;
    Notify notify_;
    std::mutex notified_mutex_;
    std::set<std::string> notified_;
};

}  // namespace anticipa::search
