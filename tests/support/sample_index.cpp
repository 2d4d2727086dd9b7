#include "support/sample_index.h"

#include "index/indexer.h"

#include <fstream>
#include <stdexcept>

namespace anticipa::test {

SampleIndex::SampleIndex() : analyzers(source_dir() / "locales"), index_dir(dir / "index") {
    index::IndexOptions options;
    options.index_dir = index_dir;
    options.load.root = source_dir() / "articles";
    if (index::index_articles(options, analyzers).failed != 0)
        throw std::runtime_error("a sample article failed to index");
}

search::Searcher SampleIndex::searcher(const search::RankingOptions& ranking) {
    return search::Searcher({index_dir, "en", ranking}, analyzers);
}

std::vector<std::pair<std::string, std::string>> SampleIndex::relevance_queries() {
    std::vector<std::pair<std::string, std::string>> queries;
    for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "tests/data/relevance")) {
        std::ifstream in(entry.path());
        for (std::string line; std::getline(in, line);)
            if (!line.empty() && line[0] != '#')
                queries.emplace_back(entry.path().stem().string(), line.substr(0, line.find('\t')));
    }
    return queries;
}

}  // namespace anticipa::test
