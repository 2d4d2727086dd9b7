// Test support: `anticipa serve` as an operator runs it — the built binary, in a folder of the
// test's choosing, on an ephemeral loopback port — with an HTTP client; stopped in the destructor.
#pragma once

#include "support/process.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace anticipa::test {

class ServerProcess {
  public:
    /// Runs `anticipa serve --listen 127.0.0.1:0 <options>` in `folder` and waits until it
    /// listens. Throws std::runtime_error with what it printed when it exits instead.
    explicit ServerProcess(const std::vector<std::string>& options, const std::filesystem::path& folder = {});

    /// A client with connection and read timeouts.
    httplib::Client client() const;
    /// GET `path`: the status (-1 without an answer) and the body parsed as JSON (null if not JSON).
    std::pair<int, nlohmann::json> get_json(const std::string& path) const;
    /// What the server has written to stderr so far (start-up, notices, access log).
    std::string log() { return started_ + process_.errors_so_far(); }
    int terminate() { return process_.terminate(); }

    int port = 0;

  private:
    RunningProcess process_;
    std::string started_;  ///< what it printed until it listened
};

}  // namespace anticipa::test
