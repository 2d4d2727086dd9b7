// Server: how often anyone may try the admin token — a token bucket per client address and one
// for all of them, so neither one client nor many together can guess at speed.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace anticipa::server {

/// `burst` attempts at once, then one more every `refill`.
struct AttemptBudget {
    double burst = 10;
    std::chrono::milliseconds refill{30'000};
};

struct LoginLimits {
    AttemptBudget per_address{10, std::chrono::seconds(30)};  ///< 10 at once, then 2 a minute
    AttemptBudget overall{100, std::chrono::seconds(2)};      ///< 100 at once, then 30 a minute
};

/// Thread-safe.
class LoginThrottle {
  public:
    using Clock = std::chrono::steady_clock;

    explicit LoginThrottle(LoginLimits limits = {}) : limits_(limits), overall_{limits.overall.burst, {}} {}

    /// Takes one attempt for `address`: nullopt when it may go ahead, else how long to wait
    /// (whole seconds, at least 1, for Retry-After). A refused attempt costs nothing.
    std::optional<std::chrono::seconds> take(const std::string& address, Clock::time_point now = Clock::now());

    /// Returns the attempt `take` took: a correct token costs nothing, so only guesses add up.
    void give_back(const std::string& address, Clock::time_point now = Clock::now());

  private:
    struct Bucket {
        double attempts = 0;  ///< attempts available
        Clock::time_point updated;
    };
    static void refill(Bucket& bucket, const AttemptBudget& budget, Clock::time_point now);
    static std::chrono::seconds wait_for_one(const Bucket& bucket, const AttemptBudget& budget);
    Bucket& bucket_of(const std::string& address, Clock::time_point now);

    const LoginLimits limits_;
    std::mutex mutex_;
    Bucket overall_;
    std::unordered_map<std::string, Bucket> per_address_;
};

}  // namespace anticipa::server
