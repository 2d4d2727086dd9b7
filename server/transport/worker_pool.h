// Server transport: the threads that run handlers, behind a bounded queue. A full queue is an
// answer (503 now), not a wait.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace anticipa::server::transport {

struct WorkerLimits {
    std::size_t threads = 8;
    std::size_t max_queued = 1024;  ///< jobs waiting for a thread
    /// A job waiting longer than this means the workers are behind: new jobs are refused until
    /// the queue moves again, so a burst is answered 503 at once instead of late.
    std::chrono::milliseconds max_wait{250};
};

class WorkerPool {
  public:
    explicit WorkerPool(const WorkerLimits& limits);
    ~WorkerPool();  ///< shutdown()
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    /// Queues `job` unless the pool is saturated (max_queued waiting, or the oldest waiting
    /// longer than max_wait); false means the caller answers 503.
    bool try_submit(std::function<void()> job);

    /// Runs every queued job, then joins the threads. Idempotent.
    void shutdown();

  private:
    struct Queued {
        std::function<void()> job;
        std::chrono::steady_clock::time_point since;
    };
    void work();

    const WorkerLimits limits_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<Queued> queue_;
    std::size_t idle_ = 0;  ///< threads waiting on ready_: a job wakes one only when there is one
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace anticipa::server::transport
