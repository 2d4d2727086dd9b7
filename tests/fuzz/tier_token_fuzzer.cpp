// Fuzzing: tier-token verification (libjwt and the checks around it) on any bytes. The seeds hold
// valid tokens signed with SECRET, so mutations explore tokens one edit away from valid ones.
// Promises: never throws; the tier is one of the three; a token is accepted only in the exact
// text our own HMAC gives (header.payload and the canonical base64url of HMAC-SHA256): a
// non-canonical or reused signature is never accepted.
#include "fuzz_input.h"
#include "support/crafted_token.h"
#include "tier_token.h"

using namespace anticipa;

namespace {

const std::string SECRET = "fuzz-tier-secret";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::FuzzInput input(data, size);
    const std::string token(input.rest());
    // 2033-05-18: the seeds' tokens expire in 2100, and some carry an nbf around this time.
    const auto now = std::chrono::system_clock::from_time_t(2'000'000'000);
    const server::TierVerdict verdict = server::verify_tier_token(token, SECRET, now);
    fuzz::require(verdict.tier == "basic" || verdict.tier == "standard" || verdict.tier == "advanced",
                  "the tier is basic, standard or advanced");
    const bool accepted = !token.empty() && verdict.reason.empty();
    if (accepted) {
        const std::string signed_part = token.substr(0, token.rfind('.'));
        const std::string canonical = signed_part + "." + test::hs256_signature(signed_part, SECRET);
        fuzz::require(token == canonical, "only the canonical HS256 token under the secret is accepted");
    }
    return 0;
}
