// Server: the HTTP face of the engine — parse and validate, call the engine, serialize, log.
// No Xapian here: the engine's SearchService is the only way to the index.
#pragma once

#include "events/event_sink.h"
#include "search/search_service.h"
#include "server_config.h"

#include <memory>

namespace anticipa::server {

class HelpCenterServer {
  public:
    HelpCenterServer(const ServerConfig& config, search::SearchService& search, events::EventSink& events);
    ~HelpCenterServer();

    /// Binds the listening socket; returns the port (the chosen one when the config says 0).
    /// Throws std::runtime_error when the address cannot be bound.
    int bind();
    /// Serves until stop(); returns false if the server could not run.
    bool run();
    /// Stops accepting, finishes the requests in flight, makes run() return. Thread-safe.
    void stop();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace anticipa::server
