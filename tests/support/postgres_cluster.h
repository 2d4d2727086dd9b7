// Test support: a throwaway PostgreSQL 15 cluster, as the tests of the PostgreSQL events store and
// the topology test start it: initdb + pg_ctl from Debian's /usr/lib/postgresql/15/bin, in a temp
// folder, on a free loopback port with its Unix socket in that folder, as Debian's unprivileged
// `postgres` user when the tests run as root. Stopped (pg_ctl stop -m fast) in every outcome.
#pragma once

#include "support/temp_dir.h"

#include <string>

namespace anticipa::test {

class PostgresCluster {
  public:
    /// initdb, start, and an empty database `anticipa` owned by the user `anticipa` (trust
    /// authentication: it listens on 127.0.0.1 only). Throws with pg_ctl's log when it cannot.
    PostgresCluster();
    ~PostgresCluster();  ///< stops the server if it runs; the folder goes with the TempDir
    PostgresCluster(const PostgresCluster&) = delete;
    PostgresCluster& operator=(const PostgresCluster&) = delete;

    /// postgresql://anticipa@127.0.0.1:PORT/anticipa
    std::string uri() const;
    int port() const { return port_; }

    /// The database down (pg_ctl stop -m fast: connections are cut) and up again, on the same port.
    void stop();
    void start();

    /// Runs SQL with psql; its output, unaligned and without headers. Throws with psql's message.
    std::string sql(const std::string& statement) const;

  private:
    std::string pg_ctl(const std::string& action) const;
    std::string sql_on(const std::string& database, const std::string& statement) const;

    TempDir dir_;
    int port_ = 0;
    bool running_ = false;
};

}  // namespace anticipa::test
