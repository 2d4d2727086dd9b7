#include "contact_outbox.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <unistd.h>
#include <chrono>

namespace anticipa::server {

bool ContactOutbox::deliver(const ContactMessage& message) {
    const auto now = std::chrono::system_clock::now();
    nlohmann::json line{
        {"at_ms", std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count()},
        {"locale", message.locale},
        {"tier", message.tier},
        {"subject", message.subject},
        {"email", message.email},
        {"message", message.message},
        {"search_id", message.search_id}};
    const std::string text = line.dump() + "\n";
    std::lock_guard lock(mutex_);
    // One write(2) in append mode: concurrent servers on the same file never interleave a line.
    const int fd = ::open(file_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) return false;
    const ssize_t written = ::write(fd, text.data(), text.size());
    const bool closed = ::close(fd) == 0;
    return written == static_cast<ssize_t>(text.size()) && closed;
}

}  // namespace anticipa::server
