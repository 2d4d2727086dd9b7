#include "metrics.h"

#include <prometheus/text_serializer.h>

#include <sstream>
#include <vector>

namespace anticipa::server {

namespace {

prometheus::MetricFamily family(const char* name, const char* help, prometheus::MetricType type, double value,
                                std::vector<prometheus::ClientMetric::Label> labels = {}) {
    prometheus::ClientMetric metric;
    metric.label = std::move(labels);
    if (type == prometheus::MetricType::Counter) metric.counter.value = value;
    else metric.gauge.value = value;
    return {name, help, type, {metric}};
}

}  // namespace

Metrics::Metrics()
    : requests_(prometheus::BuildCounter()
                    .Name("anticipa_requests_total")
                    .Help("HTTP requests by route pattern and status.")
                    .Register(*registry_)),
      latency_(prometheus::BuildHistogram()
                   .Name("anticipa_request_seconds")
                   .Help("Request latency, from the whole request received to the answer ready.")
                   .Register(*registry_)
                   .Add({}, prometheus::Histogram::BucketBoundaries{0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                                    0.25, 1})),
      searches_(prometheus::BuildCounter()
                    .Name("anticipa_searches_total")
                    .Help("Searches answered.")
                    .Register(*registry_)
                    .Add({})),
      searches_without_results_(prometheus::BuildCounter()
                                    .Name("anticipa_searches_without_results_total")
                                    .Help("Searches that found nothing.")
                                    .Register(*registry_)
                                    .Add({})) {}

void Metrics::observe_request(std::string_view route, int status, std::chrono::duration<double> latency) {
    prometheus::Counter* counter = nullptr;
    {
        std::lock_guard lock(requests_mutex_);
        auto& known = request_counters_[{route, status}];
        if (!known) known = &requests_.Add({{"route", std::string(route)}, {"status", std::to_string(status)}});
        counter = known;
    }
    counter->Increment();
    latency_.Observe(latency.count());
}

void Metrics::count_search(bool had_results) {
    searches_.Increment();
    if (!had_results) searches_without_results_.Increment();
}

std::string Metrics::render(const MetricsSnapshot& snapshot) const {
    using prometheus::MetricType;
    std::vector<prometheus::MetricFamily> families = registry_->Collect();
    const auto add = [&](const char* name, const char* help, MetricType type, double value) {
        families.push_back(family(name, help, type, value));
    };
    add("anticipa_connections_open", "Client connections open now.", MetricType::Gauge,
        static_cast<double>(transport_.open.load()));
    add("anticipa_connections_accepted_total", "Client connections accepted.", MetricType::Counter,
        static_cast<double>(transport_.accepted.load()));
    add("anticipa_requests_shed_total", "Requests answered 503 at once because the workers were saturated.",
        MetricType::Counter, static_cast<double>(transport_.shed.load()));
    add("anticipa_requests_refused_total",
        "Requests refused before parsing (a limit passed, ambiguous framing); their connection closed.",
        MetricType::Counter, static_cast<double>(transport_.refused.load()));
    add("anticipa_connections_timed_out_total",
        "Connections closed because a request or an answer did not move in time (slow clients).", MetricType::Counter,
        static_cast<double>(transport_.timed_out.load()));
    add("anticipa_index_documents", "Section documents in the served index.", MetricType::Gauge,
        static_cast<double>(snapshot.documents));
    families.push_back(family("anticipa_index_info", "The served index revision per locale.", MetricType::Gauge, 1,
                              {{"revision", snapshot.index_revision}}));
    add("anticipa_events_accepted_total", "Events taken by the events store (journaled).", MetricType::Counter,
        static_cast<double>(snapshot.events_accepted));
    add("anticipa_events_written_total", "Events written to the events database.", MetricType::Counter,
        static_cast<double>(snapshot.events_written));
    add("anticipa_events_dropped_total", "Events dropped because the store could not keep up.", MetricType::Counter,
        static_cast<double>(snapshot.events_dropped));
    std::ostringstream out;
    prometheus::TextSerializer().Serialize(out, families);
    return out.str();
}

}  // namespace anticipa::server
