#include "support/server_process.h"

#include <stdexcept>

namespace anticipa::test {

namespace {

std::vector<std::string> serve_command(const std::vector<std::string>& options) {
    std::vector<std::string> command{anticipa_binary(), "serve", "--listen", "127.0.0.1:0"};
    command.insert(command.end(), options.begin(), options.end());
    return command;
}

}  // namespace

ServerProcess::ServerProcess(const std::vector<std::string>& options, const std::filesystem::path& folder)
    : process_(serve_command(options), folder) {
    const std::string listening = "listening on http://127.0.0.1:";
    std::string line;
    while (port == 0 && process_.read_error_line(line)) {
        started_ += line + "\n";
        auto at = line.find(listening);
        if (at != std::string::npos) port = std::stoi(line.substr(at + listening.size()));
    }
    if (port == 0) throw std::runtime_error("anticipa serve did not start:\n" + started_);
    process_.collect_errors();
}

httplib::Client ServerProcess::client() const {
    httplib::Client c("127.0.0.1", port);
    c.set_connection_timeout(5, 0);
    c.set_read_timeout(10, 0);
    return c;
}

std::pair<int, nlohmann::json> ServerProcess::get_json(const std::string& path) const {
    auto result = client().Get(path);
    if (!result) return {-1, nullptr};
    return {result->status, nlohmann::json::parse(result->body, nullptr, false)};
}

}  // namespace anticipa::test
