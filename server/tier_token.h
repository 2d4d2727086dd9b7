// Server: the customer's support tier from a signed token (JWT, HS256) that the product issues.
#pragma once

#include "article/article.h"

#include <chrono>
#include <string>

namespace anticipa::server {

/// The tier of anyone without a valid token.
inline const std::string PUBLIC_TIER = article::lowest_tier();

struct TierVerdict {
    std::string tier = PUBLIC_TIER;
    std::string reason;  ///< why the token was not accepted ("" when it was, or when there was none)
};

/// Verifies `token` (header.payload.signature, HS256 only) with `secret` and reads its "tier"
/// claim. Anything that is not exactly a valid token means the public tier, never an error:
/// malformed or non-canonical text, another algorithm ("none", HS512, RS256), a forged
/// signature, no "exp" or one in the past, an "nbf" in the future, a tier other than basic,
/// standard or advanced. A URL or a header edit can never raise the tier.
TierVerdict verify_tier_token(const std::string& token, const std::string& secret,
                              std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

/// Makes a token as a product backend would (tests, anticipa-traffic). Throws
/// std::invalid_argument on an empty secret.
std::string sign_tier_token(const std::string& tier, const std::string& secret, std::chrono::seconds valid_for,
                            std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

}  // namespace anticipa::server
