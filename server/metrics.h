// Server: what /metrics shows — requests by route pattern and status, latency, searches, the
// connection layer, the served index and the events store — in a prometheus-cpp registry,
// written in the Prometheus text format by its serializer.
#pragma once

#include "transport/connection_loop.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace anticipa::server {

/// The label of requests that no route answered, or that got a 404 from one: made-up paths
/// and missing articles add no series.
inline constexpr std::string_view OTHER_ROUTE = "other";

/// What /metrics reads from elsewhere when it is asked.
struct MetricsSnapshot {
    std::string index_revision;
    std::size_t documents = 0;
    std::uint64_t events_accepted = 0, events_written = 0, events_dropped = 0;
};

class Metrics {
  public:
    Metrics();

    /// `route` is a pattern of the route table or OTHER_ROUTE, never request text: the series
    /// are bounded by the table (and by the statuses the server sends).
    void observe_request(std::string_view route, int status, std::chrono::duration<double> latency);
    void count_search(bool had_results);

    /// The connection layer's counters; the loop updates them, /metrics reads them.
    transport::TransportStats& transport() { return transport_; }

    /// The Prometheus text exposition of everything above and of `snapshot`.
    std::string render(const MetricsSnapshot& snapshot) const;

  private:
    std::shared_ptr<prometheus::Registry> registry_ = std::make_shared<prometheus::Registry>();
    prometheus::Family<prometheus::Counter>& requests_;
    prometheus::Histogram& latency_;
    prometheus::Counter& searches_;
    prometheus::Counter& searches_without_results_;
    /// The counter of each (route, status) met so far; routes are the table's own strings.
    std::mutex requests_mutex_;
    std::map<std::pair<std::string_view, int>, prometheus::Counter*> request_counters_;
    transport::TransportStats transport_;
};

}  // namespace anticipa::server
