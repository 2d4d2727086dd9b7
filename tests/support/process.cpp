#include "support/process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>

namespace anticipa::test {

namespace {

pid_t spawn(const std::vector<std::string>& argv, int out_fd, int err_fd, const std::filesystem::path& folder = {}) {
    std::vector<char*> args;
    for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        int null = open("/dev/null", O_RDONLY);
        dup2(null, STDIN_FILENO);
        if (out_fd >= 0) dup2(out_fd, STDOUT_FILENO);
        if (err_fd >= 0) dup2(err_fd, STDERR_FILENO);
        // Nothing else of the test's: a daemon the child starts (pg_ctl's postmaster) would keep a
        // pipe's write end open, and its reader would wait for an end that never comes.
        close_range(3, ~0U, 0);
        if (!folder.empty() && chdir(folder.c_str()) != 0) _exit(126);
        execv(args[0], args.data());
        _exit(127);
    }
    return pid;
}

int wait_for(pid_t pid) {
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

int free_loopback_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

std::string anticipa_binary() {
    return ANTICIPA_BINARY;
}

std::string traffic_binary() {
    return ANTICIPA_TRAFFIC_BINARY;
}

ProcessResult run_process(const std::vector<std::string>& argv) {
    int out_pipe[2], err_pipe[2];
    if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) throw std::runtime_error("pipe failed");
    pid_t pid = spawn(argv, out_pipe[1], err_pipe[1]);
    close(out_pipe[1]);
    close(err_pipe[1]);
    ProcessResult result;
    // Read both pipes together so a child filling one cannot block on the other.
    pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    std::string* sinks[2] = {&result.out, &result.err};
    int open_fds = 2;
    char buffer[65536];
    while (open_fds > 0) {
        if (poll(fds, 2, -1) < 0) continue;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
            ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
            if (n > 0) {
                sinks[i]->append(buffer, static_cast<std::size_t>(n));
            } else {
                close(fds[i].fd);
                fds[i].fd = -1;
                --open_fds;
            }
        }
    }
    result.exit_code = wait_for(pid);
    return result;
}

RunningProcess::RunningProcess(const std::vector<std::string>& argv, const std::filesystem::path& folder) {
    int err_pipe[2];
    if (pipe(err_pipe) != 0) throw std::runtime_error("pipe failed");
    int null = open("/dev/null", O_WRONLY);
    pid_ = spawn(argv, null, err_pipe[1], folder);
    close(null);
    close(err_pipe[1]);
    err_fd_ = err_pipe[0];
}

RunningProcess::~RunningProcess() {
    if (pid_ > 0) kill_now();
    if (discarding_.joinable()) discarding_.join();  // the pipe ends with the child
    if (err_fd_ >= 0) close(err_fd_);
}

void RunningProcess::discard_errors() {
    discarding_ = std::thread([fd = err_fd_] {
        char chunk[4096];
        while (read(fd, chunk, sizeof chunk) > 0) {
        }
    });
}

void RunningProcess::collect_errors() {
    {
        std::lock_guard lock(collected_mutex_);
        collected_ = buffer_;  // what read_error_line() had read ahead
        buffer_.clear();
    }
    discarding_ = std::thread([this] {
        char chunk[4096];
        for (ssize_t n; (n = read(err_fd_, chunk, sizeof chunk)) > 0;) {
            std::lock_guard lock(collected_mutex_);
            collected_.append(chunk, static_cast<std::size_t>(n));
        }
    });
}

std::string RunningProcess::errors_so_far() {
    std::lock_guard lock(collected_mutex_);
    return collected_;
}

bool RunningProcess::read_error_line(std::string& line) {
    for (;;) {
        auto newline = buffer_.find('\n');
        if (newline != std::string::npos) {
            line = buffer_.substr(0, newline);
            buffer_.erase(0, newline + 1);
            return true;
        }
        char chunk[4096];
        ssize_t n = read(err_fd_, chunk, sizeof chunk);
        if (n <= 0) return false;
        buffer_.append(chunk, static_cast<std::size_t>(n));
    }
}

int RunningProcess::terminate() {
    if (pid_ <= 0) return -1;
    ::kill(pid_, SIGTERM);
    int code = wait_for(pid_);
    pid_ = -1;
    return code;
}

void RunningProcess::kill_now() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    wait_for(pid_);
    pid_ = -1;
}

int listening_port(RunningProcess& server) {
    const std::string announced = "listening on http://127.0.0.1:";
    for (std::string line; server.read_error_line(line);) {
        const auto at = line.find(announced);
        if (at != std::string::npos) return std::stoi(line.substr(at + announced.size()));
    }
    return 0;
}

}  // namespace anticipa::test
