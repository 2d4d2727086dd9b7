// Fuzzing: a query in any locale and tier, through the whole query path (the analyzer, the query
// builder, Xapian, snippets) over a small real index: the sample help center, indexed once when
// the harness starts. Promises: never throws; snippet highlights lie inside their snippet; a
// tier never sees an article closed to it.
#include "common/utf8.h"
#include "fuzz_input.h"
#include "index/indexer.h"
#include "search/searcher.h"

#include <unistd.h>

#include <cstdlib>
#include <memory>

using namespace anticipa;

namespace {

const char* const LOCALES[] = {"en", "pt", "pt-BR", "es", "it", "zh-TW", "zh-CN", "de", ""};
const char* const TIERS[] = {"basic", "standard", "advanced"};

/// The sample index in a temporary folder, removed when the fuzzer exits.
struct SampleIndex {
    std::filesystem::path dir;
    analysis::AnalyzerSet analyzers{fuzz::source_dir() / "locales"};
    std::unique_ptr<search::Searcher> searcher;

    SampleIndex() {
        std::string pattern = (std::filesystem::temp_directory_path() / "anticipa-fuzz-XXXXXX").string();
        fuzz::require(::mkdtemp(pattern.data()) != nullptr, "a temporary folder for the index");
        dir = pattern;
        index::IndexOptions options;
        options.index_dir = dir / "index";
        options.load.root = fuzz::source_dir() / "articles";
        index::index_articles(options, analyzers);
        searcher = std::make_unique<search::Searcher>(search::SearcherOptions{options.index_dir, "en"}, analyzers);
    }
    ~SampleIndex() {
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }
};

SampleIndex* sample = nullptr;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    sample = new SampleIndex();
    std::atexit([] { delete sample; });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::FuzzInput input(data, size);
    search::SearchRequest request;
    request.locale = LOCALES[input.choose(std::size(LOCALES))];
    request.tier = TIERS[input.choose(std::size(TIERS))];
    request.prefix_last_word = input.choose(2) == 1;
    request.every_word = input.choose(4) == 0;
    request.offset = input.choose(3) * 10;
    request.query = std::string(input.rest().substr(0, 1024));  // the server allows 256 characters
    if (fuzz::utf8_only() && find_invalid_utf8(request.query) != std::string::npos) return 0;
    const search::SearchResponse response = sample->searcher->search(request);
    for (const auto& hit : response.hits) {
        for (const auto& [begin, end] : hit.snippet.highlights)
            fuzz::require(begin <= end && end <= hit.snippet.text.size(), "highlights lie inside the snippet");
        // single-sign-on is the sample's one advanced-only article.
        fuzz::require(request.tier == "advanced" || hit.id != "single-sign-on", "a tier sees only its articles");
    }
    return 0;
}
