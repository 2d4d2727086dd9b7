// Server: the primitives every secret passes through: keyed hashes, random ids and comparisons
// that take the same time whatever the guess.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace anticipa::server {

/// HMAC-SHA256 of `message` under `key`, as 64 lowercase hex digits (keyed hashes of client
/// addresses, fingerprints of the admin token).
std::string hmac_sha256_hex(std::string_view key, std::string_view message);

/// `bytes` bytes from OpenSSL's CSPRNG as 2 * `bytes` lowercase hex digits (admin session ids).
/// Throws std::runtime_error when the generator cannot be seeded.
std::string random_hex(std::size_t bytes);

/// True when both are equal, in a time that depends on neither where they differ nor the length
/// of `expected`: a guess learns nothing from how long the comparison took.
bool same_secret(std::string_view given, std::string_view expected);

}  // namespace anticipa::server
