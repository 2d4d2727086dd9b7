// Server: tier tokens, verified without the network — the tokens a product signs, and the ones an
// attacker writes by hand.
#include "tier_token.h"
#include "support/crafted_token.h"

#include <catch2/catch.hpp>

using namespace anticipa;
using namespace anticipa::server;
using namespace std::chrono_literals;

namespace {

const std::string SECRET = "s3cret-for-tests";
const std::string HS256 = R"({"alg":"HS256","typ":"JWT"})";
const std::string ADVANCED = R"({"tier":"advanced","exp":4102444800})";  // expires in 2100

}  // namespace

TEST_CASE("TierToken: a valid token gives its tier, anything else the public tier", "[server][unit]") {
    const auto now = std::chrono::system_clock::now();
    CHECK(verify_tier_token(sign_tier_token("advanced", SECRET, 1h, now), SECRET, now).tier == "advanced");
    CHECK(verify_tier_token(sign_tier_token("standard", SECRET, 1h, now), SECRET, now).tier == "standard");
    CHECK(verify_tier_token(test::crafted_token(HS256, ADVANCED, SECRET), SECRET, now).tier == "advanced");

    struct Case {
        std::string name, token, reason;
    };
    std::string good = sign_tier_token("advanced", SECRET, 1h, now);
    std::string forged_payload = good;
    forged_payload[good.find('.') + 3] ^= 1;  // one bit of the claims changed
    for (const auto& c :
         std::vector<Case>{{"missing", "", ""},
                           {"expired", sign_tier_token("advanced", SECRET, -1s, now), "expired"},
                           {"signed with another secret", sign_tier_token("advanced", "other", 1h, now),
                            "malformed, unsigned or forged"},
                           {"claims edited after signing", forged_payload, ""},
                           {"alg none", "eyJhbGciOiJub25lIn0.eyJ0aWVyIjoiYWR2YW5jZWQiLCJleHAiOjk5OTk5OTk5OTl9.",
                            "malformed, unsigned or forged"},
                           {"unknown tier", sign_tier_token("platinum", SECRET, 1h, now), "unknown tier"},
                           {"not a JWT", "advanced", "not a JWT"}}) {
        CAPTURE(c.name);
        auto verdict = verify_tier_token(c.token, SECRET, now);
        CHECK(verdict.tier == "basic");
        if (!c.reason.empty()) CHECK(verdict.reason == c.reason);
    }
    SECTION("without a configured secret nobody is raised") {
        CHECK(verify_tier_token(good, "", now).tier == "basic");
    }
}

TEST_CASE("TierToken: malformed headers mean the public tier, never an error", "[server][unit][hostile]") {
    // {"alg":2} and {"alg":null} made every route answer 500 when the header was read by hand.
    for (const char* header :
         {R"({"alg":2})", R"({"alg":null})", R"({"alg":["HS256"]})", R"({"alg":{"HS256":1}})", R"({"alg":true})",
          R"({})", R"([])", R"("HS256")", R"(null)", R"({"alg":"HS256")", "not json", "", R"({"alg":"hs256"})",
          R"({"alg":"HS256 "})", R"({"alg":"HS256","crit":["exp"]})"}) {
        CAPTURE(header);
        const std::string token = test::crafted_token(header, ADVANCED, SECRET);
        TierVerdict verdict;
        REQUIRE_NOTHROW(verdict = verify_tier_token(token, SECRET));
        CHECK(verdict.tier == "basic");
        CHECK_FALSE(verdict.reason.empty());
    }
}

