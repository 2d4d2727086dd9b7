#include "secrets.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <array>
#include <stdexcept>
#include <vector>

namespace anticipa::server {

namespace {

std::string hex(const unsigned char* bytes, std::size_t size) {
    static const char* DIGITS = "0123456789abcdef";
    std::string out;
    out.reserve(2 * size);
    for (std::size_t i = 0; i < size; ++i) {
        out.push_back(DIGITS[bytes[i] >> 4]);
        out.push_back(DIGITS[bytes[i] & 15]);
    }
    return out;
}

}  // namespace

std::string hmac_sha256_hex(std::string_view key, std::string_view message) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned length = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(message.data()),
         message.size(), digest.data(), &length);
    return hex(digest.data(), length);
}

std::string random_hex(std::size_t bytes) {
    std::vector<unsigned char> random(bytes);
    if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1)
        throw std::runtime_error("OpenSSL's random generator failed (RAND_bytes)");
    return hex(random.data(), random.size());
}

bool same_secret(std::string_view given, std::string_view expected) {
    // Digests of both are compared, so neither where a guess goes wrong nor how long the secret is
    // shows in the time taken (comparing the texts would stop at a length mismatch).
    auto digest = [](std::string_view text) {
        std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
        unsigned length = 0;
        EVP_Digest(text.data(), text.size(), out.data(), &length, EVP_sha256(), nullptr);
        return out;
    };
    const auto a = digest(given), b = digest(expected);
    return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace anticipa::server
