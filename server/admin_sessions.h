// Server: admin sessions — a random id per login, held by the server, that ends when it is left
// idle, when it gets too old, at logout, or when the admin token it was opened with changes.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace anticipa::server {

struct AdminSessionLimits {
    std::chrono::seconds idle{30 * 60};        ///< unused this long: ended
    std::chrono::seconds lifetime{12 * 3600};  ///< this long after login: ended, used or not
    std::size_t max_sessions = 1000;           ///< past this, a login ends the oldest session
};

/// Thread-safe. Sessions live in this server's memory: a restart ends them all.
class AdminSessions {
  public:
    using Clock = std::chrono::steady_clock;

    explicit AdminSessions(AdminSessionLimits limits) : limits_(limits) {}

    /// Opens a session for someone who showed the admin token whose fingerprint is given;
    /// returns its id (64 hex digits from OpenSSL's CSPRNG), the cookie's value.
    std::string open(const std::string& token_fingerprint, Clock::time_point now = Clock::now());

    /// True when `id` names a live session opened under `token_fingerprint`; restarts its idle time.
    bool use(const std::string& id, const std::string& token_fingerprint, Clock::time_point now = Clock::now());

    /// Ends the session (logout); an unknown id is ignored.
    void close(const std::string& id);

    std::size_t size();

  private:
    struct Session {
        std::string token_fingerprint;
        Clock::time_point opened, last_used;
    };
    bool expired(const Session& session, Clock::time_point now) const;
    void make_room(Clock::time_point now);

    const AdminSessionLimits limits_;
    std::mutex mutex_;
    /// Keyed by a hash of the id, so the table itself holds nothing a cookie could be made from.
    std::unordered_map<std::string, Session> sessions_;
};

}  // namespace anticipa::server
