// Test support: the repository's sample help center (articles/, locales/) indexed with the real
// indexer into a temporary folder, for tests that search it in process.
#pragma once

#include "analysis/analyzer_set.h"
#include "search/searcher.h"
#include "support/temp_dir.h"

#include <filesystem>

namespace anticipa::test {

struct SampleIndex {
    SampleIndex();

    /// A searcher of the index with the given ranking (default locale en).
    search::Searcher searcher(const search::RankingOptions& ranking = {});
    /// Each line of tests/data/relevance/<locale>.tsv, as {locale, query}.
    static std::vector<std::pair<std::string, std::string>> relevance_queries();

    TempDir dir;
    analysis::AnalyzerSet analyzers;
    std::filesystem::path index_dir;
};

}  // namespace anticipa::test
