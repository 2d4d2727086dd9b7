#include "transport/connection_loop.h"

#include "transport/canned_response.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace anticipa::server::transport {

namespace {

using Clock = std::chrono::steady_clock;

/// How often deadlines are checked: timeouts are seconds, so a tenth of one is precise enough,
/// and no request pays for a timer.
constexpr std::chrono::milliseconds SWEEP_INTERVAL{100};

/// A connection closed after an answer keeps reading (and dropping) what the client still sends
/// for a while: closing with unread bytes makes the kernel send a reset, which can destroy the
/// answer before the client has read it (a 413 to a client still sending its body).
constexpr std::size_t LINGER_BYTES = 1 << 20;
constexpr std::chrono::milliseconds LINGER_TIME{2000};

/// epoll's data for a connection: its fd and the low bits of its id, so an event for a closed
/// connection is not taken for the new one that got the same fd in the same batch.
std::uint64_t event_key(int fd, std::uint64_t id) {
    return (id << 32) | static_cast<std::uint32_t>(fd);
}

void check(bool ok, const char* what) {
    if (!ok) throw std::runtime_error(std::string("anticipa serve: ") + what + ": " + std::strerror(errno));
}

}  // namespace

struct ConnectionLoop::Connection {
    enum class Phase { READING, PROCESSING, WRITING, LINGERING };

    Connection(int f, std::uint64_t i, SocketAddress p, const FramingLimits& limits)
        : fd(f), id(i), peer(std::move(p)), framer(limits) {}

    const int fd;
    const std::uint64_t id;
    const SocketAddress peer;
    Phase phase = Phase::READING;
    std::string in;   ///< received, not yet handed to a worker (at most one request and the next's start)
    std::string out;  ///< the answer being written
    std::size_t sent = 0;
    RequestFramer framer;
    Clock::time_point started;   ///< the current request's first byte
    Clock::time_point deadline;  ///< of the current phase (none while PROCESSING)
    std::size_t discarded = 0;   ///< LINGERING: bytes read and dropped
    std::uint32_t interest = 0;  ///< epoll events asked for
    bool request_started = false, continue_sent = false, peer_closed = false, close_after_write = false;
};

ConnectionLoop::ConnectionLoop(const LoopSettings& settings, std::function<void(Exchange&)> process,
                               std::function<void(const TransportAnswer&)> answered, TransportStats& stats)
    : settings_(settings),
      process_(std::move(process)),
      answered_(std::move(answered)),
      read_buffer_(64 * 1024),
      stats_(stats),
      workers_(settings.workers) {
    epoll_ = epoll_create1(EPOLL_CLOEXEC);
    check(epoll_ >= 0, "epoll_create1");
    wake_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    check(wake_ >= 0, "eventfd");
    epoll_event event{EPOLLIN, {.u64 = event_key(wake_, 0)}};
    check(epoll_ctl(epoll_, EPOLL_CTL_ADD, wake_, &event) == 0, "epoll_ctl");
}

ConnectionLoop::~ConnectionLoop() {
    workers_.shutdown();
    for (Exchange* left : completions_) delete left;
    for (auto& connection : connections_)
        if (connection) ::close(connection->fd);
    ::close(wake_);
    ::close(epoll_);
}

void ConnectionLoop::stop() {
    stop_requested_ = true;
    const std::uint64_t one = 1;
    [[maybe_unused]] auto written = ::write(wake_, &one, sizeof one);
}

void ConnectionLoop::run(const ListeningSocket& listener) {
    listener_ = &listener;
    now_ = Clock::now();
    set_accepting(true);
    auto next_sweep = now_ + SWEEP_INTERVAL;
    std::array<epoll_event, 256> events;
    for (;;) {
        if (stop_requested_ && !stopping_) begin_stop();
        if (stopping_ && (!busy() || now_ >= stop_deadline_)) break;
        const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next_sweep - now_).count() + 1;
        const int ready = epoll_wait(epoll_, events.data(), events.size(), static_cast<int>(std::max<long>(wait, 0)));
        now_ = Clock::now();
        for (int i = 0; i < ready; ++i) {
            const int fd = static_cast<int>(events[i].data.u64 & 0xffffffffu);
            if (fd == wake_) {
                take_completions();
            } else if (fd == listener_->fd()) {
                accept_connections();
            } else if (Connection* connection = find(fd, events[i].data.u64 >> 32)) {
                on_event(*connection, events[i].events);
            }
        }
        closed_.clear();
        if (now_ >= next_sweep) {
            sweep_deadlines();
            next_sweep = now_ + SWEEP_INTERVAL;
        }
    }
    for (auto& connection : connections_)
        if (connection) close_connection(*connection);
    closed_.clear();
    workers_.shutdown();  // no handler runs once run() has returned
}

