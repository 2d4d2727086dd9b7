// Server transport: one request's trip from the connection loop to a worker and back — the
// framed request in, the whole response out.
#pragma once

#include "transport/listening_socket.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace anticipa::server::transport {

struct Exchange {
    // Set by the connection loop.
    int fd = -1;
    std::uint64_t connection = 0;  ///< the connection's id; a closed connection's fd may be reused
    std::string input;             ///< the connection's buffer; the request is a slice of it
    std::size_t begin = 0, head_size = 0, size = 0;
    SocketAddress peer;
    const SocketAddress* local = nullptr;            ///< the listening socket's address
    std::chrono::steady_clock::time_point received;  ///< when the request was complete
    bool close = false;  ///< in: the server closes after this answer (stopping); out: close after it

    // Set by the worker.
    std::string output;      ///< the response, status line to body
    std::string_view route;  ///< the route pattern that answered, for logs and metrics ("" when none)

    std::string_view request() const { return std::string_view(input).substr(begin, size); }
    std::string_view body() const { return request().substr(head_size); }
};

}  // namespace anticipa::server::transport
