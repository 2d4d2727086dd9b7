#include "transport/httplib_processor.h"

#include <algorithm>
#include <cstring>

namespace anticipa::server::transport {

namespace {

thread_local Exchange* current_exchange = nullptr;

/// The framed request as httplib's input and a string as its output: no socket, no timeouts
/// (the connection loop has them), no partial reads.
class MemoryStream final : public httplib::Stream {
  public:
    explicit MemoryStream(Exchange& exchange) : exchange_(exchange), request_(exchange.request()) {}

    bool is_readable() const override { return position_ < request_.size(); }
    bool is_writable() const override { return true; }
    ssize_t read(char* ptr, size_t size) override {
        const std::size_t count = std::min(size, request_.size() - position_);
        std::memcpy(ptr, request_.data() + position_, count);
        position_ += count;
        return static_cast<ssize_t>(count);
    }
    ssize_t write(const char* ptr, size_t size) override {
        exchange_.output.append(ptr, size);
        return static_cast<ssize_t>(size);
    }
    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        ip = exchange_.peer.ip;
        port = exchange_.peer.port;
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        ip = exchange_.local ? exchange_.local->ip : "";
        port = exchange_.local ? exchange_.local->port : 0;
    }
    // httplib compares a socket with FD_SETSIZE (select's limit) and answers 500 past it; there
    // is no socket here, and the loop's own descriptors may well be past 1024.
    socket_t socket() const override { return INVALID_SOCKET; }

  private:
    Exchange& exchange_;
    const std::string_view request_;
    std::size_t position_ = 0;
};

}  // namespace

HttplibProcessor::HttplibProcessor() = default;

Exchange& HttplibProcessor::current() {
    return *current_exchange;
}

void HttplibProcessor::process(Exchange& exchange) {
    current_exchange = &exchange;
    MemoryStream stream(exchange);
    bool client_closes = false;
    const bool answered =
        process_request(stream, exchange.close, client_closes, [&exchange](httplib::Request& request) {
            // What httplib's body reader would do, from the bytes the loop framed.
            request.body.assign(exchange.body());
            if (request.get_header_value("Content-Type").starts_with("application/x-www-form-urlencoded"))
                httplib::detail::parse_query_text(request.body, request.params);
            request.headers.erase("Expect");  // the loop sent "100 Continue" when it was time
        });
    exchange.close = exchange.close || client_closes || !answered;
    current_exchange = nullptr;
}

}  // namespace anticipa::server::transport
