#include "bench/query_latency.h"

#include "bench/baselines.h"
#include "common/joined.h"
#include "common/utf8.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
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

namespace {

/// Percentiles and the five slowest of timed queries.
LatencySummary summarize(std::vector<TimedQuery> timed, std::size_t without_hits) {
    LatencySummary summary;
    summary.without_hits = without_hits;
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

/// Runs `warmup` untimed, then times `run` on each query; `run` returns the match estimate and
/// whether there was a hit.
template <typename Run>
LatencySummary time_queries(const std::vector<BenchQuery>& warmup, const std::vector<BenchQuery>& queries, Run run) {
    for (const auto& query : warmup) run(query);
    std::vector<TimedQuery> timed;
    timed.reserve(queries.size());
    std::size_t without_hits = 0;
    for (const auto& query : queries) {
        const auto started = std::chrono::steady_clock::now();
        const auto [total, hit] = run(query);
        const auto stopped = std::chrono::steady_clock::now();
        timed.push_back({std::chrono::duration<double, std::milli>(stopped - started).count(), query, total});
        if (!hit) ++without_hits;
    }
    return summarize(std::move(timed), without_hits);
}

}  // namespace

LatencySummary measure_latency(search::Searcher& searcher, const std::vector<BenchQuery>& warmup,
                               const std::vector<BenchQuery>& queries) {
    return time_queries(warmup, queries, [&](const BenchQuery& query) {
        search::SearchRequest request;  // the engine's defaults: first page, last word as a prefix
        request.query = query.text;
        request.locale = query.locale;
        const search::SearchResponse response = searcher.search(request);
        return std::pair<std::size_t, bool>(response.total, !response.hits.empty());
    });
}

LatencySummary measure_plain_xapian_latency(const std::filesystem::path& db_path, analysis::AnalyzerSet& analyzers,
                                            const std::vector<BenchQuery>& warmup,
                                            const std::vector<BenchQuery>& queries) {
    Xapian::Database db(db_path.string());
    // One parser per locale, built before the clock starts, as a long-running server would keep
    // them: the timed call is parsing and matching, not constructing a stemmer.
    struct LocaleParser {
        Xapian::QueryParser parser;
        unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PARTIAL;
    };
    std::map<std::string, LocaleParser> parsers;
    for (const auto* list : {&warmup, &queries}) {
        for (const auto& query : *list) {
            if (parsers.count(query.locale)) continue;
            const BaselineAnalysis analysis = baseline_analysis(query.locale, analyzers);
            LocaleParser& entry = parsers[query.locale];
            entry.parser.set_database(db);  // for FLAG_PARTIAL's prefix expansion
            entry.parser.set_stemmer(analysis.stemmer);
            entry.parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
            entry.parser.set_default_op(Xapian::Query::OP_OR);
            if (analysis.cjk_ngrams) entry.flags |= Xapian::QueryParser::FLAG_CJK_NGRAM;
        }
    }
    return time_queries(warmup, queries, [&](const BenchQuery& query) {
        LocaleParser& entry = parsers.at(query.locale);
        const Xapian::Query words = entry.parser.parse_query(query.text, entry.flags);
        Xapian::Enquire enquire(db);
        enquire.set_weighting_scheme(Xapian::BM25Weight());
        enquire.set_query(
            Xapian::Query(Xapian::Query::OP_FILTER, words, Xapian::Query(baseline_locale_term(query.locale))));
        const Xapian::MSet matches = enquire.get_mset(0, 10);
        // The page's records read, as ours reads them for its snippets.
        for (auto it = matches.begin(); it != matches.end(); ++it) it.get_document().get_data();
        return std::pair<std::size_t, bool>(matches.get_matches_estimated(), !matches.empty());
    });
}

}  // namespace anticipa::bench
