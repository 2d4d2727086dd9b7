#include "bench/query_latency.h"

#include "common/joined.h"
#include "common/utf8.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>

namespace anticipa::bench {

namespace {

std::vector<std::string> code_points(const std::string& word) {
    std::vector<std::string> chars;
    for (char c : word) {
        if (!is_continuation_byte(c) || chars.empty()) chars.emplace_back();
        chars.back() += c;
    }
    return chars;
}

/// One slip of the fingers: a letter dropped, doubled, swapped with the next, or replaced.
std::string with_typo(const std::string& word, std::mt19937_64& rng) {
    std::vector<std::string> chars = code_points(word);
    const std::size_t at = 1 + rng() % (chars.size() - 2);  // typists rarely miss the first letter
    switch (rng() % 4) {
        case 0:
            chars.erase(chars.begin() + static_cast<std::ptrdiff_t>(at));
            break;
        case 1:
            chars.insert(chars.begin() + static_cast<std::ptrdiff_t>(at), chars[at]);
            break;
        case 2:
            std::swap(chars[at], chars[at + 1]);
            break;
        default:
            chars[at] = std::string(1, "aeioulnrst"[rng() % 10]);
            break;
    }
    return joined(chars, "");
}

std::size_t query_length(std::mt19937_64& rng) {
    const std::size_t roll = rng() % 100;  // 1 word 30%, 2 words 35%, 3 words 25%, 4 words 10%
    return roll < 30 ? 1 : roll < 65 ? 2 : roll < 90 ? 3 : 4;
}

BenchQuery make_query(const LocaleSample& sample, std::mt19937_64& rng) {
    const auto& line = sample.query_lines[rng() % sample.query_lines.size()];
    const std::size_t length = std::min(query_length(rng), line.size());
    const std::size_t start = rng() % (line.size() - length + 1);
    std::vector<std::string> words(line.begin() + static_cast<std::ptrdiff_t>(start),
                                   line.begin() + static_cast<std::ptrdiff_t>(start + length));
    const std::size_t roll = rng() % 100;
    if (roll < 15 && sample.body.spaced()) {
        std::vector<std::size_t> long_words;
        for (std::size_t i = 0; i < words.size(); ++i)
            if (code_points(words[i]).size() >= 4) long_words.push_back(i);
        if (!long_words.empty()) {
            std::size_t i = long_words[rng() % long_words.size()];
            words[i] = with_typo(words[i], rng);
        }
    } else if (roll < 40) {
        std::vector<std::string> chars = code_points(words.back());
        const std::size_t shortest = sample.body.spaced() ? 2 : 1;
        if (chars.size() > shortest) {
            chars.resize(shortest + rng() % (chars.size() - shortest));
            words.back() = joined(chars, "");
        }
    }
    return {sample.locale, joined(words, sample.body.spaced() ? " " : "")};
}

/// Nearest-rank percentile of sorted values.
double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0;
    auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

}  // namespace

std::vector<BenchQuery> make_queries(const std::vector<LocaleSample>& samples, std::size_t count, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<BenchQuery> queries;
    queries.reserve(count);
    for (std::size_t i = 0; i < count; ++i) queries.push_back(make_query(samples[rng() % samples.size()], rng));
    return queries;
}

LatencySummary measure_latency(search::Searcher& searcher, const std::vector<BenchQuery>& warmup,
                               const std::vector<BenchQuery>& queries) {
    auto request_of = [](const BenchQuery& query) {
        search::SearchRequest request;  // the engine's defaults: first page, last word as a prefix
        request.query = query.text;
        request.locale = query.locale;
        return request;
    };
    for (const auto& query : warmup) searcher.search(request_of(query));

    LatencySummary summary;
    std::vector<TimedQuery> timed;
    timed.reserve(queries.size());
    for (const auto& query : queries) {
        const search::SearchRequest request = request_of(query);
        const auto started = std::chrono::steady_clock::now();
        search::SearchResponse response = searcher.search(request);
        const auto stopped = std::chrono::steady_clock::now();
        timed.push_back({std::chrono::duration<double, std::milli>(stopped - started).count(), query, response.total});
        if (response.hits.empty()) ++summary.without_hits;
    }
    std::sort(timed.begin(), timed.end(), [](const TimedQuery& a, const TimedQuery& b) { return a.ms > b.ms; });
    std::vector<double> sorted;
    for (auto it = timed.rbegin(); it != timed.rend(); ++it) sorted.push_back(it->ms);
    summary.queries = sorted.size();
    summary.p50 = percentile(sorted, 0.50);
    summary.p90 = percentile(sorted, 0.90);
    summary.p99 = percentile(sorted, 0.99);
    summary.max = sorted.empty() ? 0 : sorted.back();
    timed.resize(std::min<std::size_t>(timed.size(), 5));
    summary.slowest = std::move(timed);
    return summary;
}

}  // namespace anticipa::bench
