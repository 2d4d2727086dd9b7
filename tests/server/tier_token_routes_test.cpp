// Server: hand-written tier tokens against a real server over HTTP. Whatever a token holds, every
// route answers as it answers the public tier: never a 500, never a raised tier.
#include "support/crafted_token.h"
#include "support/served_help_center.h"
#include "tier_token.h"

#include <httplib.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace anticipa;
using nlohmann::json;

namespace {

const std::string SECRET = "routes-secret";
const std::string ADVANCED = R"({"tier":"advanced","exp":4102444800})";

struct Malformed {
    std::string name, token;
};

std::vector<Malformed> malformed_tokens() {
    const std::string valid = test::crafted_token(R"({"alg":"HS256","typ":"JWT"})", ADVANCED, SECRET);
    return {
        {"alg is a number", test::crafted_token(R"({"alg":2})", ADVANCED, SECRET)},
        {"alg is null", test::crafted_token(R"({"alg":null})", ADVANCED, SECRET)},
        {"header is an array", test::crafted_token("[]", ADVANCED, SECRET)},
        {"alg none", test::crafted_token(R"({"alg":"none"})", ADVANCED, SECRET, test::Hmac::NONE)},
        {"HS512 with the secret", test::crafted_token(R"({"alg":"HS512"})", ADVANCED, SECRET, test::Hmac::SHA512)},
        {"non-canonical signature", test::with_noncanonical_signature(valid)},
        {"expired", test::crafted_token(R"({"alg":"HS256"})", R"({"tier":"advanced","exp":1})", SECRET)},
        {"nbf in 2100",
         test::crafted_token(R"({"alg":"HS256"})", R"({"tier":"advanced","exp":4102444800,"nbf":4102444000})", SECRET)},
        {"three dots", "..."},
        {"not base64", "%%%.***.!!!"},
    };
}

struct Route {
    std::string name, method, path, body;
    int status;
};

/// Every API route that reads the tier, and the pages.
const std::vector<Route> ROUTES{
    {"search", "GET", "/api/v1/search?q=generate%20SCIM%20token&locale=en", "", 200},
    {"suggest", "GET", "/api/v1/suggest?q=single%20sign&locale=en", "", 200},
    {"context", "GET", "/api/v1/context?route=/settings/security/sso&locale=en", "", 200},
    {"deflect", "POST", "/api/v1/deflect", R"({"subject": "Okta SCIM token", "body": "connect okta", "locale": "en"})",
     200},
    {"article", "GET", "/api/v1/articles/en/reset-password", "", 200},
    {"events", "POST", "/api/v1/events", R"({"type": "helpful", "article_id": "reset-password"})", 202},
    {"home page", "GET", "/en/", "", 200},
    {"search page", "GET", "/en/search?q=generate%20SCIM%20token", "", 200},
    {"article page", "GET", "/en/articles/reset-password", "", 200},
    {"contact page", "GET", "/en/contact?subject=sso", "", 200},
};

}  // namespace

TEST_CASE("Tiers over HTTP: a malformed token answers every route as the public tier",
          "[server][integration][tiers][hostile]") {
    test::ServedHelpCenter hc({.tier_secret = SECRET, .allowed_origins = {}, .adjust = {}});
    const std::string advanced = server::sign_tier_token("advanced", SECRET, std::chrono::hours(1));
    auto ask = [&](const Route& route, const httplib::Headers& headers) {
        auto result = route.method == "GET"
                          ? hc.client().Get(route.path.c_str(), headers)
                          : hc.client().Post(route.path.c_str(), headers, route.body, "application/json");
        REQUIRE(result);
        return *result;
    };
    // What only the advanced tier sees: the single-sign-on article, and a contact form.
    auto shows_advanced = [](const httplib::Response& response) {
        return response.body.find("single-sign-on") != std::string::npos ||
               response.body.find("method=\"post\" action=\"/en/contact\"") != std::string::npos;
    };
    for (const auto& route : ROUTES) {
        CAPTURE(route.name);
        const auto raised = ask(route, {{"Authorization", "Bearer " + advanced}});
        REQUIRE(raised.status == route.status);
        if (route.name != "article" && route.name != "article page" && route.name != "home page" &&
            route.name != "events")
            REQUIRE(shows_advanced(raised));  // the route does tell tiers apart
    }
    for (const auto& token : malformed_tokens()) {
        for (const auto& route : ROUTES) {
            CAPTURE(token.name, route.name);
            for (const httplib::Headers& headers : {httplib::Headers{{"Authorization", "Bearer " + token.token}},
                                                    httplib::Headers{{"Cookie", "anticipa_token=" + token.token}}}) {
                const auto answer = ask(route, headers);
                CHECK(answer.status == route.status);
                CHECK_FALSE(shows_advanced(answer));
                if (route.name == "events") CHECK(hc.events.events().back().tier == "basic");
            }
        }
    }
}
