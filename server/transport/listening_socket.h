// Server transport: the listening socket — bound once, shared with no other process.
#pragma once

#include <sys/socket.h>

#include <string>

namespace anticipa::server::transport {

/// A peer's or a socket's own address as text ("127.0.0.1", 8080; IPv6 without brackets).
struct SocketAddress {
    std::string ip;
    int port = 0;
};
SocketAddress address_of(const sockaddr_storage& address);

/// A non-blocking TCP socket listening on host:port with the system's largest backlog
/// (SOMAXCONN: a burst of connects waits in the kernel, not for a SYN retransmit). It sets
/// SO_REUSEADDR only: with SO_REUSEPORT (which cpp-httplib sets) a second server on the same
/// port would start and take half of the connections.
class ListeningSocket {
  public:
    /// Throws std::runtime_error naming the address and the reason ("address already in use").
    ListeningSocket(const std::string& host, int port);
    ~ListeningSocket();
    ListeningSocket(const ListeningSocket&) = delete;
    ListeningSocket& operator=(const ListeningSocket&) = delete;

    int fd() const { return fd_; }
    /// The bound port (the one the system chose when asked for port 0).
    int port() const { return address_.port; }
    /// The bound address, for requests' local address.
    const SocketAddress& address() const { return address_; }

  private:
    int fd_ = -1;
    SocketAddress address_;
};

}  // namespace anticipa::server::transport