// ---- connections -----------------------------------------------------------------------------

void ConnectionLoop::accept_connections() {
    while (open_ < settings_.max_connections) {
        sockaddr_storage address{};
        socklen_t size = sizeof address;
        const int fd =
            accept4(listener_->fd(), reinterpret_cast<sockaddr*>(&address), &size, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED) continue;
            // Out of descriptors or memory: stop asking until the next sweep rather than spin on
            // a listening socket that stays readable.
            if (errno != EAGAIN) set_accepting(false);
            return;
        }
        // An answer goes out in one write; without this, its last segment could wait for the
        // client's delayed ACK (~40 ms).
        const int yes = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
        if (static_cast<std::size_t>(fd) >= connections_.size()) connections_.resize(fd + 1);
        auto connection = std::make_unique<Connection>(fd, next_id_++, address_of(address), settings_.framing);
        connection->deadline = now_ + settings_.request_timeout;  // the first request's head, from the connect
        epoll_event event{EPOLLIN, {.u64 = event_key(fd, connection->id)}};
        if (epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &event) != 0) {
            ::close(fd);
            continue;
        }
        connection->interest = EPOLLIN;
        connections_[fd] = std::move(connection);
        ++open_;
        ++stats_.accepted;
        stats_.open = open_;
    }
    set_accepting(false);  // at max_connections: the next ones wait in the backlog
}

void ConnectionLoop::on_event(Connection& connection, std::uint32_t events) {
    if ((events & EPOLLERR) || ((events & EPOLLHUP) && !(events & EPOLLIN))) return close_connection(connection);
    if (events & EPOLLIN) read_from(connection);
    if ((events & EPOLLOUT) && is_open(connection)) write_to(connection);
}

void ConnectionLoop::read_from(Connection& connection) {
    const std::size_t room = connection.phase == Connection::Phase::LINGERING
                                 ? read_buffer_.size()
                                 : input_limit() - std::min(input_limit(), connection.in.size());
    if (room == 0) return set_interest(connection, connection.interest & ~EPOLLIN);  // resumed after the answer
    const ssize_t got = ::read(connection.fd, read_buffer_.data(), std::min(room, read_buffer_.size()));
    if (got < 0) {
        if (errno != EAGAIN && errno != EINTR) close_connection(connection);
        return;
    }
    if (connection.phase == Connection::Phase::LINGERING) {
        connection.discarded += got;
        if (got == 0 || connection.discarded > LINGER_BYTES) close_connection(connection);
        return;
    }
    if (got == 0) {
        connection.peer_closed = true;
        set_interest(connection, connection.interest & ~EPOLLIN);
    } else {
        connection.in.append(read_buffer_.data(), got);
    }
    if (connection.phase == Connection::Phase::READING) advance(connection);
}

/// Frames what has arrived: a whole request goes to a worker, a refused one is answered here.
void ConnectionLoop::advance(Connection& connection) {
    if (connection.in.empty()) {
        if (connection.peer_closed) close_connection(connection);
        return;
    }
    if (!connection.request_started) {
        connection.request_started = true;
        connection.started = now_;
        connection.deadline = now_ + settings_.request_timeout;  // slowloris: the whole head in time
    }
    switch (connection.framer.scan(connection.in)) {
        case RequestFramer::State::COMPLETE:
            return dispatch(connection);
        case RequestFramer::State::REFUSED:
            ++stats_.refused;
            return answer_and_close(connection, connection.framer.refusal().error, connection.framer.refusal().message,
                                    connection.framer.request_line(connection.in));
        case RequestFramer::State::INCOMPLETE:
            if (connection.peer_closed) return close_connection(connection);  // the rest will never come
            if (connection.framer.awaits_continue() && !connection.continue_sent) {
                connection.continue_sent = true;
                connection.out += CONTINUE_RESPONSE;
                write_to(connection);
            }
            return;
    }
}

