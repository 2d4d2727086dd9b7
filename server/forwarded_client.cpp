#include "forwarded_client.h"

#include <arpa/inet.h>
#include <httplib.h>

#include <algorithm>

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

}  // namespace

bool is_ip_address(const std::string& text) {
    unsigned char address[sizeof(in6_addr)];
    return inet_pton(AF_INET, text.c_str(), address) == 1 || inet_pton(AF_INET6, text.c_str(), address) == 1;
}

void resolve_forwarded_client(const std::vector<std::string>& trusted_proxies, httplib::Request& request) {
    auto trusted = [&](const std::string& address) {
        return std::find(trusted_proxies.begin(), trusted_proxies.end(), address) != trusted_proxies.end();
    };
    if (!trusted(request.remote_addr)) return;
    const std::vector<std::string> hops = forwarded_hops(request);
    for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {
        if (!is_ip_address(*hop)) return;  // nothing to the left of a broken hop can be believed
        request.remote_addr = *hop;
        if (!trusted(*hop)) return;
    }
}

}  // namespace anticipa::server
