#include "tier_token.h"

#include <jwt.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace anticipa::server {

namespace {

/// Far above any real token (ours are about 150 bytes): the verification never works on more.
constexpr std::size_t MAX_TOKEN_BYTES = 4096;

struct FreeJwt {
    void operator()(jwt_t* jwt) const { jwt_free(jwt); }
};
using Jwt = std::unique_ptr<jwt_t, FreeJwt>;

/// libjwt hands out malloc'ed strings.
struct FreeText {
    void operator()(char* text) const { std::free(text); }
};
using LibjwtText = std::unique_ptr<char, FreeText>;

nlohmann::json parse_json(LibjwtText text) {
    return text ? nlohmann::json::parse(text.get(), nullptr, false) : nlohmann::json();
}

TierVerdict refuse(std::string reason) {
    return {PUBLIC_TIER, std::move(reason)};
}

/// Three base64url segments and nothing else. libjwt reads the token as a C string (a NUL
/// would end it early) and skips characters its base64 decoder does not know, so text it would
/// tolerate never reaches it.
bool looks_like_jwt(const std::string& token) {
    if (token.size() > MAX_TOKEN_BYTES || std::count(token.begin(), token.end(), '.') != 2) return false;
    return std::all_of(token.begin(), token.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
               c == '.';
    });
}

/// The claims' time checks (RFC 7519 NumericDate, seconds): "exp" required, "nbf" honoured.
std::string time_problem(const nlohmann::json& claims, double now) {
    const auto exp = claims.find("exp");
    if (exp == claims.end() || !exp->is_number()) return "no expiry";
    if (exp->get<double>() <= now) return "expired";
    const auto nbf = claims.find("nbf");
    if (nbf != claims.end() && !nbf->is_number()) return "nbf is not a date";
    if (nbf != claims.end() && nbf->get<double>() > now) return "not valid yet";
    return "";
}

}  // namespace

TierVerdict verify_tier_token(const std::string& token, const std::string& secret,
                              std::chrono::system_clock::time_point now) {
    if (token.empty()) return {};
    if (secret.empty()) return refuse("no tier secret is configured");
    if (!looks_like_jwt(token)) return refuse("not a JWT");

    // libjwt (Debian's 1.10) parses the header, refuses "none" when given a key, and compares
    // the canonical base64url of the expected HMAC with the token's text in constant time
    // (Debian's CVE-2024-25189 fix), so a signature with its unused low bits set is refused too.
    jwt_t* decoded = nullptr;
    const int failed = jwt_decode(&decoded, token.c_str(), reinterpret_cast<const unsigned char*>(secret.data()),
                                  static_cast<int>(secret.size()));
    Jwt jwt(decoded);
    if (failed != 0 || !jwt) return refuse("malformed, unsigned or forged");
    // libjwt verifies with whichever HMAC the header names, and reads the name ignoring case: an
    // HS384 or HS512 token made with our secret, or "alg": "hs256", would pass. Only the exact
    // "HS256" does (RFC 7515 names are case-sensitive); a token may not choose its algorithm.
    const nlohmann::json header = parse_json(LibjwtText(jwt_get_headers_json(jwt.get(), nullptr)));
    const auto alg = header.is_object() ? header.find("alg") : header.end();
    if (jwt_get_alg(jwt.get()) != JWT_ALG_HS256 || alg == header.end() || *alg != "HS256")
        return refuse("algorithm is not HS256");
    // RFC 7515 4.1.11: a token whose critical extensions the reader does not know is invalid.
    if (header.contains("crit")) return refuse("unsupported header");

    const nlohmann::json claims = parse_json(LibjwtText(jwt_get_grants_json(jwt.get(), nullptr)));
    if (!claims.is_object()) return refuse("claims are not a JSON object");
    const double seconds = std::chrono::duration<double>(now.time_since_epoch()).count();
    if (std::string problem = time_problem(claims, seconds); !problem.empty()) return refuse(problem);
    const auto tier = claims.find("tier");
    if (tier == claims.end() || !tier->is_string()) return refuse("unknown tier");
    const std::string& name = tier->get_ref<const std::string&>();
    if (!article::is_tier(name)) return refuse("unknown tier");
    return {name, ""};
}

std::string sign_tier_token(const std::string& tier, const std::string& secret, std::chrono::seconds valid_for,
                            std::chrono::system_clock::time_point now) {
    if (secret.empty()) throw std::invalid_argument("a tier token needs a secret");
    const long issued =
        static_cast<long>(std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count());
    jwt_t* created = nullptr;
    if (jwt_new(&created) != 0) throw std::runtime_error("libjwt could not make a token");
    Jwt jwt(created);
    if (jwt_add_grant(jwt.get(), "tier", tier.c_str()) != 0 || jwt_add_grant_int(jwt.get(), "iat", issued) != 0 ||
        jwt_add_grant_int(jwt.get(), "exp", issued + static_cast<long>(valid_for.count())) != 0 ||
        jwt_set_alg(jwt.get(), JWT_ALG_HS256, reinterpret_cast<const unsigned char*>(secret.data()),
                    static_cast<int>(secret.size())) != 0)
        throw std::runtime_error("libjwt could not make a token");
    LibjwtText encoded(jwt_encode_str(jwt.get()));
    if (!encoded) throw std::runtime_error("libjwt could not sign a token");
    return encoded.get();
}

}  // namespace anticipa::server
