// Server: which client a request came from when a proxy (nginx) stands in front: the address the
// proxy appended to X-Forwarded-For, believed only from a configured proxy.
#pragma once

#include "httplib_fwd.h"

#include <string>
#include <vector>

namespace anticipa::server {

/// True when `text` is an IPv4 or IPv6 address as inet_pton reads it ("203.0.113.7", "::1").
bool is_ip_address(const std::string& text);

/// Sets request.remote_addr to the client a trusted proxy forwarded: walking X-Forwarded-For
/// from the right, the first address that is not itself a trusted proxy. From any other peer
/// the header is ignored (a client could write anything there), and so is an entry that is no
/// address, which leaves the last trusted hop as the client. The access log, the events store
/// and the admin login throttle all read remote_addr, so they agree on who the client is.
void resolve_forwarded_client(const std::vector<std::string>& trusted_proxies, httplib::Request& request);

}  // namespace anticipa::server
