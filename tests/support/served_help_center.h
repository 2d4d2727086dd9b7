// Test support: the sample help center copied to a temp folder, indexed, and served by a real
// HelpCenterServer on an ephemeral loopback port; stopped in the destructor.
#pragma once

#include "events/event_sink.h"
#include "help_center_server.h"
#include "index/indexer.h"
#include "support/temp_dir.h"
#include "transport/listening_socket.h"

#include <httplib.h>

#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace anticipa::test {

struct ServedOptions {
    std::string tier_secret = "test-secret";
    std::vector<std::string> allowed_origins = {"https://app.quillo.example"};
    std::function<void(server::ServerConfig&)> adjust = {};  ///< any other setting
};

class ServedHelpCenter {
  public:
    explicit ServedHelpCenter(const ServedOptions& options = {});
    ~ServedHelpCenter();

    /// Re-indexes the temp articles folder (the server picks the revision up by itself).
    index::IndexSummary reindex();
    /// A client with connection and read timeouts.
    httplib::Client client() const;
    /// A client for the admin pages. A content plan that must learn its translation table first
    /// (right after start-up, or after an article changed: the help center's alignment, FreeDict,
    /// Unihan) takes a second in a normal build and over 5 s under AddressSanitizer: more than
    /// the 5 s a search is given.
    httplib::Client admin_client() const {
        httplib::Client c = client();
        c.set_read_timeout(60, 0);
        return c;
    }
    server::HelpCenterServer& server() { return *http_; }

    TempDir dir;
    analysis::AnalyzerSet analyzers{source_dir() / "locales"};
    server::ServerConfig config;
    events::MemoryEventSink events;
    int port = 0;

  private:
    std::unique_ptr<search::SearchService> search_;
    std::unique_ptr<server::transport::ListeningSocket> listener_;
    std::unique_ptr<server::HelpCenterServer> http_;
    std::thread thread_;
};

}  // namespace anticipa::test
