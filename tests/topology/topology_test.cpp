// Topology: Anticipa on several machines, all on loopback. The indexing host runs `anticipa
// index` and xapian-replicate-server; each replica runs deploy/replica-sync.sh and `anticipa
// serve`, writing its events to one throwaway PostgreSQL cluster; nginx with deploy/nginx's
// settings stands in front. Every process is started and stopped by the test, by its pid. What it prints (requests/s,
// convergence) is for reading, not asserted: the machine is shared, and the lead times it on a quiet one.
#include "index/index_layout.h"
#include "index/locale_catalog.h"
#include "support/postgres_cluster.h"
#include "support/process.h"
#include "support/sample_index.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

#include <httplib.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <mutex>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

using namespace anticipa;
using anticipa::test::TempDir;
using nlohmann::json;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

const std::string NEW_LOCALE = "it";  ///< left out of the first index, published later
/// The paced load's keep-alive connections through nginx ("a few hundred"), and how long it lasts.
constexpr int CUSTOMERS = 300;
constexpr auto LOAD_TIME = std::chrono::seconds(30);

std::string search_path(const std::string& query, const std::string& locale) {
    return "/api/v1/search?locale=" + locale + "&q=" + httplib::detail::encode_query_param(query);
}

/// A search's answer without what differs on every request; null when there was none.
json answer_of(int port, const std::string& query, const std::string& locale) {
    httplib::Client client("127.0.0.1", port);
    client.set_connection_timeout(2, 0);
    client.set_read_timeout(10, 0);
    auto result = client.Get(search_path(query, locale));
    if (!result || result->status != 200) return nullptr;
    json body = json::parse(result->body, nullptr, false);
    if (body.is_object()) body.erase("search_id");
    return body;
}

