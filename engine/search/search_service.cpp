#include "search/search_service.h"

namespace anticipa::search {

SearchService::SearchService(SearcherOptions options, analysis::AnalyzerSet& analyzers, std::size_t cache_entries,
                             Notify notify)
    : analyzers_(analyzers), pool_(std::move(options), analyzers, std::move(notify)), cache_(cache_entries) {}

template <typename Read>
auto SearchService::with_searcher(Read read) -> decltype(read(std::declval<Searcher&>(), std::uint64_t{})) {
    SearcherPool::Borrowed borrowed = pool_.borrow();
    try {
        auto result = read(*borrowed.searcher, borrowed.generation);
        pool_.give_back(std::move(borrowed));
        return result;
    } catch (const Xapian::DatabaseError&) {
        // Files replaced under the read (a locale swapped in, a replica switching copies): once
        // more on a Searcher opened now. A second failure is the index's state, not a moment's.
        try {
            borrowed.searcher = pool_.open_searcher();
            return read(*borrowed.searcher, borrowed.generation);
        } catch (const Xapian::DatabaseError& again) {
            throw IndexUnusable("the index in " + std::filesystem::absolute(pool_.options().index_dir).string() +
                                " cannot be read: " + again.get_description());
        }
    }
}

namespace {

/// The layout generation and the revisions being read before the request: a replaced folder can
/// restart at the revision the old one had.
std::string cache_key(std::uint64_t generation, const std::vector<Searcher::LocaleRevision>& revisions,
                      const SearchRequest& request) {
    std::string key = std::to_string(generation) + "#";
    for (const auto& revision : revisions) key += revision.locale + ":" + std::to_string(revision.revision) + " ";
    return key + "#" + request_key(request);
}

}  // namespace

AnswerPtr SearchService::answer(const SearchRequest& request) {
    return with_searcher([&](Searcher& searcher, std::uint64_t generation) {
        const std::string key = cache_key(generation, searcher.revisions(), request);
        if (AnswerPtr kept = cache_.find(key)) return kept;
        auto made = std::make_shared<const SharedAnswer>(searcher.search(request));
        cache_.keep(key, made);
        return AnswerPtr(made);
    });
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
