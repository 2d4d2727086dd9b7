#include "router.h"

#include <catch2/catch.hpp>

#include <string>

using anticipa::server::PathParams;
using anticipa::server::Route;
using anticipa::server::Router;

namespace {

/// A table whose handlers do nothing: the tests look at which route is found.
Router sample_router() {
    auto none = [](const auto&, const auto&, auto&) {};
    return Router({{"GET", "/api/v1/search", none},
                   {"GET", "/api/v1/articles/{locale}/{id...}", none},
                   {"OPTIONS", "/api/v1/{path...}", none},
                   {"GET", "/{locale:tag}", none},
                   {"GET", "/{locale:tag}/", none},
                   {"GET", "/{locale:tag}/articles/{id...}", none},
                   {"POST", "/{locale:tag}/articles/{id...}/feedback", none}});
}

/// "GET /api/v1/articles/{locale}/{id} pt|billing/invoices", "405 GET", or "404".
std::string find(const Router& router, const std::string& method, const std::string& path) {
    const Router::Found found = router.find(method, path);
    if (!found.route) return found.allowed.empty() ? "404" : "405 " + found.allowed;
    std::string text = found.route->method + " " + std::string(found.label);
    for (std::size_t i = 0; i < found.params.size(); ++i) text += (i ? "|" : " ") + found.params[i];
    return text;
}

}  // namespace

TEST_CASE("Router: exact paths, then patterns in the table's order", "[server][unit]") {
    const Router router = sample_router();
    struct Case {
        std::string method, path, expected;
    };
    for (const auto& c : std::vector<Case>{
             {"GET", "/api/v1/search", "GET /api/v1/search"},
             {"HEAD", "/api/v1/search", "GET /api/v1/search"},
             {"GET", "/api/v1/articles/pt/billing/invoices", "GET /api/v1/articles/{locale}/{id} pt|billing/invoices"},
             {"GET", "/api/v1/articles/english!/x", "GET /api/v1/articles/{locale}/{id} english!|x"},
             {"GET", "/api/v1/articles/pt/", "404"},
             {"OPTIONS", "/api/v1/search", "OPTIONS /api/v1/{path} search"},
             {"GET", "/zh-TW", "GET /{locale} zh-TW"},
             {"GET", "/en/", "GET /{locale}/ en"},
             {"GET", "/widget.js", "404"},  // not a language tag's shape
             {"GET", "/en/articles/../../etc/passwd", "GET /{locale}/articles/{id} en|../../etc/passwd"},
             {"POST", "/en/articles/a/b/feedback", "POST /{locale}/articles/{id}/feedback en|a/b"},
             {"GET", "/en/articles/a/feedback", "GET /{locale}/articles/{id} en|a/feedback"},
             {"POST", "/en/articles/a", "405 GET"},
             {"DELETE", "/api/v1/search", "405 GET"},
             {"GET", "/random/path", "404"},
         }) {
        CAPTURE(c.method, c.path);
        CHECK(find(router, c.method, c.path) == c.expected);
    }
}

TEST_CASE("Router: describe lists every route as /metrics labels it", "[server][unit]") {
    const auto rows = sample_router().describe();
    REQUIRE(rows.size() == 7);
    CHECK(rows[1] == std::pair<std::string, std::string>{"GET", "/api/v1/articles/{locale}/{id}"});
    CHECK(rows[6] == std::pair<std::string, std::string>{"POST", "/{locale}/articles/{id}/feedback"});
    CHECK_THROWS_AS(Router({{"GET", "/a/{x...}/{y...}", nullptr}}), std::invalid_argument);
}