void ConnectionLoop::dispatch(Connection& connection) {
    auto exchange = std::make_unique<Exchange>();
    const RequestFramer& framer = connection.framer;
    exchange->begin = framer.begin();
    exchange->head_size = framer.head_size();
    exchange->size = framer.size();
    const std::size_t end = framer.begin() + framer.size();
    // The buffer goes with the request (no copy); bytes of a pipelined next request stay.
    std::string next = end < connection.in.size() ? connection.in.substr(end) : std::string();
    exchange->input = std::move(connection.in);
    connection.in = std::move(next);
    if (connection.out.empty()) {  // its capacity, for the answer (it comes back in finish())
        exchange->output = std::move(connection.out);
        connection.out.clear();
    }
    exchange->fd = connection.fd;
    exchange->connection = connection.id;
    exchange->peer = connection.peer;
    exchange->local = &listener_->address();
    exchange->received = now_;
    exchange->close = stopping_;
    connection.phase = Connection::Phase::PROCESSING;
    Exchange* handed = exchange.get();
    if (!workers_.try_submit([this, handed] { run_exchange(handed); })) {
        ++stats_.shed;
        return answer_and_close(connection, ApiError::OVERLOADED, "the server is busy; retry in a second",
                                framer.request_line(handed->input));
    }
    exchange.release();  // the worker owns it until finish()
}

/// On a worker.
void ConnectionLoop::run_exchange(Exchange* exchange) {
    try {
        process_(*exchange);
    } catch (...) {  // the processor answers handler failures itself; this is its own failure
        exchange->output = canned_response(ApiError::INTERNAL, "the server failed to answer; it is logged");
        exchange->close = true;
    }
    bool first = false;
    {
        std::lock_guard lock(completions_mutex_);
        first = completions_.empty();
        completions_.push_back(exchange);
    }
    if (first) {  // the loop takes every completion at once: one wake-up is enough
        const std::uint64_t one = 1;
        [[maybe_unused]] auto written = ::write(wake_, &one, sizeof one);
    }
}

void ConnectionLoop::take_completions() {
    std::uint64_t count = 0;
    [[maybe_unused]] auto drained = ::read(wake_, &count, sizeof count);
    std::vector<Exchange*> done;
    {
        std::lock_guard lock(completions_mutex_);
        done.swap(completions_);
    }
    for (Exchange* exchange : done) finish(std::unique_ptr<Exchange>(exchange));
}

void ConnectionLoop::finish(std::unique_ptr<Exchange> exchange) {
    Connection* connection = find(exchange->fd, exchange->connection);
    if (!connection || connection->phase != Connection::Phase::PROCESSING) return;  // the client left
    if (connection->out.empty()) connection->out = std::move(exchange->output);
    else connection->out += exchange->output;  // after the rest of a "100 Continue"
    if (connection->in.empty()) {              // keep the buffer's capacity for the next request
        connection->in = std::move(exchange->input);
        connection->in.clear();
    }
    connection->close_after_write = exchange->close;
    connection->phase = Connection::Phase::WRITING;
    connection->deadline = now_ + settings_.request_timeout;
    write_to(*connection);
}

void ConnectionLoop::write_to(Connection& connection) {
    while (connection.sent < connection.out.size()) {
        const ssize_t wrote = ::send(connection.fd, connection.out.data() + connection.sent,
                                     connection.out.size() - connection.sent, MSG_NOSIGNAL);
        if (wrote > 0) {
            connection.sent += wrote;
        } else if (wrote < 0 && errno == EINTR) {
            continue;
        } else if (wrote < 0 && errno == EAGAIN) {
            return set_interest(connection, connection.interest | EPOLLOUT);  // the rest when writable
        } else {
            return close_connection(connection);
        }
    }
    connection.out.clear();
    connection.sent = 0;
    if (connection.interest & EPOLLOUT) set_interest(connection, connection.interest & ~EPOLLOUT);
    if (connection.phase == Connection::Phase::WRITING) after_response(connection);
}

void ConnectionLoop::after_response(Connection& connection) {
    if (connection.close_after_write || stopping_) return linger(connection);
    connection.phase = Connection::Phase::READING;
    connection.framer.reset();
    connection.request_started = connection.continue_sent = false;
    connection.deadline = now_ + settings_.idle_timeout;
    if (!connection.peer_closed && !(connection.interest & EPOLLIN))
        set_interest(connection, connection.interest | EPOLLIN);  // reading paused at the input limit
    advance(connection);                                          // a pipelined request may be here already
}

