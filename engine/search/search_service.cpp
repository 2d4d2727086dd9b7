#include "search/search_service.h"

#include "index/index_layout.h"

namespace anticipa::search {

namespace {

/// How often the index folder is looked at for added or replaced locale databases.
constexpr std::chrono::milliseconds LAYOUT_CHECK_INTERVAL{200};

}  // namespace

SearchService::SearchService(SearcherOptions options, analysis::AnalyzerSet& analyzers, std::size_t cache_entries,
                             Notify notify)
    : options_(std::move(options)), analyzers_(analyzers), cache_capacity_(cache_entries), notify_(std::move(notify)) {
    signature_ = layout_signature();
    last_layout_check_ = std::chrono::steady_clock::now();
    idle_.push_back(open_searcher());
}

std::unique_ptr<Searcher> SearchService::open_searcher() {
    std::unique_ptr<Searcher> searcher;
    std::vector<std::string> messages;
    try {
        searcher = std::make_unique<Searcher>(options_, analyzers_);
        messages = searcher->notices();
        // Said once per revision (notify_once): at start-up, and for what a changed folder brings.
        for (const auto& opened : searcher->revisions())
            messages.push_back(index::database_path(options_.index_dir, opened.locale).string() +
                               ": serving revision " + std::to_string(opened.revision));
        for (const auto& locale : searcher->unusable()) messages.push_back(locale.message());
    } catch (const IndexUnusable& e) {
        notify_once({e.what()});
        throw;
    }
    notify_once(messages);
    return searcher;
}

void SearchService::notify_once(const std::vector<std::string>& messages) {
    if (!notify_) return;
    std::lock_guard lock(notified_mutex_);
    for (const auto& message : messages)
        if (notified_.insert(message).second) notify_(message);
}

SearchService::~SearchService() = default;

std::string SearchService::layout_signature() const {
    std::string signature;
    for (const auto& locale : index::indexed_locales(options_.index_dir))
        signature += locale + ":" + index::database_identity(index::database_path(options_.index_dir, locale)) + " ";
    return signature;
}

SearchService::Borrowed SearchService::borrow() {
    Borrowed borrowed;
    {
        std::lock_guard lock(mutex_);
        auto now = std::chrono::steady_clock::now();
        if (now - last_layout_check_ >= LAYOUT_CHECK_INTERVAL) {
            last_layout_check_ = now;
            std::string signature = layout_signature();
            if (signature != signature_) {
                if (notify_)  // said each time: a folder swapped back is news again
                    notify_("picked up a changed index in " +
                            std::filesystem::absolute(options_.index_dir).lexically_normal().string() +
                            " (a locale database added, replaced or removed)");
                signature_ = signature;
                ++generation_;
                idle_.clear();  // opened on files that are no longer the index
            }
        }
        borrowed.generation = generation_;
        if (!idle_.empty()) {
            borrowed.searcher = std::move(idle_.back());
            idle_.pop_back();
        }
    }
    if (borrowed.searcher) {
        try {
            // In-place commits since it was last used; one carrying another profile needs a new one.
            const bool current = borrowed.searcher->reopen();
            if (auto picked_up = borrowed.searcher->take_picked_up(); !picked_up.empty()) notify_once(picked_up);
            if (current) return borrowed;
        } catch (const Xapian::Error&) {
            // Its folder was swapped before the next layout check noticed: open the current one.
        }
    }
    borrowed.searcher = open_searcher();
    return borrowed;
}

void SearchService::give_back(std::unique_ptr<Searcher> searcher, std::uint64_t generation) {
    std::lock_guard lock(mutex_);
    if (generation == generation_) idle_.push_back(std::move(searcher));
}

template <typename Read>
auto SearchService::with_searcher(Read read) -> decltype(read(std::declval<Searcher&>(), std::uint64_t{})) {
    Borrowed borrowed = borrow();
    try {
        auto result = read(*borrowed.searcher, borrowed.generation);
        give_back(std::move(borrowed.searcher), borrowed.generation);
        return result;
    } catch (const Xapian::DatabaseError&) {
        // Files replaced under the read (a locale swapped in, a replica switching copies): once
        // more on a Searcher opened now. A second failure is the index's state, not a moment's.
        try {
            borrowed.searcher = open_searcher();
            auto result = read(*borrowed.searcher, borrowed.generation);
            return result;
        } catch (const Xapian::DatabaseError& again) {
            throw IndexUnusable("the index in " + std::filesystem::absolute(options_.index_dir).string() +
                                " cannot be read: " + again.get_description());
        }
    }
}

namespace {

/// Every request field that can change the answer, after the layout generation and the revisions
/// being read: a replaced folder can restart at the revision the old one had.
std::string cache_key(std::uint64_t generation, const std::vector<Searcher::LocaleRevision>& revisions,
                      const SearchRequest& r) {
    std::string key = std::to_string(generation) + "#";
    for (const auto& revision : revisions) key += revision.locale + ":" + std::to_string(revision.revision) + " ";
    key += "|" + r.locale + "|" + r.tier + "|" + r.category + "|" + std::to_string(r.offset) + "|" +
           std::to_string(r.limit) + "|" + (r.prefix_last_word ? "p" : "") + (r.fallback_to_default ? "f" : "") +
           (r.include_drafts ? "d" : "") + (r.with_snippets ? "s" : "") + (r.every_word ? "e" : "") +
           (r.correct_spelling ? "c" : "") + "|";
    for (const auto& tag : r.tags) key += tag + ",";
    return key + "|" + r.query;
}

}  // namespace

SearchResponse SearchService::search(const SearchRequest& request) {
    return with_searcher([&](Searcher& searcher, std::uint64_t generation) {
        const std::string key = cache_key(generation, searcher.revisions(), request);
        {
            std::lock_guard lock(mutex_);
            auto found = cache_.find(key);
            if (found != cache_.end()) {
                ++cache_stats_.hits;
                cache_order_.splice(cache_order_.begin(), cache_order_, found->second);
                return found->second->second;
            }
            ++cache_stats_.misses;
        }
        SearchResponse response = searcher.search(request);
        if (cache_capacity_ == 0) return response;
        std::lock_guard lock(mutex_);
        if (cache_.count(key)) return response;  // another thread answered it meanwhile
        cache_order_.emplace_front(key, response);
        cache_[key] = cache_order_.begin();
        if (cache_.size() > cache_capacity_) {
            cache_.erase(cache_order_.back().first);
            cache_order_.pop_back();
        }
        return response;
    });
}

SearchService::CacheStats SearchService::cache_stats() {
    std::lock_guard lock(mutex_);
    return cache_stats_;
}

std::optional<ArticleView> SearchService::article(const std::string& locale, const std::string& id,
                                                  const std::string& tier) {
    return with_searcher([&](Searcher& searcher, std::uint64_t) { return searcher.article(locale, id, tier); });
}

std::vector<ArticleSummary> SearchService::articles_for_route(const std::string& route, const std::string& locale,
                                                              const std::string& tier, std::size_t limit) {
    return with_searcher(
        [&](Searcher& searcher, std::uint64_t) { return searcher.articles_for_route(route, locale, tier, limit); });
}

std::vector<ArticleSummary> SearchService::all_articles(const std::string& locale, const std::string& tier) {
    return with_searcher([&](Searcher& searcher, std::uint64_t) { return searcher.all_articles(locale, tier); });
}

IndexStatus SearchService::status() {
    try {
        return with_searcher([](Searcher& searcher, std::uint64_t) {
            IndexStatus status;
            status.locales = searcher.locales();
            for (const auto& [locale, revision, documents] : searcher.revisions()) {
                status.revision += (status.revision.empty() ? "" : " ") + locale + ":" + std::to_string(revision);
                status.documents += documents;
            }
            status.unusable = searcher.unusable();
            return status;
        });
    } catch (const IndexUnusable& e) {
        IndexStatus status;
        status.serving = false;
        status.unusable = e.locales();
        status.problem = e.what();
        return status;
    }
}

}  // namespace anticipa::search
