#include "search/searcher_pool.h"

#include "index/index_layout.h"

namespace anticipa::search {

namespace {

/// How often the index folder is looked at for added or replaced locale databases.
constexpr std::chrono::milliseconds LAYOUT_CHECK_INTERVAL{200};

}  // namespace

SearcherPool::SearcherPool(SearcherOptions options, analysis::AnalyzerSet& analyzers, Notify notify)
    : options_(std::move(options)), analyzers_(analyzers), notify_(std::move(notify)) {
    signature_ = layout_signature();
    last_layout_check_ = std::chrono::steady_clock::now();
    idle_.push_back({open_searcher(), generation_, interval_});
}

SearcherPool::~SearcherPool() = default;

std::unique_ptr<Searcher> SearcherPool::open_searcher() {
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

void SearcherPool::notify_once(const std::vector<std::string>& messages) {
    if (!notify_) return;
    std::lock_guard lock(notified_mutex_);
    for (const auto& message : messages)
        if (notified_.insert(message).second) notify_(message);
}

std::string SearcherPool::layout_signature() const {
    std::string signature;
    for (const auto& locale : index::indexed_locales(options_.index_dir))
        signature += locale + ":" + index::database_identity(index::database_path(options_.index_dir, locale)) + " ";
    return signature;
}

SearcherPool::Borrowed SearcherPool::borrow() {
    Borrowed borrowed;
    std::uint64_t interval = 0;
    {
        std::lock_guard lock(mutex_);
        auto now = std::chrono::steady_clock::now();
        if (now - last_layout_check_ >= LAYOUT_CHECK_INTERVAL) {
            last_layout_check_ = now;
            ++interval_;
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
        interval = interval_;
        if (!idle_.empty()) {
            borrowed = std::move(idle_.back());
            idle_.pop_back();
        }
        borrowed.generation = generation_;
    }
    if (borrowed.searcher) {
        if (borrowed.reopened_in == interval) return borrowed;
        try {
            // In-place commits since it was last used; one carrying another profile needs a new one.
            const bool current = borrowed.searcher->reopen();
            if (auto picked_up = borrowed.searcher->take_picked_up(); !picked_up.empty()) notify_once(picked_up);
            borrowed.reopened_in = interval;
            if (current) return borrowed;
        } catch (const Xapian::Error&) {
            // Its folder was swapped before the next layout check noticed: open the current one.
        }
    }
    borrowed.searcher = open_searcher();
    borrowed.reopened_in = interval;
    return borrowed;
}

void SearcherPool::give_back(Borrowed borrowed) {
    std::lock_guard lock(mutex_);
    if (borrowed.generation == generation_) idle_.push_back(std::move(borrowed));
}

}  // namespace anticipa::search
