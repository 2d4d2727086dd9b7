#include "login_throttle.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace anticipa::server {

namespace {

/// Addresses whose buckets are full again are forgotten once the table grows past this. Every
/// bucket that is not full had an attempt within its refill time, and attempts are bounded by
/// the overall budget, so the table stays small.
constexpr std::size_t PRUNE_AT = 1024;

}  // namespace

void LoginThrottle::refill(Bucket& bucket, const AttemptBudget& budget, Clock::time_point now) {
    if (now > bucket.updated) {
        const double elapsed = std::chrono::duration<double, std::milli>(now - bucket.updated).count();
        bucket.attempts =
            std::min(budget.burst, bucket.attempts + elapsed / static_cast<double>(budget.refill.count()));
    }
    bucket.updated = std::max(bucket.updated, now);
}

std::chrono::seconds LoginThrottle::wait_for_one(const Bucket& bucket, const AttemptBudget& budget) {
    // Rounded to whole milliseconds first, so that 50000.0000001 ms is 50 s and not 51.
    const long long missing_ms = std::llround((1.0 - bucket.attempts) * static_cast<double>(budget.refill.count()));
    return std::chrono::seconds(std::max<long long>(1, (missing_ms + 999) / 1000));
}

LoginThrottle::Bucket& LoginThrottle::bucket_of(const std::string& address, Clock::time_point now) {
    if (per_address_.size() >= PRUNE_AT) {
        for (auto entry = per_address_.begin(); entry != per_address_.end();) {
            refill(entry->second, limits_.per_address, now);
            entry = entry->second.attempts >= limits_.per_address.burst ? per_address_.erase(entry) : std::next(entry);
        }
    }
    auto [found, added] = per_address_.try_emplace(address, Bucket{limits_.per_address.burst, now});
    return found->second;
}

std::optional<std::chrono::seconds> LoginThrottle::take(const std::string& address, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    Bucket& mine = bucket_of(address, now);
    refill(mine, limits_.per_address, now);
    refill(overall_, limits_.overall, now);
    if (mine.attempts < 1.0 || overall_.attempts < 1.0) {
        std::chrono::seconds wait{0};
        if (mine.attempts < 1.0) wait = wait_for_one(mine, limits_.per_address);
        if (overall_.attempts < 1.0) wait = std::max(wait, wait_for_one(overall_, limits_.overall));
        return wait;
    }
    mine.attempts -= 1.0;
    overall_.attempts -= 1.0;
    return std::nullopt;
}

void LoginThrottle::give_back(const std::string& address, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    Bucket& mine = bucket_of(address, now);
    mine.attempts = std::min(limits_.per_address.burst, mine.attempts + 1.0);
    overall_.attempts = std::min(limits_.overall.burst, overall_.attempts + 1.0);
}

}  // namespace anticipa::server
