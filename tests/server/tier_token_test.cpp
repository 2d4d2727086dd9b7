// Server: tier tokens, verified without the network.
#include "tier_token.h"

#include <catch2/catch.hpp>

using namespace anticipa::server;
using namespace std::chrono_literals;

TEST_CASE("TierToken: a valid token gives its tier; anything else the public tier", "[server][unit]") {
    const std::string secret = "s3cret-for-tests";
    const auto now = std::chrono::system_clock::now();
    CHECK(verify_tier_token(sign_tier_token("advanced", secret, 1h, now), secret, now).tier == "advanced");
    CHECK(verify_tier_token(sign_tier_token("standard", secret, 1h, now), secret, now).tier == "standard");

    struct Case {
        std::string name, token, reason;
    };
    std::string good = sign_tier_token("advanced", secret, 1h, now);
    std::string forged_payload = good;
    forged_payload[good.find('.') + 3] ^= 1;  // one bit of the claims changed
    for (const auto& c : std::vector<Case>{
             {"missing", "", ""},
             {"expired", sign_tier_token("advanced", secret, -1s, now), "expired"},
             {"signed with another secret", sign_tier_token("advanced", "other", 1h, now), "bad signature"},
             {"claims edited after signing", forged_payload, ""},
             {"alg none", "eyJhbGciOiJub25lIn0.eyJ0aWVyIjoiYWR2YW5jZWQiLCJleHAiOjk5OTk5OTk5OTl9.",
              "algorithm is not HS256"},
             {"unknown tier", sign_tier_token("platinum", secret, 1h, now), "unknown tier"},
             {"not a JWT", "advanced", "not a JWT"}}) {
        CAPTURE(c.name);
        auto verdict = verify_tier_token(c.token, secret, now);
        CHECK(verdict.tier == "basic");
        if (!c.reason.empty()) CHECK(verdict.reason == c.reason);
    }
    SECTION("without a configured secret nobody is raised") {
        CHECK(verify_tier_token(good, "", now).tier == "basic");
    }
}
