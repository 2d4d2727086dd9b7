#include "forwarded_client.h"

#include <arpa/inet.h>
#include <httplib.h>

#include <algorithm>
#include <iterator>
#include <stdexcept>

namespace anticipa::server {

namespace {

/// The hops of every X-Forwarded-For line, in order: "198.51.100.9, 203.0.113.7" (a proxy appends
/// the peer it saw, so the rightmost hop is the one the nearest proxy vouches for).
std::vector<std::string> forwarded_hops(const httplib::Request& request) {
    std::vector<std::string> hops;
    const std::size_t lines = request.get_header_value_count("X-Forwarded-For");
    for (std::size_t line = 0; line < lines; ++line) {
        const std::string value = request.get_header_value("X-Forwarded-For", line);
        std::size_t start = 0;
        while (start <= value.size()) {
            std::size_t comma = value.find(',', start);
            if (comma == std::string::npos) comma = value.size();
            std::string hop = value.substr(start, comma - start);
            hop.erase(0, hop.find_first_not_of(" \t"));
            hop.erase(hop.find_last_not_of(" \t") + 1);
            hops.push_back(hop);
            start = comma + 1;
        }
    }
    return hops;
}

/// `text` as an address: IPv4 in the first 4 bytes, an IPv4-mapped IPv6 address as its IPv4.
bool parse_address(const std::string& text, std::array<unsigned char, 16>& bytes, bool& v4) {
    bytes.fill(0);
    if (inet_pton(AF_INET, text.c_str(), bytes.data()) == 1) return v4 = true;
    if (inet_pton(AF_INET6, text.c_str(), bytes.data()) != 1) return false;
    static constexpr unsigned char MAPPED[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    v4 = std::equal(std::begin(MAPPED), std::end(MAPPED), bytes.begin());
    if (v4) std::copy(bytes.begin() + 12, bytes.end(), bytes.begin());
    return true;
}

}  // namespace

bool is_ip_address(const std::string& text) {
    std::array<unsigned char, 16> bytes;
    bool v4 = false;
    return parse_address(text, bytes, v4);
}

TrustedProxies::TrustedProxies(const std::vector<std::string>& entries) {
    for (const auto& entry : entries) {
        const std::size_t slash = entry.find('/');
        Network network;
        bool valid = parse_address(entry.substr(0, slash), network.bytes, network.v4);
        const unsigned width = network.v4 ? 32 : 128;
        network.prefix = width;
        if (valid && slash != std::string::npos) {
            const std::string bits = entry.substr(slash + 1);
            valid = !bits.empty() && bits.size() <= 3 && bits.find_first_not_of("0123456789") == std::string::npos &&
                    std::stoul(bits) <= width;
            if (valid) network.prefix = static_cast<unsigned>(std::stoul(bits));
        }
        if (!valid)
            throw std::invalid_argument("trusted_proxies: \"" + entry +
                                        "\" is not an IP address or network like 10.0.0.5, ::1 or 10.0.0.0/8");
        networks_.push_back(network);
    }
}

bool TrustedProxies::contains(const std::string& address) const {
    std::array<unsigned char, 16> bytes;
    bool v4 = false;
    if (networks_.empty() || !parse_address(address, bytes, v4)) return false;
    return std::any_of(networks_.begin(), networks_.end(), [&](const Network& network) {
        if (network.v4 != v4) return false;
        const unsigned whole = network.prefix / 8, rest = network.prefix % 8;
        if (!std::equal(bytes.begin(), bytes.begin() + whole, network.bytes.begin())) return false;
        if (rest == 0) return true;
        const unsigned mask = (0xffu << (8 - rest)) & 0xffu;
        return (bytes[whole] & mask) == (network.bytes[whole] & mask);
    });
}

void resolve_forwarded_client(const TrustedProxies& trusted, httplib::Request& request) {
    if (!trusted.contains(request.remote_addr)) return;
    const std::vector<std::string> hops = forwarded_hops(request);
    for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {
        if (!is_ip_address(*hop)) return;  // nothing to the left of a broken hop can be believed
        request.remote_addr = *hop;
        if (!trusted.contains(*hop)) return;
    }
}

}  // namespace anticipa::server
