#include "tier_token.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstring>
#include <optional>

namespace anticipa::server {

namespace {

const char* BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string base64url_encode(const std::string& bytes) {
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

std::optional<std::string> base64url_decode(const std::string& text) {
    std::string out;
    unsigned value = 0;
    int bits = 0;
    for (char c : text) {
        const char* at = std::strchr(BASE64URL, c);
        if (c == '\0' || !at) return std::nullopt;
        value = (value << 6) | static_cast<unsigned>(at - BASE64URL);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((value >> bits) & 0xFF);
        }
    }
    return out;
}

std::string hmac_sha256(std::string_view key, std::string_view message) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned length = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(message.data()),
         message.size(), digest.data(), &length);
    return std::string(reinterpret_cast<const char*>(digest.data()), length);
}

TierVerdict refuse(std::string reason) {
    return {PUBLIC_TIER, std::move(reason)};
}

}  // namespace

std::string hmac_sha256_hex(std::string_view key, std::string_view message) {
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned char byte : hmac_sha256(key, message)) {
        out.push_back(hex[byte >> 4]);
        out.push_back(hex[byte & 15]);
    }
    return out;
}

TierVerdict verify_tier_token(const std::string& token, const std::string& secret,
                              std::chrono::system_clock::time_point now) {
    if (token.empty()) return {};
    if (secret.empty()) return refuse("no tier secret is configured");
    const auto first = token.find('.'), second = token.find('.', first + 1);
    if (first == std::string::npos || second == std::string::npos || token.find('.', second + 1) != std::string::npos)
        return refuse("not a JWT");
    const std::string signed_part = token.substr(0, second);
    auto header = base64url_decode(token.substr(0, first));
    auto payload = base64url_decode(token.substr(first + 1, second - first - 1));
    auto signature = base64url_decode(token.substr(second + 1));
    if (!header || !payload || !signature) return refuse("not base64url");

    // Only HS256: a token may not choose its own algorithm ("none", or a public-key one).
    auto header_json = nlohmann::json::parse(*header, nullptr, false);
    if (!header_json.is_object() || header_json.value("alg", "") != "HS256") return refuse("algorithm is not HS256");
    const std::string expected = hmac_sha256(secret, signed_part);
    if (signature->size() != expected.size() || CRYPTO_memcmp(signature->data(), expected.data(), expected.size()) != 0)
        return refuse("bad signature");

    auto claims = nlohmann::json::parse(*payload, nullptr, false);
    if (!claims.is_object()) return refuse("payload is not a JSON object");
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    if (!claims.contains("exp") || !claims["exp"].is_number()) return refuse("no expiry");
    if (claims["exp"].get<double>() <= static_cast<double>(seconds)) return refuse("expired");
    if (claims.contains("nbf") && claims["nbf"].is_number() &&
        claims["nbf"].get<double>() > static_cast<double>(seconds))
        return refuse("not valid yet");
    const std::string tier =
        claims.contains("tier") && claims["tier"].is_string() ? claims["tier"].get<std::string>() : "";
    if (tier != "basic" && tier != "standard" && tier != "advanced") return refuse("unknown tier");
    return {tier, ""};
}

std::string sign_tier_token(const std::string& tier, const std::string& secret, std::chrono::seconds valid_for,
                            std::chrono::system_clock::time_point now) {
    const auto issued = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    const std::string header = base64url_encode(R"({"alg":"HS256","typ":"JWT"})");
    const std::string payload =
        base64url_encode(nlohmann::json{{"tier", tier}, {"iat", issued}, {"exp", issued + valid_for.count()}}.dump());
    return header + "." + payload + "." + base64url_encode(hmac_sha256(secret, header + "." + payload));
}

}  // namespace anticipa::server
