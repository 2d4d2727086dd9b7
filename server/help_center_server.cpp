#include "help_center_server.h"

#include "api_error.h"
#include "http_responses.h"
#include "metrics.h"
#include "server_context.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace anticipa::server {

namespace {

/// Set when a request reaches the guard; the same worker thread logs it when it is answered.
thread_local std::chrono::steady_clock::time_point request_started = std::chrono::steady_clock::now();

/// Set on the thread that answers a connection the queue had no room for.
thread_local bool shedding_load = false;

/// cpp-httplib's ThreadPool queues without limit, so a burst (or slow clients holding every
/// worker) makes every later request wait longer and longer. This pool keeps at most `max_queued`
/// connections waiting; the ones past that go to one extra thread that answers them 503 with
/// Retry-After straight away (the guard sees `shedding_load`), which costs microseconds each.
/// Limit: httplib reads a request before any handler runs, so a client that sends nothing holds
/// the shedding thread too, up to the read timeout, delaying the 503s queued behind it.
class BoundedTaskQueue : public httplib::TaskQueue {
  public:
    BoundedTaskQueue(std::size_t threads, std::size_t max_queued) : max_queued_(max_queued) {
        for (std::size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { work(jobs_, false); });
        workers_.emplace_back([this] { work(shed_, true); });
    }
    ~BoundedTaskQueue() override { shutdown(); }

    void enqueue(std::function<void()> job) override {
        {
            std::lock_guard lock(mutex_);
            (jobs_.size() < max_queued_ ? jobs_ : shed_).push_back(std::move(job));
        }
        ready_.notify_all();
    }

    void shutdown() override {
        {
            std::lock_guard lock(mutex_);
            if (stopping_) return;
            stopping_ = true;
        }
        ready_.notify_all();
        for (auto& worker : workers_) worker.join();
    }

  private:
    void work(std::deque<std::function<void()>>& queue, bool shed) {
        shedding_load = shed;
        for (;;) {
            std::function<void()> job;
            {
                std::unique_lock lock(mutex_);
                ready_.wait(lock, [&] { return stopping_ || !queue.empty(); });
                if (queue.empty()) return;  // stopping, and nothing left to answer
                job = std::move(queue.front());
                queue.pop_front();
            }
            job();
        }
    }

    const std::size_t max_queued_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> jobs_, shed_;
    std::vector<std::thread> workers_;
    bool stopping_ = false;
};

}  // namespace

struct HelpCenterServer::Impl {
    const ServerConfig& config;
    search::SearchService& search;
    events::EventSink& events;
    httplib::Server http;
    Metrics metrics;
    ContactOutbox outbox{config.contact_outbox};
    ServerContext context{config, search, events, metrics, outbox};  ///< the routes keep a reference to it

    Impl(const ServerConfig& c, search::SearchService& s, events::EventSink& e) : config(c), search(s), events(e) {}

    // ---- guards: reject what the API never needs before any handler runs ----------------------

    /// cpp-httplib 0.11.4 weaknesses, each closed here: a chunked body skips the payload limit,
    /// a compressed body inflates past it, a client-sent REMOTE_ADDR replaces the real address,
    /// and a Range header with many ranges multiplies a response (ignored instead).
    httplib::Server::HandlerResponse guard(const httplib::Request& request, httplib::Response& response) {
        request_started = std::chrono::steady_clock::now();
        auto refuse = [&](ApiError error, const std::string& message) {
            send_error(response, error, message);
            return httplib::Server::HandlerResponse::Handled;
        };
        if (shedding_load) return refuse(ApiError::OVERLOADED, "the server is busy; retry in a second");
        if (request.has_header("Transfer-Encoding"))
            return refuse(ApiError::UNSUPPORTED, "chunked request bodies are not accepted; send Content-Length");
        if (request.has_header("Content-Encoding"))
            return refuse(ApiError::UNSUPPORTED, "compressed request bodies are not accepted");
        if (!request.ranges.empty()) {
            // httplib would cut any response, even an error, into one multipart copy per range
            // (150 ranges made a 27 KB error). The API serves no ranges, and HTTP lets a server
            // ignore Range: the parsed ranges are dropped. The Request object is ours to change;
            // only the handler signature is const.
            const_cast<httplib::Request&>(request).ranges.clear();
        }
        if (request.get_header_value_count("REMOTE_ADDR") > 1 || request.get_header_value_count("REMOTE_PORT") > 1)
            return refuse(ApiError::INVALID_REQUEST, "a REMOTE_ADDR or REMOTE_PORT header may not be sent");
        if (request.body.size() > config.max_body_bytes)
            return refuse(ApiError::PAYLOAD_TOO_LARGE, "body over " + std::to_string(config.max_body_bytes) + " bytes");
        const std::string origin = request.get_header_value("Origin");
        if (!origin.empty() && request.path.starts_with("/api/")) {
            if (!origin_allowed(origin))
                return refuse(ApiError::ORIGIN_NOT_ALLOWED,
                              "this origin may not call the API; add it to allowed_origins");
            // The origin comes from the allow list, never from request text as such.
            response.set_header("Access-Control-Allow-Origin",
                                *std::find(config.allowed_origins.begin(), config.allowed_origins.end(), origin));
            response.set_header("Vary", "Origin");
        }
        return httplib::Server::HandlerResponse::Unhandled;
    }