/// Polls `ready` every 100 ms for up to `limit`; false when it never held.
template <typename Ready>
bool within(std::chrono::seconds limit, Ready ready) {
    for (const auto until = Clock::now() + limit; Clock::now() < until;) {
        if (ready()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return ready();
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/// The machine that writes: its own articles and locales, `anticipa index`, and
/// xapian-replicate-server over the index folder.
struct IndexingHost {
    IndexingHost() {
        fs::copy(test::source_dir() / "locales", dir / "locales", fs::copy_options::recursive);
        fs::copy(test::source_dir() / "articles", dir / "articles", fs::copy_options::recursive);
        fs::rename(dir / "articles" / NEW_LOCALE, dir / ("later-" + NEW_LOCALE));
        index();
        replication.emplace(std::vector<std::string>{"/usr/bin/xapian-replicate-server", "-I", "127.0.0.1", "-p",
                                                     std::to_string(port), index_dir().string()});
        replication->discard_errors();
    }
    fs::path index_dir() const { return dir / "index"; }
    void index() {
        auto indexed = test::run_process({test::anticipa_binary(), "index", "--articles", (dir / "articles").string(),
                                          "--index", index_dir().string(), "--locales", (dir / "locales").string()});
        INFO(indexed.err);
        REQUIRE(indexed.exit_code == 0);
    }
    /// A new locale and a synonym edit in one revision.
    void publish_new_locale_and_synonym() {
        fs::rename(dir / ("later-" + NEW_LOCALE), dir / "articles" / NEW_LOCALE);
        std::ofstream(dir / "locales/en/synonyms.txt", std::ios::app) << "wombat, invoice\n";
        index();
    }
    /// A locale taken out as an operator does: its articles and its database gone (the database
    /// in one rename, so no server reads a half-deleted folder), then an index run.
    void take_out(const std::string& locale) {
        fs::rename(dir / "articles" / locale, dir / ("removed-" + locale));
        fs::rename(index_dir() / locale, index_dir() / (".removed-" + locale));
        fs::remove_all(index_dir() / (".removed-" + locale));
        index();
    }

    TempDir dir;
    int port = test::free_loopback_port();  ///< xapian-replicate-server's
    std::optional<test::RunningProcess> replication;
};

/// A read replica: deploy/replica-sync.sh copying the host's index, and `anticipa serve` over the
/// copy on a fixed port (nginx knows it), from a folder with no locales/ beside it, writing its
/// events to the shared database through a journal of its own.
struct Replica {
    Replica(int replication_port, std::string events_uri) : host_port(replication_port), events(std::move(events_uri)) {
        fs::create_directories(dir / "elsewhere");
        std::ofstream(dir / "serve.yaml") << "trusted_proxies: [127.0.0.1]\n";
        start_sync();
    }
    fs::path index_dir() const { return dir / "index"; }
    void start_sync() {
        sync.emplace(std::vector<std::string>{"/bin/bash", (test::source_dir() / "deploy/replica-sync.sh").string(),
                                              "127.0.0.1", std::to_string(host_port), index_dir().string(), "1"});
        sync->collect_errors();
    }
    void start_server() {
        server.emplace(
            std::vector<std::string>{test::anticipa_binary(), "serve", "--listen", "127.0.0.1:" + std::to_string(port),
                                     "--index", index_dir().string(), "--config", (dir / "serve.yaml").string(),
                                     "--events", events, "--events-journal", (dir / "events-postgresql").string()},
            dir / "elsewhere");
        REQUIRE(test::listening_port(*server) == port);
        server->discard_errors();  // the access log, a line per request
    }
    /// The machine lost at once: its server and its replication, SIGKILL.
    void kill_now() {
        server->kill_now();
        sync->kill_now();
    }

    TempDir dir;
    int host_port;
    std::string events;  ///< the shared PostgreSQL database
    int port = test::free_loopback_port();
    std::optional<test::RunningProcess> sync, server;
};

/// nginx with deploy/nginx/locations.conf and the upstream of deploy/nginx/upstream.conf, its
/// server lines pointed at the replicas; its own prefix, pid file and loopback port.
struct Nginx {
    explicit Nginx(const std::vector<int>& replica_ports) {
        std::ifstream reference(test::source_dir() / "deploy/nginx/upstream.conf");
        const std::regex server_line(R"(^\s*server\s+\S+(.*)$)");
        std::ostringstream upstream;
        bool replicas_written = false;
        for (std::string line; std::getline(reference, line);) {
            std::smatch found;
            if (!std::regex_match(line, found, server_line)) {
                upstream << line << "\n";
                continue;
            }
            if (!replicas_written)
                for (int replica : replica_ports)
                    upstream << "    server 127.0.0.1:" << replica << found[1].str() << "\n";
            replicas_written = true;
        }
        REQUIRE(replicas_written);
        const std::string prefix = dir.path().string();
        std::ofstream(dir / "nginx.conf")
            << "worker_processes 1;\npid " << prefix << "/nginx.pid;\nerror_log " << prefix
            << "/error.log;\nevents { worker_connections 1024; }\nhttp {\n  access_log off;\n"
            << upstream.str() << "  server {\n    listen 127.0.0.1:" << port << ";\n    include "
            << (test::source_dir() / "deploy/nginx/locations.conf").string() << ";\n  }\n}\n";
        process.emplace(std::vector<std::string>{"/usr/sbin/nginx", "-p", prefix, "-c", (dir / "nginx.conf").string(),
                                                 "-g", "daemon off;"});
        process->collect_errors();
        INFO(process->errors_so_far());
        REQUIRE(within(std::chrono::seconds(10), [&] {
            auto health = httplib::Client("127.0.0.1", port).Get("/healthz");
            return health && health->status == 200;
        }));
    }
    ~Nginx() { process->terminate(); }
    /// What nginx logged about its upstreams (a refused connection, a replica gone mid-answer).
    std::string error_log() const {
        std::ifstream file(dir / "error.log");
        return {std::istreambuf_iterator<char>(file), {}};
    }

    TempDir dir;
    int port = test::free_loopback_port();
    std::optional<test::RunningProcess> process;
};

/// Customers searching through nginx on keep-alive connections until stopped; every search
/// answer that is not a 200 is kept with what it was. Unpaced, each client asks again as soon as
/// it is answered (a throughput figure); paced, each asks once per `pace`, so many connections
/// stay open and mostly idle, as a help center's customers' do, at a rate the replicas can serve.
/// With clicks, every other request is a click POSTed to /api/v1/events with a search_id of its
/// own: the ones answered 202 are the events the replicas promised to keep. nginx does not retry a POST a replica may have taken, so a click
/// cut short by a kill -9 is counted apart: its client was not told it was accepted.
class Load {
  public:
    Load(int port, int clients, bool clicks = false, std::chrono::milliseconds pace = {})
        : started_(Clock::now()), clicks_(clicks), pace_(pace) {
        for (int c = 0; c < clients; ++c) threads_.emplace_back([this, port, c, clients] { run(port, c, clients); });
    }
    ~Load() { stop(); }
    void stop() {
        stopping_ = true;
        for (auto& thread : threads_)
            if (thread.joinable()) thread.join();
        if (!seconds_) seconds_ = seconds_since(started_);
    }
    std::size_t answered() const { return answered_; }
    std::size_t clients() const { return threads_.size(); }
    /// The search answers' latency at quantile q (0.5, 0.99), in milliseconds, once stopped.
    double latency_ms(double q) {
        std::lock_guard lock(mutex_);
        if (latencies_ms_.empty()) return 0;
        std::sort(latencies_ms_.begin(), latencies_ms_.end());
        return latencies_ms_[std::min(latencies_ms_.size() - 1, std::size_t(q * latencies_ms_.size()))];
    }
    double requests_per_second() const { return answered_ / *seconds_; }
    std::vector<std::string> failures() {
        std::lock_guard lock(mutex_);
        return failures_;
    }
    std::set<std::string> accepted_clicks() {
        std::lock_guard lock(mutex_);
        return accepted_clicks_;
    }
    std::size_t clicks_not_accepted() const { return clicks_not_accepted_; }

  private:
    void run(int port, int client_number, int clients) {
        static const std::vector<std::pair<std::string, std::string>> questions{
            {"reset password", "en"}, {"export invoices", "en"}, {"esqueci minha senha", "pt"}, {"two factor", "en"}};
        httplib::Client client("127.0.0.1", port);
        client.set_keep_alive(true);
        client.set_connection_timeout(5, 0);
        client.set_read_timeout(15, 0);
        std::vector<double> latencies_ms;
        auto next = started_ + pace_ * client_number / clients;  // paced clients spread over one pace
        for (std::size_t n = client_number; !stopping_; ++n) {
            if (pace_.count() > 0) {
                std::this_thread::sleep_until(next);
                next += pace_;
                if (stopping_) break;
            }
            if (clicks_ && n % 2 == 1) {
                click(client, "load-" + std::to_string(client_number) + "-" + std::to_string(n));
                continue;
            }
            const auto& [query, locale] = questions[n % questions.size()];
            const auto asked = Clock::now();
            auto result = client.Get(search_path(query, locale));
            if (result && result->status == 200) {
                latencies_ms.push_back(seconds_since(asked) * 1000);
                ++answered_;
                continue;
            }
            std::lock_guard lock(mutex_);
            failures_.push_back(result ? "status " + std::to_string(result->status) + ": " + result->body
                                       : "no answer: " + httplib::to_string(result.error()));
        }
        std::lock_guard lock(mutex_);
        latencies_ms_.insert(latencies_ms_.end(), latencies_ms.begin(), latencies_ms.end());
    }

    void click(httplib::Client& client, const std::string& marker) {
        const json body{{"type", "click"}, {"search_id", marker}, {"article_id", "reset-password"}, {"rank", 1}};
        auto result = client.Post("/api/v1/events", body.dump(), "application/json");
        if (!result || result->status != 202) {
            ++clicks_not_accepted_;
            return;
        }
        std::lock_guard lock(mutex_);
        accepted_clicks_.insert(marker);
    }

    Clock::time_point started_;
    const bool clicks_;
    const std::chrono::milliseconds pace_;
    std::vector<std::thread> threads_;
    std::atomic<bool> stopping_{false};
    std::atomic<std::size_t> answered_{0};
    std::optional<double> seconds_;
    std::mutex mutex_;
    std::vector<std::string> failures_;
    std::set<std::string> accepted_clicks_;
    std::vector<double> latencies_ms_;
    std::atomic<std::size_t> clicks_not_accepted_{0};
};

/// Requests/s through nginx for a few seconds: printed, never asserted.
void print_throughput(const std::vector<int>& replica_ports, const std::string& label) {
    Nginx nginx(replica_ports);
    Load load(nginx.port, 16);
    std::this_thread::sleep_for(std::chrono::seconds(3));
    load.stop();
    std::printf("topology: %.0f requests/s through nginx with %s (%zu answered, %zu failed)\n",
                load.requests_per_second(), label.c_str(), load.answered(), load.failures().size());
    CHECK(load.failures().empty());
}

}  // namespace

TEST_CASE("Topology: replicas fed by Xapian replication answer as the host, converge, and survive kill -9 behind nginx",
          "[topology]") {
    test::PostgresCluster events_database;
    IndexingHost host;
    CHECK(index::read_locale_catalog(host.index_dir() / index::LOCALE_CATALOG) ==
          index::indexed_locales(host.index_dir()));
    Replica first(host.port, events_database.uri()), second(host.port, events_database.uri());
    for (Replica* replica : {&first, &second}) {
        INFO(replica->sync->errors_so_far());
        REQUIRE(within(std::chrono::seconds(60), [&] {
            return index::indexed_locales(replica->index_dir()) == index::indexed_locales(host.index_dir());
        }));
        replica->start_server();
    }
    fs::create_directories(host.dir / "elsewhere");
    test::ServerProcess on_host({"--index", host.index_dir().string()}, host.dir / "elsewhere");

    // Given only the replicated databases, a replica answers every relevance question as the host.
    for (const auto& [locale, query] : test::SampleIndex::relevance_queries()) {
        CAPTURE(locale, query);
        const json expected = answer_of(on_host.port, query, locale);
        REQUIRE(expected.is_object());
        CHECK(answer_of(first.port, query, locale) == expected);
        CHECK(answer_of(second.port, query, locale) == expected);
    }

    print_throughput({first.port}, "one replica");
    print_throughput({first.port, second.port}, "two replicas");

    Nginx nginx({first.port, second.port});
    httplib::Client through_nginx("127.0.0.1", nginx.port);
    auto widget = through_nginx.Get("/widget.js");
    REQUIRE(widget);
    CHECK(widget->status == 200);
    CHECK(widget->get_header_value("Cache-Control") == "public, max-age=300");
    auto metrics = through_nginx.Get("/metrics");  // the replicas' own business
    REQUIRE(metrics);
    CHECK(metrics->status == 404);
    // A few hundred customers' keep-alive connections, each asking (or clicking) four times a
    // second: ~1,200 requests/s, well within two replicas, for the rest of the test (~30 s).
    const auto load_started = Clock::now();
    Load load(nginx.port, CUSTOMERS, true, std::chrono::milliseconds(250));

    // A revision with a new locale and a synonym edit reaches both replicas: no manual step.
    host.publish_new_locale_and_synonym();
    const auto published = Clock::now();
    auto serves_latest = [&](const Replica& replica) {
        const json wombat = answer_of(replica.port, "wombat", "en");
        return wombat == answer_of(on_host.port, "wombat", "en") && !wombat["results"].empty() &&
               answer_of(replica.port, "resettare la password", NEW_LOCALE) ==
                   answer_of(on_host.port, "resettare la password", NEW_LOCALE);
    };
    CHECK(within(std::chrono::seconds(60), [&] { return serves_latest(first) && serves_latest(second); }));
    std::printf(
        "topology: both replicas served the new revision (a new locale, a synonym) %.1f s after "
        "`anticipa index` returned\n",
        seconds_since(published));
    CHECK(fs::exists(first.index_dir() / NEW_LOCALE / "XAPIANDB"));

    // One replica lost at once, under load: nginx passes its requests to the other.
    std::this_thread::sleep_for(std::chrono::seconds(1));
    second.kill_now();
    const std::size_t before_kill = load.answered();
    std::this_thread::sleep_for(std::chrono::seconds(3));
    CHECK(load.answered() > before_kill);  // still answering, from the first replica

    // Restarted, it catches up with what was published while it was down.
    std::ofstream(host.dir / "locales/en/synonyms.txt", std::ios::app) << "platypus, invoice\n";
    host.index();
    second.start_sync();
    second.start_server();
    CHECK(within(std::chrono::seconds(60), [&] {
        const json platypus = answer_of(second.port, "platypus", "en");
        return platypus.is_object() && !platypus["results"].empty() &&
               platypus == answer_of(on_host.port, "platypus", "en");
    }));
    std::this_thread::sleep_for(std::chrono::seconds(2));
    std::this_thread::sleep_until(load_started + LOAD_TIME);
    load.stop();
    const auto failures = load.failures();
    std::printf(
        "topology: %zu keep-alive clients through nginx for %.0f s during publishing, kill -9 and restart: %zu "
        "searches (p50 %.1f ms, p99 %.1f ms), %zu failed; %zu clicks accepted (202), %zu not\n",
        load.clients(), seconds_since(load_started), load.answered(), load.latency_ms(0.5), load.latency_ms(0.99),
        failures.size(), load.accepted_clicks().size(), load.clicks_not_accepted());
    INFO((failures.empty() ? "" : failures.front()));
    CHECK(failures.empty());
    CHECK(load.answered() > 0);
    // The loss was real: nginx met the dead replica and passed those requests to the other.
    CHECK_THAT(nginx.error_log(), Catch::Contains("127.0.0.1:" + std::to_string(second.port)));

    // A locale taken out on the host leaves the replicas on their next round, so none goes on
    // answering in a language the help center no longer has: they answer as the host does.
    host.take_out(NEW_LOCALE);
    REQUIRE(index::read_locale_catalog(host.index_dir() / index::LOCALE_CATALOG) ==
            index::indexed_locales(host.index_dir()));
    for (Replica* replica : {&first, &second}) {
        INFO(replica->sync->errors_so_far());
        CHECK(within(std::chrono::seconds(60), [&] {
            return index::indexed_locales(replica->index_dir()) == index::indexed_locales(host.index_dir()) &&
                   answer_of(replica->port, "resettare la password", NEW_LOCALE) ==
                       answer_of(on_host.port, "resettare la password", NEW_LOCALE);
        }));
        CHECK_FALSE(fs::exists(replica->index_dir() / NEW_LOCALE));
    }

    // Everything stopped: PostgreSQL holds every click a replica answered 202 to, the killed one's
    // from its journal, replayed when it restarted, and no event twice.
    for (Replica* replica : {&first, &second}) CHECK(replica->server->terminate() == 0);
    const std::set<std::string> accepted = load.accepted_clicks();
    REQUIRE_FALSE(accepted.empty());
    std::istringstream stored(
        events_database.sql("SELECT search_id FROM anticipa_events WHERE kind = 'click' AND search_id LIKE 'load-%'"));
    std::multiset<std::string> clicks;
    for (std::string marker; std::getline(stored, marker);) clicks.insert(marker);
    std::size_t missing = 0;
    for (const std::string& marker : accepted) missing += clicks.count(marker) == 0;
    CHECK(missing == 0);
    CHECK(std::set<std::string>(clicks.begin(), clicks.end()).size() == clicks.size());
    CHECK(events_database.sql("SELECT count(*) - count(DISTINCT id) FROM anticipa_events") == "0\n");
    for (Replica* replica : {&first, &second})
        CHECK_FALSE(fs::exists(replica->dir / "events-postgresql-journal.jsonl"));

    // One content plan of both replicas' traffic, read with the same --events value.
    auto plan = test::run_process({test::anticipa_binary(), "gaps", "--events", events_database.uri(), "--index",
                                   host.index_dir().string(), "--articles", (host.dir / "articles").string(),
                                   "--session-window", "0", "--format", "json"});
    INFO(plan.err);
    REQUIRE(plan.exit_code == 0);
    const json report = json::parse(plan.out);
    const std::string searches = events_database.sql("SELECT count(*) FROM anticipa_events WHERE kind = 'search'");
    CHECK(std::to_string(report["searches"].get<long>()) + "\n" == searches);
    std::printf("topology: PostgreSQL holds %zu clicks for %zu accepted, and the plan counts %s searches\n",
                clicks.size(), accepted.size(), report["searches"].dump().c_str());
}
