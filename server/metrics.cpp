#include "metrics.h"

#include <sstream>

namespace anticipa::server {

const std::vector<double>& Metrics::buckets() {
    static const std::vector<double> seconds{0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1};
    return seconds;
}

void Metrics::observe_request(const std::string& route, int status, std::chrono::duration<double> latency) {
    std::lock_guard lock(mutex_);
    ++requests_[{route, status}];
    for (std::size_t i = 0; i < buckets().size(); ++i)
        if (latency.count() <= buckets()[i]) ++latency_buckets_[i];
    latency_sum_ += latency.count();
    ++latency_count_;
}

void Metrics::count_search(bool had_results) {
    std::lock_guard lock(mutex_);
    ++searches_;
    if (!had_results) ++searches_without_results_;
}

std::string Metrics::render(const std::string& index_revision, std::size_t documents) const {
    std::lock_guard lock(mutex_);
    std::ostringstream out;
    out << "# HELP anticipa_requests_total HTTP requests by route and status.\n"
           "# TYPE anticipa_requests_total counter\n";
    for (const auto& [key, count] : requests_)
        out << "anticipa_requests_total{route=\"" << key.first << "\",status=\"" << key.second << "\"} " << count
            << "\n";
    out << "# HELP anticipa_request_seconds Request latency.\n# TYPE anticipa_request_seconds histogram\n";
    for (std::size_t i = 0; i < buckets().size(); ++i)
        out << "anticipa_request_seconds_bucket{le=\"" << buckets()[i] << "\"} " << latency_buckets_[i] << "\n";
    out << "anticipa_request_seconds_bucket{le=\"+Inf\"} " << latency_count_ << "\n"
        << "anticipa_request_seconds_sum " << latency_sum_ << "\n"
        << "anticipa_request_seconds_count " << latency_count_ << "\n"
        << "# HELP anticipa_searches_total Searches answered.\n# TYPE anticipa_searches_total counter\n"
        << "anticipa_searches_total " << searches_ << "\n"
        << "# HELP anticipa_searches_without_results_total Searches that found nothing.\n"
           "# TYPE anticipa_searches_without_results_total counter\n"
        << "anticipa_searches_without_results_total " << searches_without_results_ << "\n"
        << "# HELP anticipa_index_documents Section documents in the served index.\n"
           "# TYPE anticipa_index_documents gauge\n"
        << "anticipa_index_documents " << documents << "\n"
        << "# HELP anticipa_index_info The served index revision per locale.\n# TYPE anticipa_index_info gauge\n"
        << "anticipa_index_info{revision=\"" << index_revision << "\"} 1\n";
    return out.str();
}

std::string Metrics::render_events(std::uint64_t accepted, std::uint64_t written, std::uint64_t dropped) {
    std::ostringstream out;
    out << "# HELP anticipa_events_accepted_total Events taken by the events store (journaled).\n"
           "# TYPE anticipa_events_accepted_total counter\n"
        << "anticipa_events_accepted_total " << accepted << "\n"
        << "# HELP anticipa_events_written_total Events written to the events database.\n"
           "# TYPE anticipa_events_written_total counter\n"
        << "anticipa_events_written_total " << written << "\n"
        << "# HELP anticipa_events_dropped_total Events dropped because the store could not keep up.\n"
           "# TYPE anticipa_events_dropped_total counter\n"
        << "anticipa_events_dropped_total " << dropped << "\n";
    return out.str();
}

}  // namespace anticipa::server
