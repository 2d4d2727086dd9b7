// Search stage: the result cache's key names every field of a request (search/result_cache.h).
#include "search/result_cache.h"

#include <catch2/catch.hpp>

#include <functional>
#include <set>

using namespace anticipa;

namespace {

/// Converts to any field's type, to count an aggregate's fields by brace-initializing it.
struct AnyField {
    template <typename T>
    operator T() const;
};

/// How many fields the aggregate T has: the most AnyField{}s it can be brace-initialized from.
template <typename T, typename... Fields>
constexpr std::size_t field_count() {
    if constexpr (requires { T{Fields{}..., AnyField{}}; }) return field_count<T, Fields..., AnyField>();
    else return sizeof...(Fields);
}

struct FieldChange {
    const char* field;
    std::function<void(search::SearchRequest&)> change;
};

}  // namespace

TEST_CASE("request_key: a change to any field of the request is another key", "[search][unit]") {
    // One row per field of SearchRequest. A field added to the request without a row fails the
    // count below; one added without joining the key does not compile (request_key names them all).
    const std::vector<FieldChange> changes{
        {"query", [](search::SearchRequest& r) { r.query = "otters"; }},
        {"locale", [](search::SearchRequest& r) { r.locale = "pt"; }},
        {"tier", [](search::SearchRequest& r) { r.tier = "advanced"; }},
        {"tags", [](search::SearchRequest& r) { r.tags = {"billing"}; }},
        {"category", [](search::SearchRequest& r) { r.category = "account"; }},
        {"offset", [](search::SearchRequest& r) { r.offset = 10; }},
        {"limit", [](search::SearchRequest& r) { r.limit = 5; }},
        {"prefix_last_word", [](search::SearchRequest& r) { r.prefix_last_word = !r.prefix_last_word; }},
        {"fallback_to_default", [](search::SearchRequest& r) { r.fallback_to_default = !r.fallback_to_default; }},
        {"include_drafts", [](search::SearchRequest& r) { r.include_drafts = !r.include_drafts; }},
        {"with_snippets", [](search::SearchRequest& r) { r.with_snippets = !r.with_snippets; }},
        {"correct_spelling", [](search::SearchRequest& r) { r.correct_spelling = !r.correct_spelling; }},
        {"every_word", [](search::SearchRequest& r) { r.every_word = !r.every_word; }},
    };
    REQUIRE(changes.size() == field_count<search::SearchRequest>());

    search::SearchRequest asked;
    asked.query = "otter";
    asked.locale = "en";
    std::set<std::string> keys{search::request_key(asked)};
    for (const auto& [field, change] : changes) {
        CAPTURE(field);
        search::SearchRequest changed = asked;
        change(changed);
        CHECK(keys.insert(search::request_key(changed)).second);
    }
}

TEST_CASE("request_key: fields cannot run into each other", "[search][unit]") {
    struct Pair {
        search::SearchRequest a, b;
    };
    search::SearchRequest one_tag, two_tags, query_with_bar, query_then_locale;
    one_tag.tags = {"a,b"};
    two_tags.tags = {"a", "b"};
    query_with_bar.query = "a|b";
    query_then_locale.query = "a";
    query_then_locale.locale = "b";
    for (const auto& [a, b] : std::vector<Pair>{{one_tag, two_tags}, {query_with_bar, query_then_locale}}) {
        CAPTURE(a.query, a.locale, b.query, b.locale);
        CHECK(search::request_key(a) != search::request_key(b));
    }
    CHECK(search::request_key(one_tag) == search::request_key(one_tag));
}
