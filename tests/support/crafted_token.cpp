#include "support/crafted_token.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <cstring>
#include <stdexcept>

namespace anticipa::test {

namespace {

const char* BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string hmac(Hmac kind, const std::string& key, const std::string& message) {
    const EVP_MD* digest = kind == Hmac::SHA384 ? EVP_sha384() : kind == Hmac::SHA512 ? EVP_sha512() : EVP_sha256();
    std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
    unsigned length = 0;
    HMAC(digest, key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(message.data()),
         message.size(), out.data(), &length);
    return std::string(reinterpret_cast<const char*>(out.data()), length);
}

}  // namespace

std::string base64url(const std::string& bytes) {
    std::string out;
    unsigned value = 0;
    int bits = 0;
    for (unsigned char c : bytes) {
        value = (value << 8) | c;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += BASE64URL[(value >> bits) & 0x3F];
        }
    }
    if (bits > 0) out += BASE64URL[(value << (6 - bits)) & 0x3F];
    return out;
}

std::string hs256_signature(const std::string& signed_part, const std::string& key) {
    return base64url(hmac(Hmac::SHA256, key, signed_part));
}

std::string crafted_token(const std::string& header, const std::string& claims, const std::string& key, Hmac kind) {
    const std::string signed_part = base64url(header) + "." + base64url(claims);
    return signed_part + "." + (kind == Hmac::NONE ? "" : base64url(hmac(kind, key, signed_part)));
}

std::string with_noncanonical_signature(const std::string& token) {
    // An HS256 signature is 32 bytes: 43 characters, the last carrying 4 bits and 2 unused ones.
    std::string changed = token;
    const char* at = std::strchr(BASE64URL, changed.back());
    if (!at) throw std::invalid_argument("not a base64url signature");
    changed.back() = BASE64URL[(at - BASE64URL) ^ 1];
    return changed;
}

}  // namespace anticipa::test
