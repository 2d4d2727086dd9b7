#include "support/postgres_cluster.h"

#include "support/process.h"

#include <pwd.h>
#include <signal.h>
#include <unistd.h>

#include <fstream>
#include <stdexcept>
#include <vector>

namespace anticipa::test {
namespace {

const std::string BIN = "/usr/lib/postgresql/15/bin/";

/// PostgreSQL refuses to run as root: as root, its programs run as the `postgres` user.
std::vector<std::string> as_server_user(std::vector<std::string> argv) {
    if (::geteuid() != 0) return argv;
    argv.insert(argv.begin(), {"/usr/sbin/runuser", "-u", "postgres", "--"});
    return argv;
}

void hand_to_server_user(const std::filesystem::path& path) {
    if (::geteuid() != 0) return;
    const passwd* user = ::getpwnam("postgres");
    if (!user) throw std::runtime_error("no `postgres` user (install Debian's postgresql package)");
    if (::chown(path.c_str(), user->pw_uid, user->pw_gid) != 0)
        throw std::runtime_error("cannot hand " + path.string() + " to the postgres user");
}

ProcessResult run_checked(const std::vector<std::string>& argv, const std::string& doing) {
    ProcessResult result = run_process(argv);
    if (result.exit_code != 0) throw std::runtime_error(doing + ": " + result.out + result.err);
    return result;
}

}  // namespace

PostgresCluster::PostgresCluster() : port_(free_loopback_port()) {
    // The folder is the test's, mode 0700: the server user must be able to reach its own files in it.
    std::filesystem::permissions(dir_.path(), std::filesystem::perms::owner_all | std::filesystem::perms::group_exec |
                                                  std::filesystem::perms::others_exec);
    std::filesystem::create_directories(dir_ / "socket");
    hand_to_server_user(dir_ / "socket");
    std::ofstream(dir_ / "server.log").close();
    hand_to_server_user(dir_ / "server.log");
    std::filesystem::create_directories(dir_ / "data");
    hand_to_server_user(dir_ / "data");
    run_checked(as_server_user({BIN + "initdb", "--pgdata", (dir_ / "data").string(), "--username", "anticipa",
                                "--auth", "trust", "--encoding", "UTF8", "--no-locale", "--no-sync"}),
                "initdb");
    start();
    sql_on("postgres", "CREATE DATABASE anticipa");
}

PostgresCluster::~PostgresCluster() {
    if (!running_) return;
    try {
        stop();
    } catch (const std::exception&) {  // pg_ctl failed: end the server by the pid it wrote
        std::ifstream pid_file(dir_ / "data" / "postmaster.pid");
        pid_t pid = 0;
        if (pid_file >> pid && pid > 0) ::kill(pid, SIGKILL);
    }
}

std::string PostgresCluster::uri() const {
    return "postgresql://anticipa@127.0.0.1:" + std::to_string(port_) + "/anticipa";
}

std::string PostgresCluster::pg_ctl(const std::string& action) const {
    std::vector<std::string> argv{BIN + "pg_ctl", action, "--pgdata", (dir_ / "data").string(), "--wait"};
    if (action == "start") {
        // fsync off: a throwaway cluster; what the tests cut is the connection, never the power.
        argv.insert(argv.end(), {"--log", (dir_ / "server.log").string(), "-o",
                                 "-c listen_addresses=127.0.0.1 -p " + std::to_string(port_) +
                                     " -c unix_socket_directories=" + (dir_ / "socket").string() + " -c fsync=off"});
    } else {
        argv.insert(argv.end(), {"--mode", "fast"});
    }
    ProcessResult result = run_process(as_server_user(argv));
    if (result.exit_code != 0) {
        throw std::runtime_error("pg_ctl " + action + " failed: " + result.err + "\n" + read_file(dir_ / "server.log"));
    }
    return result.out;
}

void PostgresCluster::start() {
    pg_ctl("start");
    running_ = true;
}

void PostgresCluster::stop() {
    pg_ctl("stop");
    running_ = false;
}

std::string PostgresCluster::sql(const std::string& statement) const {
    return sql_on("anticipa", statement);
}

std::string PostgresCluster::sql_on(const std::string& database, const std::string& statement) const {
    return run_checked({BIN + "psql", "--host", "127.0.0.1", "--port", std::to_string(port_), "--username", "anticipa",
                        "--dbname", database, "--no-psqlrc", "--tuples-only", "--no-align", "--set", "ON_ERROR_STOP=1",
                        "--command", statement},
                       "psql")
        .out;
}

}  // namespace anticipa::test
