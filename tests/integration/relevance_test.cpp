// The relevance table: realistic customer queries over the sample help center, each with the
// article that answers it, which must be in the top 3. Typos, synonyms, missing accents,
// phrasings unlike the title and Simplified queries on Traditional articles, per locale.
#include "support/sample_index.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>

using namespace anticipa;

namespace {

struct RelevanceCase {
    std::string locale, query, expected, kind;
    int line = 0;
};

std::vector<RelevanceCase> read_cases() {
    std::vector<RelevanceCase> cases;
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "tests/data/relevance")) {
        std::ifstream in(entry.path());
        int number = 0;
        for (std::string line; std::getline(in, line);) {
            ++number;
            if (line.empty() || line[0] == '#') continue;
            auto first = line.find('\t'), second = line.find('\t', first + 1);
            REQUIRE(second != std::string::npos);
            cases.push_back({entry.path().stem().string(), line.substr(0, first),
                             line.substr(first + 1, second - first - 1), line.substr(second + 1), number});
        }
    }
    return cases;
}

}  // namespace

TEST_CASE("Relevance: each realistic query finds its article in the top 3", "[search][relevance][integration]") {
    test::SampleIndex sample;
    search::Searcher searcher = sample.searcher();

    auto cases = read_cases();
    REQUIRE(cases.size() >= 60);
    std::map<std::string, std::pair<int, int>> by_locale;  // passed, total
    for (const auto& c : cases) {
        search::SearchRequest request;
        request.query = c.query;
        request.locale = c.locale;
        request.limit = 3;
        auto response = searcher.search(request);
        std::vector<std::string> top;
        for (const auto& hit : response.hits) top.push_back(hit.id);
        bool found = std::find(top.begin(), top.end(), c.expected) != top.end();
        by_locale[c.locale].second++;
        by_locale[c.locale].first += found;
        CAPTURE(c.locale, c.line, c.kind, c.query, c.expected, top);
        CHECK(found);
    }
    for (const auto& [locale, counts] : by_locale)
        WARN(locale << ": " << counts.first << "/" << counts.second << " in the top 3");
}
