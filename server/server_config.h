// Server: its settings, read once at start-up. Precedence: command line > environment
// (ANTICIPA_*) > configuration file > defaults.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace anticipa::server {

struct ServerConfig {
    std::string host = "127.0.0.1";  ///< loopback unless told otherwise
    int port = 8080;                 ///< 0: any free port (tests)
    std::filesystem::path index_dir = "index";
    std::filesystem::path locales_dir = "locales";
    std::string default_locale = "en";
    std::vector<std::string> allowed_origins;  ///< may embed the widget; never "*"
    std::string tier_secret;                   ///< HS256 key of the tier tokens
    std::size_t threads = 64;  ///< a keep-alive connection holds one while it is open
    std::size_t max_queued = 64;  ///< connections waiting for a thread; past this: 503 + Retry-After
    std::size_t max_body_bytes = 16 * 1024;
    std::size_t max_query_chars = 256;
    int timeout_seconds = 5;  ///< read and write
};

/// Reads a YAML file of the keys above (listen: "host:port"). Throws std::runtime_error naming
/// the file and line on a bad value.
void load_config_file(const std::filesystem::path& file, ServerConfig& config);

/// ANTICIPA_LISTEN, ANTICIPA_INDEX, ANTICIPA_LOCALES, ANTICIPA_TIER_SECRET, ANTICIPA_ALLOWED_ORIGINS
/// (comma-separated), ANTICIPA_DEFAULT_LOCALE.
void apply_environment(ServerConfig& config);

/// "host:port" -> host and port; throws std::invalid_argument on a malformed value.
void parse_listen(const std::string& listen, ServerConfig& config);

/// The effective settings as printed at start-up, with the secret masked.
std::string describe(const ServerConfig& config);

}  // namespace anticipa::server
