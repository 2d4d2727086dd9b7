// Server: the customer's support tier from a signed token (JWT, HS256) that the product issues.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace anticipa::server {

/// The tier of anyone without a valid token.
inline const std::string PUBLIC_TIER = "basic";

struct TierVerdict {
    std::string tier = PUBLIC_TIER;
    std::string reason;  ///< why the token was not accepted ("" when it was, or when there was none)
};

/// Verifies `token` (header.payload.signature, HS256) with `secret` and reads its "tier" claim.
/// Missing, malformed, forged, expired ("exp" in the past) or not-yet-valid ("nbf") tokens, and
/// unknown tiers, all mean the public tier: a URL or a header edit can never raise it.
TierVerdict verify_tier_token(const std::string& token, const std::string& secret,
                              std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

/// HMAC-SHA256 of `message` under `key`, as 64 lowercase hex digits (keyed hashes of client
/// addresses, the admin session cookie).
std::string hmac_sha256_hex(std::string_view key, std::string_view message);

/// Makes a token as a product backend would (tests, `anticipa token`).
std::string sign_tier_token(const std::string& tier, const std::string& secret, std::chrono::seconds valid_for,
                            std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

}  // namespace anticipa::server
