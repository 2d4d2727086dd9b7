// Benchmark: the corpus vocabulary -> customer-like queries -> latency of Searcher::search in
// process, and of plain Xapian on the same corpus, as percentiles.
#pragma once

#include "bench/synthetic_corpus.h"
#include "search/searcher.h"

#include <filesystem>

#include <cstdint>
#include <string>
#include <vector>

namespace anticipa::bench {

struct BenchQuery {
    std::string locale;
    std::string text;  ///< 1–4 content words; some with a typo, some ending in a word cut short
};

/// `count` queries drawn from windows of consecutive content words of the sample lines, in the
/// locales of `samples`: about 15% with one typo (spaced scripts), 25% with the last word cut to
/// a prefix (as typed so far). The same seed gives the same queries.
std::vector<BenchQuery> make_queries(const std::vector<LocaleSample>& samples, std::size_t count, std::uint64_t seed);

struct TimedQuery {
    double ms = 0;
    BenchQuery query;
    std::size_t total = 0;  ///< matches the engine estimated
};

struct LatencySummary {
    std::size_t queries = 0;
    double p50 = 0, p90 = 0, p99 = 0, max = 0;  ///< milliseconds
    std::size_t without_hits = 0;
    std::vector<TimedQuery> slowest;  ///< the five slowest, slowest first
};

/// Runs `warmup` untimed, then times each of `queries` with std::chrono::steady_clock.
LatencySummary measure_latency(search::Searcher& searcher, const std::vector<BenchQuery>& warmup,
                               const std::vector<BenchQuery>& queries);

/// The same, on the plain Xapian baseline (baselines.h): what a developer gets from Xapian alone.
/// QueryParser with the locale's stemmer (STEM_SOME), words joined by OR, the last one also as a
/// prefix (FLAG_PARTIAL, as ours reads it), filtered to the locale, BM25 with Xapian's defaults,
/// the first 10 matches and their stored records read.
LatencySummary measure_plain_xapian_latency(const std::filesystem::path& db_path, analysis::AnalyzerSet& analyzers,
                                            const std::vector<BenchQuery>& warmup,
                                            const std::vector<BenchQuery>& queries);

}  // namespace anticipa::bench