TEST_CASE("TierToken: only HS256 under our secret, whatever algorithm the token names", "[server][unit][hostile]") {
    struct Case {
        std::string name, token;
    };
    for (const auto& c : std::vector<Case>{
             {"alg none, unsigned", test::crafted_token(R"({"alg":"none"})", ADVANCED, SECRET, test::Hmac::NONE)},
             {"alg none, signed anyway", test::crafted_token(R"({"alg":"none"})", ADVANCED, SECRET)},
             {"HS256 header, no signature", test::crafted_token(HS256, ADVANCED, SECRET, test::Hmac::NONE)},
             // RS256 confusion: a verifier that took the HMAC secret as the "public key".
             {"RS256 header, HMAC with the secret", test::crafted_token(R"({"alg":"RS256"})", ADVANCED, SECRET)},
             {"ES256 header, HMAC with the secret", test::crafted_token(R"({"alg":"ES256"})", ADVANCED, SECRET)},
             // libjwt verifies whichever HMAC the header names: these pass its check, not ours.
             {"HS384 with our secret", test::crafted_token(R"({"alg":"HS384"})", ADVANCED, SECRET, test::Hmac::SHA384)},
             {"HS512 with our secret", test::crafted_token(R"({"alg":"HS512"})", ADVANCED, SECRET, test::Hmac::SHA512)},
             {"HS256 header, HS512 signature", test::crafted_token(HS256, ADVANCED, SECRET, test::Hmac::SHA512)}}) {
        CAPTURE(c.name, c.token);
        CHECK(verify_tier_token(c.token, SECRET).tier == "basic");
    }
}

TEST_CASE("TierToken: a signature is accepted only in its one canonical spelling", "[server][unit][hostile]") {
    const std::string good = test::crafted_token(HS256, ADVANCED, SECRET);
    REQUIRE(verify_tier_token(good, SECRET).tier == "advanced");
    struct Case {
        std::string name, token;
    };
    for (const auto& c :
         std::vector<Case>{{"unused low bits set (same bytes decoded)", test::with_noncanonical_signature(good)},
                           {"padding", good + "="},
                           {"standard base64 alphabet", good.substr(0, good.size() - 1) + "+"},
                           {"a NUL and more after it", good + std::string(1, '\0') + "x"},
                           {"a newline inside", good.substr(0, good.size() - 5) + "\n" + good.substr(good.size() - 5)},
                           {"a space before", " " + good},
                           {"a fourth segment", good + ".e30"},
                           {"two segments", good.substr(0, good.rfind('.'))},
                           {"far too long", good + std::string(5000, 'A')}}) {
        CAPTURE(c.name);
        CHECK(verify_tier_token(c.token, SECRET).tier == "basic");
    }
}

TEST_CASE("TierToken: exp is required and nbf honoured, the claims must be an object", "[server][unit][hostile]") {
    const auto now = std::chrono::system_clock::from_time_t(2'000'000'000);
    auto tier_of = [&](const std::string& claims) {
        CAPTURE(claims);
        return verify_tier_token(test::crafted_token(HS256, claims, SECRET), SECRET, now);
    };
    CHECK(tier_of(R"({"tier":"standard","exp":2000000060})").tier == "standard");
    CHECK(tier_of(R"({"tier":"standard","exp":2000000060.5,"nbf":1999999990})").tier == "standard");
    CHECK(tier_of(R"({"tier":"standard","exp":2000000060,"nbf":2000000000})").tier == "standard");

    struct Case {
        std::string claims, reason;
    };
    for (const auto& c :
         std::vector<Case>{{R"({"tier":"standard"})", "no expiry"},
                           {R"({"tier":"standard","exp":"2100-01-01"})", "no expiry"},
                           {R"({"tier":"standard","exp":null})", "no expiry"},
                           {R"({"tier":"standard","exp":true})", "no expiry"},
                           {R"({"tier":"standard","exp":2000000000})", "expired"},
                           {R"({"tier":"standard","exp":1999999999})", "expired"},
                           {R"({"tier":"standard","exp":2000000060,"nbf":2000000001})", "not valid yet"},
                           {R"({"tier":"standard","exp":2000000060,"nbf":"now"})", "nbf is not a date"},
                           {R"({"tier":["advanced"],"exp":2000000060})", "unknown tier"},
                           {R"({"tier":"ADVANCED","exp":2000000060})", "unknown tier"},
                           {R"({"exp":2000000060})", "unknown tier"},
                           {R"([{"tier":"advanced","exp":2000000060}])", "claims are not a JSON object"}}) {
        const TierVerdict verdict = tier_of(c.claims);
        CHECK(verdict.tier == "basic");
        CHECK(verdict.reason == c.reason);
    }
}
