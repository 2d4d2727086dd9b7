// Server: its settings, read once at start-up. Precedence: command line > environment
// (ANTICIPA_*) > configuration file > defaults.
#pragma once

#include "login_throttle.h"

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace anticipa::server {

/// What the contact step offers a tier after deflection. A tier with none of these is
/// self-service only (the help center, and the forum when there is one).
struct EscalationOptions {
    bool contact_form = false;   ///< a message to the support team, answered by e-mail
    std::string representative;  ///< a named representative, shown with the phone line
    std::string phone;           ///< e.g. "+1 555 0100"
    std::string forum_url;       ///< the community forum, when the product has one
};

/// How the events store keeps the client's address: the address itself, a keyed hash of it
/// (tells repeat customers apart without keeping who they are), or nothing.
enum class ClientAddressPolicy { FULL, HASHED, NONE };

/// Two per core, at least 4: searches use the CPU, a few handlers wait (the events journal, the
/// admin report), and more threads than that only add switching.
std::size_t default_worker_threads();

struct ServerConfig {
    std::string host = "127.0.0.1";  ///< loopback unless told otherwise
    int port = 8080;                 ///< 0: any free port (tests)
    std::filesystem::path index_dir = "index";
    std::filesystem::path locales_dir = "locales";  ///< UI strings (messages.yaml), and analysis when overriding
    /// Analyze with the profiles of locales_dir rather than the ones the index carries: set when
    /// the locales folder is named (command line, environment or file), for trying a profile out.
    bool locales_override = false;
    std::string default_locale = "en";
    std::vector<std::string> allowed_origins;  ///< may embed the widget; never "*"
    /// Proxies (nginx) whose X-Forwarded-For names the client, by exact address; from any other
    /// peer the header is ignored. Empty: the peer is the client.
    std::vector<std::string> trusted_proxies;
    std::string tier_secret;  ///< HS256 key of the tier tokens
    /// Threads that run handlers; connections are the IO thread's and hold none while idle.
    std::size_t threads = default_worker_threads();
    /// Requests waiting for a thread; past this, or when the oldest has waited max_queue_wait_ms,
    /// a new request is answered 503 with Retry-After at once.
    std::size_t max_queued = 1024;
    int max_queue_wait_ms = 250;
    std::size_t max_connections = 10000;  ///< open at once; more wait in the listen backlog
    std::size_t max_body_bytes = 16 * 1024;
    std::size_t max_query_chars = 256;
    int timeout_seconds = 5;  ///< to receive a request (head and body), and to send an answer
    /// A connection idle between requests is closed after this: longer than the 60 s nginx keeps
    /// idle upstream connections by default, so a proxy never reuses one the server is closing.
    int keep_alive_seconds = 75;

    /// The articles the index was built from, read by /admin for stale and missing translations;
    /// a server without them (a replica) shows the plan without that list, and says so.
    std::filesystem::path articles_dir = "articles";
    std::filesystem::path events_path;  ///< empty: events::default_events_path(), shared with `anticipa gaps`
    /// With a postgresql:// events_path, this replica's journal (empty: events::default_postgres_journal()).
    std::filesystem::path events_journal;
    int events_retention_days = 180;  ///< older events are deleted; 0 keeps them all
    ClientAddressPolicy client_address = ClientAddressPolicy::HASHED;
    std::string client_hash_key;                       ///< key of the address hash; empty: derived from tier_secret
    std::string admin_token;                           ///< opens /admin (the live gaps report); empty: /admin is off
    bool admin_cookie_secure = false;                  ///< session cookie over HTTPS only (set it behind TLS)
    std::chrono::seconds admin_session_idle{30 * 60};  ///< an admin session unused this long ends
    std::chrono::seconds admin_session_lifetime{12 * 3600};  ///< and any session ends this long after login
    LoginLimits admin_login_limits;  ///< guesses of the admin token (not a file setting: the defaults fit any site)

    /// By tier: basic, standard, advanced. The defaults are the product's documented plans.
    std::map<std::string, EscalationOptions> escalation{
        {"basic", {}},
        {"standard", {true, "", "", ""}},
        {"advanced", {true, "your account's support representative", "", ""}},
    };
    std::filesystem::path contact_outbox =
        "contact-outbox.jsonl";  ///< messages for the ticketing system, one JSON per line
};

/// The escalation options of a tier (a tier the configuration does not name has none).
const EscalationOptions& escalation_for(const ServerConfig& config, const std::string& tier);

/// Reads a YAML file of the keys above (listen: "host:port"). Throws std::runtime_error naming
/// the file and line on a bad value.
void load_config_file(const std::filesystem::path& file, ServerConfig& config);

/// ANTICIPA_LISTEN, ANTICIPA_INDEX, ANTICIPA_LOCALES, ANTICIPA_TIER_SECRET, ANTICIPA_ALLOWED_ORIGINS
/// and ANTICIPA_TRUSTED_PROXIES (comma-separated), ANTICIPA_DEFAULT_LOCALE.
void apply_environment(ServerConfig& config);

/// "host:port" -> host and port; throws std::invalid_argument on a malformed value.
void parse_listen(const std::string& listen, ServerConfig& config);

/// The effective settings as printed at start-up, with the secret masked.
std::string describe(const ServerConfig& config);

}  // namespace anticipa::server
