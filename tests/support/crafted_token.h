// Test support: JWTs as anyone can write them — any header, any claims, signed with any HMAC or
// not at all — to show what the server makes of tokens its own signer would never produce.
#pragma once

#include <string>

namespace anticipa::test {

enum class Hmac { NONE, SHA256, SHA384, SHA512 };

/// base64url without padding, as JWTs carry their segments.
std::string base64url(const std::string& bytes);

/// The canonical HS256 signature segment of `signed_part` ("header.payload") under `key`.
std::string hs256_signature(const std::string& signed_part, const std::string& key);

/// base64url(header) "." base64url(claims) "." base64url(HMAC of the two under `key`); the
/// signature segment is empty with Hmac::NONE.
std::string crafted_token(const std::string& header, const std::string& claims, const std::string& key,
                          Hmac hmac = Hmac::SHA256);

/// The same token with the last character of its signature changed so that only the unused low
/// bits differ: the same bytes once decoded, a different text.
std::string with_noncanonical_signature(const std::string& token);

}  // namespace anticipa::test