void ConnectionLoop::answer_and_close(Connection& connection, ApiError error, const std::string& message,
                                      std::string_view request_line) {
    const std::string response = canned_response(error, message);
    answered_({.peer = connection.peer.ip,
               .request_line = request_line,
               .status = http_status(error),
               .bytes = response.size(),
               .latency = now_ - (connection.request_started ? connection.started : now_)});
    connection.in.clear();
    connection.out += response;
    connection.close_after_write = true;
    connection.phase = Connection::Phase::WRITING;
    connection.deadline = now_ + settings_.request_timeout;
    write_to(connection);
}

void ConnectionLoop::linger(Connection& connection) {
    if (connection.peer_closed) return close_connection(connection);
    ::shutdown(connection.fd, SHUT_WR);  // the answer is whole: the client sees its end
    connection.phase = Connection::Phase::LINGERING;
    connection.in = std::string();
    connection.out = std::string();
    connection.deadline = now_ + std::min<std::chrono::milliseconds>(LINGER_TIME, settings_.request_timeout);
    set_interest(connection, EPOLLIN);
}

void ConnectionLoop::close_connection(Connection& connection) {
    const int fd = connection.fd;
    ::close(fd);                                     // also leaves the epoll set
    closed_.push_back(std::move(connections_[fd]));  // destroyed after this batch of events
    --open_;
    stats_.open = open_;
}

void ConnectionLoop::set_interest(Connection& connection, std::uint32_t events) {
    if (events == connection.interest) return;
    epoll_event event{events, {.u64 = event_key(connection.fd, connection.id)}};
    epoll_ctl(epoll_, EPOLL_CTL_MOD, connection.fd, &event);
    connection.interest = events;
}

void ConnectionLoop::set_accepting(bool accepting) {
    if (accepting == accepting_) return;
    epoll_event event{EPOLLIN, {.u64 = event_key(listener_->fd(), 0)}};
    epoll_ctl(epoll_, accepting ? EPOLL_CTL_ADD : EPOLL_CTL_DEL, listener_->fd(), &event);
    accepting_ = accepting;
}

ConnectionLoop::Connection* ConnectionLoop::find(int fd, std::uint64_t id) {
    if (fd < 0 || static_cast<std::size_t>(fd) >= connections_.size()) return nullptr;
    Connection* connection = connections_[fd].get();
    return connection && (connection->id & 0xffffffffu) == (id & 0xffffffffu) ? connection : nullptr;
}

bool ConnectionLoop::is_open(const Connection& connection) const {
    return connections_[connection.fd].get() == &connection;
}

std::size_t ConnectionLoop::input_limit() const {
    return settings_.framing.head_bytes + settings_.framing.body_bytes;
}

// ---- time ------------------------------------------------------------------------------------

void ConnectionLoop::sweep_deadlines() {
    for (auto& slot : connections_) {
        if (!slot || slot->phase == Connection::Phase::PROCESSING || now_ < slot->deadline) continue;
        // A request begun and not finished in time is a slow (or slowloris) client; an answer
        // not taken in time, a client that stopped reading. Idle connections just end.
        if (slot->request_started || slot->phase == Connection::Phase::WRITING) ++stats_.timed_out;
        close_connection(*slot);
    }
    if (!accepting_ && !stopping_ && open_ < settings_.max_connections) set_accepting(true);
}

/// Stops accepting; connections without a request in progress close now, the others once
/// their answer is written (or when the drain deadline passes).
void ConnectionLoop::begin_stop() {
    stopping_ = true;
    stop_deadline_ = now_ + settings_.request_timeout;
    set_accepting(false);
    for (auto& slot : connections_)
        if (slot && (slot->phase == Connection::Phase::READING || slot->phase == Connection::Phase::LINGERING))
            close_connection(*slot);
}

bool ConnectionLoop::busy() const {
    for (const auto& slot : connections_)
        if (slot && (slot->phase == Connection::Phase::PROCESSING || slot->phase == Connection::Phase::WRITING))
            return true;
    return false;
}

}  // namespace anticipa::server::transport
