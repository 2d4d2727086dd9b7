// Server: request counters and latency histogram, in Prometheus text format for /metrics.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace anticipa::server {

class Metrics {
  public:
    void observe_request(const std::string& route, int status, std::chrono::duration<double> latency);
    void count_search(bool had_results);
    /// Prometheus exposition format; `index_revision` and `documents` describe the served index.
    std::string render(const std::string& index_revision, std::size_t documents) const;
    /// The events sink's counters, appended to render()'s text: a store that cannot keep up
    /// drops events instead of slowing searches, and this is where that shows.
    static std::string render_events(std::uint64_t accepted, std::uint64_t written, std::uint64_t dropped);

  private:
    static const std::vector<double>& buckets();
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, int>, unsigned long> requests_;
    std::vector<unsigned long> latency_buckets_ = std::vector<unsigned long>(buckets().size(), 0);
    double latency_sum_ = 0;
    unsigned long latency_count_ = 0;
    unsigned long searches_ = 0, searches_without_results_ = 0;
};

}  // namespace anticipa::server
