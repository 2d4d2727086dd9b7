// Server transport: cpp-httplib as the parser and response writer of the requests the
// connection loop framed — its Request and Response, its hooks (the guard, the router, errors,
// exceptions, the logger) — fed from memory instead of a socket.
#pragma once

#include "transport/exchange.h"

#include <httplib.h>

namespace anticipa::server::transport {

/// A cpp-httplib Server that never listens: Server::process_request (protected) parses one
/// exchange's request from its buffer and writes the answer into exchange.output. Routing is
/// the pre-routing hook's (it answers every request), so httplib's own route list stays empty
/// and its body reader never runs: the body the loop framed is handed over as it is.
class HttplibProcessor : public httplib::Server {
  public:
    HttplibProcessor();

    /// Thread-safe once the hooks are set: workers call it concurrently.
    void process(Exchange& exchange);

    /// The exchange process() is working on, for the hooks it runs on the same thread.
    static Exchange& current();
};

}  // namespace anticipa::server::transport
