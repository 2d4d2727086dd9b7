// Server: where contact-form messages go. The ticketing system is the product's own; the server
// hands messages over through an append-only file of JSON lines that an integration tails (or a
// cron job forwards), so a message is never acknowledged before it is on disk.
#pragma once

#include <filesystem>
#include <mutex>
#include <string>

namespace anticipa::server {

struct ContactMessage {
    std::string locale, tier, subject, email, message;
    std::string search_id;  ///< the deflection search it followed, when there was one
};

class ContactOutbox {
  public:
    explicit ContactOutbox(std::filesystem::path file) : file_(std::move(file)) {}
    /// Appends one line and flushes it to the kernel; false (and nothing half-written is
    /// acknowledged) when the file cannot be written.
    bool deliver(const ContactMessage& message);

  private:
    std::filesystem::path file_;
    std::mutex mutex_;
};

}  // namespace anticipa::server
