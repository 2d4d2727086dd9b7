// Benchmark: the sample help center (articles/<locale>/) -> a synthetic corpus in the same
// languages, written as article files that the real indexer reads, plus the words queries use.
#pragma once

#include "analysis/analyzer_set.h"
#include "bench/text_model.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace anticipa::bench {

/// What one locale's sample articles teach the generator.
struct LocaleSample {
    LocaleSample(const std::string& tag, bool spaced) : locale(tag), body(tag, spaced), phrases(tag, spaced) {}

    std::string locale;
    TextModel body;                            ///< sentences of section text
    TextModel phrases;                         ///< titles, headings and questions: short phrases
    std::vector<std::size_t> section_bytes;    ///< each sample section's text length: the target lengths
    std::vector<std::size_t> question_counts;  ///< per sample article
    std::vector<std::string> categories;
    std::vector<std::vector<std::string>> tags, tiers;  ///< per sample article
    /// Per sample line, its content words (stop words and numbers left out) in reading order,
    /// as written: "redefinir", "senha". Queries are windows of these.
    std::vector<std::vector<std::string>> query_lines;
};

/// Reads articles/<locale>/ for each locale (the synthetic bench/ folders excepted). Throws
/// std::runtime_error when a locale has no sample article to learn from.
std::vector<LocaleSample> load_samples(const std::filesystem::path& articles_dir,
                                       const std::vector<std::string>& locales, analysis::AnalyzerSet& analyzers);

struct CorpusOptions {
    std::filesystem::path root;    ///< writes root/<locale>/bench/NNNNNN.md
    std::size_t sections = 10000;  ///< in all, shared evenly by the locales
    std::uint64_t seed = 42;
};

struct CorpusSummary {
    std::size_t articles = 0;
    std::size_t sections = 0;
    std::size_t bytes = 0;  ///< of the files written
};

/// Writes articles of about four sections each (an introduction and two to four headed
/// sections) until each locale has its share. The same options give the same files.
CorpusSummary write_corpus(const std::vector<LocaleSample>& samples, const CorpusOptions& options);

}  // namespace anticipa::bench
