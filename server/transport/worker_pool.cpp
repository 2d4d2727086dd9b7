#include "transport/worker_pool.h"

#include <algorithm>

namespace anticipa::server::transport {

WorkerPool::WorkerPool(const WorkerLimits& limits) : limits_(limits) {
    for (std::size_t i = 0; i < std::max<std::size_t>(limits_.threads, 1); ++i)
        threads_.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() {
    shutdown();
}

bool WorkerPool::try_submit(std::function<void()> job) {
    const auto now = std::chrono::steady_clock::now();
    bool wake = false;
    {
        std::lock_guard lock(mutex_);
        if (stopping_ || queue_.size() >= limits_.max_queued) return false;
        if (!queue_.empty() && now - queue_.front().since > limits_.max_wait) return false;
        queue_.push_back({std::move(job), now});
        wake = idle_ > 0;
    }
    if (wake) ready_.notify_one();
    return true;
}

void WorkerPool::shutdown() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    ready_.notify_all();
    for (auto& thread : threads_)
        if (thread.joinable()) thread.join();
}

void WorkerPool::work() {
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(mutex_);
            ++idle_;
            ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            --idle_;
            if (queue_.empty()) return;  // stopping, and nothing left to run
            job = std::move(queue_.front().job);
            queue_.pop_front();
        }
        job();
    }
}

}  // namespace anticipa::server::transport
