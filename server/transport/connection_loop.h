// Server transport: the event loop that owns every connection — one IO thread reads requests,
// frames them, hands whole ones to the worker pool and writes the answers back, so an idle or
// slow client costs a little memory, never a thread.
#pragma once

#include "api_error.h"
#include "transport/exchange.h"
#include "transport/listening_socket.h"
#include "transport/request_framer.h"
#include "transport/worker_pool.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

namespace anticipa::server::transport {

struct LoopSettings {
    FramingLimits framing;
    WorkerLimits workers;
    /// A request's head and body must arrive within this from its first byte (a fresh
    /// connection: from the connect), and an answer must be taken by the client within it.
    std::chrono::milliseconds request_timeout{5000};
    /// A keep-alive connection with no request in progress is closed after this.
    std::chrono::milliseconds idle_timeout{75000};
    /// Connections past this wait in the listen backlog until one closes.
    std::size_t max_connections = 10000;
};

/// A request the loop answered itself, for the access log and the request metrics.
struct TransportAnswer {
    std::string_view peer;
    std::string_view request_line;  ///< "" when the request line had not arrived
    int status = 0;
    std::size_t bytes = 0;
    std::chrono::steady_clock::duration latency{};
};

/// Counters the loop keeps, read by /metrics.
struct TransportStats {
    std::atomic<std::uint64_t> accepted{0}, open{0}, shed{0}, refused{0}, timed_out{0};
};

class ConnectionLoop {
  public:
    /// `process` runs on a worker: it parses exchange.request() and writes exchange.output.
    /// `answered` runs on the IO thread for each request the loop refused or shed. `stats`
    /// outlives the loop.
    ConnectionLoop(const LoopSettings& settings, std::function<void(Exchange&)> process,
                   std::function<void(const TransportAnswer&)> answered, TransportStats& stats);
    ~ConnectionLoop();

    /// Serves `listener` until stop(); then the requests in flight are answered and the
    /// connections closed before it returns.
    void run(const ListeningSocket& listener);
    /// Makes run() stop accepting, finish what is in flight and return. Thread-safe; may come
    /// before run().
    void stop();

  private:
    struct Connection;

    void accept_connections();
    void on_event(Connection& connection, std::uint32_t events);
    void read_from(Connection& connection);
    void advance(Connection& connection);
    void dispatch(Connection& connection);
    void run_exchange(Exchange* exchange);
    void take_completions();
    void finish(std::unique_ptr<Exchange> exchange);
    void write_to(Connection& connection);
    void after_response(Connection& connection);
    void answer_and_close(Connection& connection, ApiError error, const std::string& message,
                          std::string_view request_line);
    void linger(Connection& connection);
    void close_connection(Connection& connection);
    void set_interest(Connection& connection, std::uint32_t events);
    void set_accepting(bool accepting);
    Connection* find(int fd, std::uint64_t id);
    bool is_open(const Connection& connection) const;
    std::size_t input_limit() const;
    void sweep_deadlines();
    void begin_stop();
    bool busy() const;

    const LoopSettings settings_;
    const std::function<void(Exchange&)> process_;
    const std::function<void(const TransportAnswer&)> answered_;
    const ListeningSocket* listener_ = nullptr;
    int epoll_ = -1;
    int wake_ = -1;  ///< eventfd: stop() and finished exchanges wake the loop
    std::atomic<bool> stop_requested_{false};
    bool stopping_ = false;
    bool accepting_ = false;
    std::chrono::steady_clock::time_point now_, stop_deadline_;
    std::vector<std::unique_ptr<Connection>> connections_;  ///< by fd
    std::vector<std::unique_ptr<Connection>> closed_;       ///< closed during this batch of events
    std::vector<char> read_buffer_;
    std::size_t open_ = 0;
    std::uint64_t next_id_ = 1;
    std::mutex completions_mutex_;
    std::vector<Exchange*> completions_;
    TransportStats& stats_;
    WorkerPool workers_;  ///< last: destroyed (joined) first, while the rest is still there
};

}  // namespace anticipa::server::transport
