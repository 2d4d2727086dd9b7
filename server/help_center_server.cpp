#include "help_center_server.h"

#include "access_log.h"
#include "api_error.h"
#include "forwarded_client.h"
#include "http_responses.h"
#include "metrics.h"
#include "request_guard.h"
#include "router.h"
#include "server_context.h"
#include "transport/connection_loop.h"
#include "transport/httplib_processor.h"

#include <httplib.h>
#include <unistd.h>

#include <cstdio>

namespace anticipa::server {

namespace {

transport::LoopSettings loop_settings(const ServerConfig& config) {
    using std::chrono::milliseconds, std::chrono::seconds;
    return {.framing = {.body_bytes = config.max_body_bytes},
            .workers = {.threads = config.threads,
                        .max_queued = config.max_queued,
                        .max_wait = milliseconds(config.max_queue_wait_ms)},
            .request_timeout = seconds(config.timeout_seconds),
            .idle_timeout = seconds(config.keep_alive_seconds),
            .max_connections = config.max_connections};
}

/// "GET /x?y HTTP/1.1" -> {"GET", "/x?y"}; a request line cut short gives what is there.
std::pair<std::string_view, std::string_view> method_and_target(std::string_view line) {
    const std::size_t space = line.find(' ');
    if (space == std::string_view::npos) return {line, ""};
    std::string_view target = line.substr(space + 1);
    target = target.substr(0, target.find(' '));
    return {line.substr(0, space), target.substr(0, 512)};  // a refused endless line is not logged whole
}

}  // namespace

struct HelpCenterServer::Impl {
    const ServerConfig& config;
    Metrics metrics;
    ContactOutbox outbox{config.contact_outbox};
    ServerContext context;
    Router router{route_table(context)};
    TrustedProxies trusted_proxies{config.trusted_proxies};
    AccessLog access_log{STDERR_FILENO};
    transport::HttplibProcessor http;
    transport::ConnectionLoop loop{
        loop_settings(config), [this](transport::Exchange& exchange) { http.process(exchange); },
        [this](const transport::TransportAnswer& answer) { log_transport_answer(answer); }, metrics.transport()};

    Impl(const ServerConfig& c, search::SearchService& search, events::EventSink& events)
        : config(c), context{c, search, events, metrics, outbox} {
        http.set_keep_alive_timeout(config.keep_alive_seconds);
        http.set_keep_alive_max_count(1000);  // advertised in Keep-Alive; the loop closes only when idle
        http.set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
            // The Request is ours to change (the guard drops Range); only the hook's type is const.
            route(const_cast<httplib::Request&>(request), response);
            return httplib::Server::HandlerResponse::Handled;
        });
        http.set_error_handler(fill_error);
        http.set_exception_handler(answer_exception);
        http.set_logger([this](const httplib::Request& request, const httplib::Response& response) {
            log_request(request, response);
        });
    }

    /// The guard, then the route table: every request is answered here (httplib's own route
    /// list stays empty).
    void route(httplib::Request& request, httplib::Response& response) {
        if (refuse_request(config, request, response)) return;
        resolve_forwarded_client(trusted_proxies, request);
        Router::Found found = router.find(request.method, request.path);
        transport::HttplibProcessor::current().route = found.label;
        if (found.route) return found.route->handler(request, found.params, response);
        if (!found.allowed.empty()) {
            response.set_header("Allow", found.allowed);
            return send_error(response, ApiError::METHOD_NOT_ALLOWED, "this route answers " + found.allowed);
        }
        send_error(response, ApiError::NOT_FOUND, "no such route");
    }

    /// Handlers write their own errors; this fills in what httplib's parser itself refused.
    static void fill_error(const httplib::Request&, httplib::Response& response) {
        if (response.body.empty()) send_error(response, ApiError::INVALID_REQUEST, "malformed request");
    }

    /// An exception's text never reaches the client (0.11.4 would put it in a header): it can
    /// quote paths and request text. It goes to the log with the route; an index that cannot be
    /// served is a 503 (handler_failure).
    static void answer_exception(const httplib::Request& request, httplib::Response& response,
                                 std::exception_ptr failure) {
        const HandlerFailure answer = handler_failure(failure);
        std::fprintf(stderr, "anticipa serve: %s %s failed: %s\n", request.method.c_str(), request.path.c_str(),
                     answer.log_text.c_str());
        response.headers.clear();
        send_error(response, answer.error, answer.client_message);
    }

    /// One access line and the request metrics, labelled by route pattern: a 404 is "other", so
    /// made-up paths and missing articles add no series.
    void log_request(const httplib::Request& request, const httplib::Response& response) {
        const transport::Exchange& exchange = transport::HttplibProcessor::current();
        const auto latency = std::chrono::steady_clock::now() - exchange.received;
        const std::string_view route = exchange.route.empty() || response.status == 404 ? OTHER_ROUTE : exchange.route;
        metrics.observe_request(route, response.status, latency);
        access_log.write({.remote = request.remote_addr,
                          .method = request.method,
                          .path = request.path,
                          .route = route,
                          .status = response.status,
                          .bytes = response.body.size(),
                          .latency = latency});
    }

    /// A request the connection loop answered itself (refused at framing, or shed).
    void log_transport_answer(const transport::TransportAnswer& answer) {
        metrics.observe_request(OTHER_ROUTE, answer.status, answer.latency);
        const auto [method, target] = method_and_target(answer.request_line);
        access_log.write({.remote = answer.peer,
                          .method = method,
                          .path = target,
                          .route = OTHER_ROUTE,
                          .status = answer.status,
                          .bytes = answer.bytes,
                          .latency = answer.latency});
    }
};

HelpCenterServer::HelpCenterServer(const ServerConfig& config, search::SearchService& search, events::EventSink& events)
    : impl_(std::make_unique<Impl>(config, search, events)) {}

HelpCenterServer::~HelpCenterServer() = default;

void HelpCenterServer::run(const transport::ListeningSocket& listener) {
    impl_->loop.run(listener);
}

void HelpCenterServer::stop() {
    impl_->loop.stop();
}

std::vector<std::pair<std::string, std::string>> HelpCenterServer::routes() const {
    return impl_->router.describe();
}

}  // namespace anticipa::server
