// Server: the HTTP face of the engine — parse and validate, call the engine, serialize, log.
// No Xapian here: the engine's SearchService is the only way to the index.
#pragma once

#include "events/event_sink.h"
#include "search/search_service.h"
#include "server_config.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace anticipa::server {

namespace transport {
class ListeningSocket;
}

class HelpCenterServer {
  public:
    HelpCenterServer(const ServerConfig& config, search::SearchService& search, events::EventSink& events);
    ~HelpCenterServer();

    /// Serves `listener` (bound to the config's host:port by the caller, before it opens what a
    /// second server would also open) until stop(); then answers the requests in flight.
    void run(const transport::ListeningSocket& listener);
    /// Makes run() stop accepting, answer the requests in flight and return. Thread-safe.
    void stop();

    /// Method and pattern of every route, as the router dispatches and /metrics labels them
    /// ("GET", "/api/v1/articles/{locale}/{id}").
    std::vector<std::pair<std::string, std::string>> routes() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace anticipa::server
