// Search stage: the result cache answers repeats and never serves an old revision.
#include "index/indexer.h"
#include "search/search_service.h"
#include "support/eventually.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>

#include <memory>

using namespace anticipa;

namespace {

/// One English article about otters, indexed, and a SearchService over it.
struct OtterHelpCenter {
    test::TempDir dir;
    analysis::AnalyzerSet analyzers{test::source_dir() / "locales"};
    index::IndexOptions options;
    std::unique_ptr<search::SearchService> service;

    OtterHelpCenter() {
        dir.write("articles/en/a.md", "---\ntitle: Otters\n---\nThe otter swims.\n");
        options.index_dir = dir / "index";
        options.load.root = dir / "articles";
        index::index_articles(options, analyzers);
        service = std::make_unique<search::SearchService>(search::SearcherOptions{options.index_dir, "en"}, analyzers);
    }
};

}  // namespace

TEST_CASE("SearchService: repeated requests come from the cache, new revisions never do", "[search][integration]") {
    OtterHelpCenter hc;
    auto& [dir, analyzers, options, owned] = hc;
    search::SearchService& service = *owned;

    search::SearchRequest request;
    request.query = "otter";
    request.locale = "en";
    CHECK(service.search(request).hits.size() == 1);
    CHECK(service.search(request).hits.size() == 1);
    CHECK(service.cache_stats().hits == 1);

    request.tier = "advanced";  // another tier is another answer
    service.search(request);
    CHECK(service.cache_stats().misses == 2);

    dir.write("articles/en/b.md", "---\ntitle: More otters\n---\nAnother otter.\n");
    index::index_articles(options, analyzers);
    request.tier = "basic";
    // The new revision once the pool has looked at the index again (one check interval), and from
    // then on never the cached answer of the old one.
    CHECK(test::eventually([&] { return service.search(request).hits.size() == 2; }));
    CHECK(service.search(request).hits.size() == 2);
}

TEST_CASE("SearchService: a repeated request shares the kept answer and each rendering of it",
          "[search][integration]") {
    OtterHelpCenter hc;
    auto& [dir, analyzers, options, owned] = hc;
    search::SearchService& service = *owned;

    search::SearchRequest request;
    request.query = "otter";
    request.locale = "en";
    const search::AnswerPtr first = service.answer(request);
    const search::AnswerPtr second = service.answer(request);
    CHECK(first.get() == second.get());  // one answer, not a copy per request

    int renders = 0;
    auto titles = [&](const search::SearchResponse& found) {
        ++renders;
        return found.hits.at(0).title;
    };
    CHECK(first->rendered("titles", titles) == "Otters");
    CHECK(second->rendered("titles", titles) == "Otters");
    CHECK(renders == 1);
    // Another format is rendered on its own, never answered with the first one's bytes.
    CHECK(second->rendered(
              "count", [](const search::SearchResponse& found) { return std::to_string(found.hits.size()); }) == "1");

    request.query = "otters swim";  // another request, another answer
    CHECK(service.answer(request).get() != first.get());
}
