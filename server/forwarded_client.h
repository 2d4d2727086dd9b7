// Server: which client a request came from when a proxy (nginx) stands in front: the address the
// proxy appended to X-Forwarded-For, believed only from a configured proxy.
#pragma once

#include "httplib_fwd.h"

#include <array>
#include <string>
#include <vector>

namespace anticipa::server {

/// True when `text` is an IPv4 or IPv6 address as inet_pton reads it ("203.0.113.7", "::1").
bool is_ip_address(const std::string& text);

/// The proxies whose X-Forwarded-For is believed: addresses ("10.0.0.5", "::1") and networks in
/// CIDR notation ("10.0.0.0/8", "fd00::/8"), as nginx's set_real_ip_from takes them. An IPv4
/// client seen through an IPv6 socket ("::ffff:10.0.0.5") is the IPv4 address.
class TrustedProxies {
  public:
    /// Throws std::invalid_argument naming the first entry that is neither an address nor a network.
    explicit TrustedProxies(const std::vector<std::string>& entries);
    bool contains(const std::string& address) const;

  private:
    struct Network {
        std::array<unsigned char, 16> bytes{};  ///< IPv4 in the first 4
        bool v4 = false;
        unsigned prefix = 0;  ///< leading bits that must match
    };
    std::vector<Network> networks_;
};

/// Sets request.remote_addr to the client a trusted proxy forwarded: walking X-Forwarded-For
/// from the right, the first address that is not itself a trusted proxy. From any other peer
/// the header is ignored (a client could write anything there), and so is an entry that is no
/// address, which leaves the last trusted hop as the client. The access log, the events store
/// and the admin login throttle all read remote_addr, so they agree on who the client is.
void resolve_forwarded_client(const TrustedProxies& trusted, httplib::Request& request);

}  // namespace anticipa::server