    bool origin_allowed(const std::string& origin) const {
        return std::find(config.allowed_origins.begin(), config.allowed_origins.end(), origin) !=
               config.allowed_origins.end();
    }

    void install_routes() {
        register_api_routes(http, context);
        register_admin_routes(http, context);
        register_page_routes(http, context);
        register_widget_routes(http, context);
    }

    void install_protections() {
        http.new_task_queue = [this] { return new BoundedTaskQueue(config.threads, config.max_queued); };
        http.set_payload_max_length(config.max_body_bytes);
        http.set_read_timeout(config.timeout_seconds, 0);
        http.set_write_timeout(config.timeout_seconds, 0);
        // Headers and body go out in separate writes; without TCP_NODELAY each answer waited
        // ~40 ms for the client's delayed ACK (measured: 222 requests/s, p50 44 ms).
        http.set_tcp_nodelay(true);
        // A keep-alive connection holds its worker thread until it closes: cap its requests so
        // connections waiting in the queue get their turn.
        http.set_keep_alive_max_count(20);
        http.set_pre_routing_handler([this](const auto& rq, auto& rs) { return guard(rq, rs); });
        // Handlers write their own JSON errors; only fill in what the router itself produced.
        http.set_error_handler([](const httplib::Request&, httplib::Response& response) {
            if (!response.body.empty()) return;
            if (response.status == 404) send_error(response, ApiError::NOT_FOUND, "no such route");
            else if (response.status == 414)
                send_error(response, ApiError::QUERY_TOO_LONG, "the request line is too long (q is limited in length)");
            else if (response.status == 413)
                send_error(response, ApiError::PAYLOAD_TOO_LARGE, "request body too large");
            else if (response.status == 405) send_error(response, ApiError::METHOD_NOT_ALLOWED, "method not allowed");
            else send_error(response, ApiError::INVALID_REQUEST, "malformed request");
        });
        // An exception's text never reaches the client (0.11.4 would put it in a header).
        // The exception's text is for the log only: it can quote paths and request text, and
        // cpp-httplib would otherwise copy it into a response header.
        http.set_exception_handler(
            [](const httplib::Request& request, httplib::Response& response, std::exception_ptr failure) {
                const HandlerFailure answer = handler_failure(failure);
                std::fprintf(stderr, "anticipa serve: %s %s failed: %s\n", request.method.c_str(), request.path.c_str(),
                             answer.log_text.c_str());
                response.headers.clear();
                send_error(response, answer.error, answer.client_message);
            });
        http.set_logger([this](const httplib::Request& request, const httplib::Response& response) {
            log_access(request, response);
        });
    }

    /// One JSON line per request, and the request metrics.
    void log_access(const httplib::Request& request, const httplib::Response& response) {
        const auto latency = std::chrono::steady_clock::now() - request_started;
        // Pattern routes match any id; a miss is labelled "other" so made-up paths cannot add
        // series (existing articles are bounded by the index).
        const std::string route = request.matches.empty() || response.status == 404 ? "other" : request.path;
        metrics.observe_request(route, response.status, latency);
        nlohmann::json line{
            {"remote", request.remote_addr}, {"method", request.method},
            {"path", request.path},          {"status", response.status},
            {"bytes", response.body.size()}, {"ms", std::chrono::duration<double, std::milli>(latency).count()}};
        std::fprintf(stderr, "%s\n", line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    }
};

HelpCenterServer::HelpCenterServer(const ServerConfig& config, search::SearchService& search, events::EventSink& events)
    : impl_(std::make_unique<Impl>(config, search, events)) {
    impl_->install_protections();
    impl_->install_routes();
}

HelpCenterServer::~HelpCenterServer() = default;

int HelpCenterServer::bind() {
    int port = impl_->config.port == 0
                   ? impl_->http.bind_to_any_port(impl_->config.host)
                   : (impl_->http.bind_to_port(impl_->config.host, impl_->config.port) ? impl_->config.port : -1);
    if (port < 0)
        throw std::runtime_error("cannot listen on " + impl_->config.host + ":" + std::to_string(impl_->config.port));
    return port;
}

bool HelpCenterServer::run() {
    return impl_->http.listen_after_bind();
}

void HelpCenterServer::stop() {
    impl_->http.stop();
}

}  // namespace anticipa::server
