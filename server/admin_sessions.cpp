#include "admin_sessions.h"

#include "secrets.h"

#include <algorithm>

namespace anticipa::server {

namespace {

/// 32 random bytes: a session id cannot be guessed, whatever the login rate limit.
constexpr std::size_t ID_BYTES = 32;

std::string table_key(const std::string& id) {
    return hmac_sha256_hex("anticipa admin session id", id);
}

}  // namespace

std::string AdminSessions::open(const std::string& token_fingerprint, Clock::time_point now) {
    std::string id = random_hex(ID_BYTES);
    std::lock_guard lock(mutex_);
    make_room(now);
    sessions_[table_key(id)] = {token_fingerprint, now, now};
    return id;
}

bool AdminSessions::use(const std::string& id, const std::string& token_fingerprint, Clock::time_point now) {
    if (id.size() != 2 * ID_BYTES) return false;
    const std::string key = table_key(id);
    std::lock_guard lock(mutex_);
    auto found = sessions_.find(key);
    if (found == sessions_.end()) return false;
    if (expired(found->second, now) || !same_secret(found->second.token_fingerprint, token_fingerprint)) {
        sessions_.erase(found);
        return false;
    }
    found->second.last_used = now;
    return true;
}

void AdminSessions::close(const std::string& id) {
    const std::string key = table_key(id);
    std::lock_guard lock(mutex_);
    sessions_.erase(key);
}

std::size_t AdminSessions::size() {
    std::lock_guard lock(mutex_);
    return sessions_.size();
}

bool AdminSessions::expired(const Session& session, Clock::time_point now) const {
    return now - session.last_used >= limits_.idle || now - session.opened >= limits_.lifetime;
}

/// Drops expired sessions, then the oldest ones while the table is full. Logins are rate-limited,
/// so this runs rarely and over a small table.
void AdminSessions::make_room(Clock::time_point now) {
    std::erase_if(sessions_, [&](const auto& entry) { return expired(entry.second, now); });
    while (!sessions_.empty() && sessions_.size() >= limits_.max_sessions) {
        auto oldest = std::min_element(sessions_.begin(), sessions_.end(),
                                       [](const auto& a, const auto& b) { return a.second.opened < b.second.opened; });
        sessions_.erase(oldest);
    }
}

}  // namespace anticipa::server
