// anticipa serve: answer customers over HTTP from the published index.
#include "anticipa/cli_support.h"

#include "events/event_store.h"
#include "help_center_server.h"
#include "index/locale_identity.h"
#include "search/search_service.h"
#include "server_config.h"
#include "transport/listening_socket.h"

#include <pthread.h>
#include <sys/resource.h>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

namespace anticipa::cli {

namespace {

struct ServeArgs {
    std::string config_file;
    std::string listen;
    std::string index, articles, locales;
    std::string events;
    std::string events_journal;
};

/// Every connection is a file descriptor, and Debian's default soft limit is 1024: take the hard
/// limit, as nginx's worker_rlimit_nofile would.
void raise_open_files_limit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

int run_serve(const ServeArgs& args) {
    server::ServerConfig config;
    if (!args.config_file.empty()) server::load_config_file(args.config_file, config);
    server::apply_environment(config);
    if (!args.listen.empty()) server::parse_listen(args.listen, config);
    if (!args.index.empty()) config.index_dir = args.index;
    if (!args.articles.empty()) config.articles_dir = args.articles;
    if (!args.locales.empty()) {
        config.locales_dir = args.locales;
        config.locales_override = true;
    }
    if (!args.events.empty()) config.events_path = args.events;
    if (config.events_path.empty()) config.events_path = events::default_events_path();
    check_events_option(config.events_path);
    if (!args.events_journal.empty()) config.events_journal = args.events_journal;
    if (config.events_journal.empty()) config.events_journal = events::default_postgres_journal();
    // Printed and reported as absolute paths: "index index" says nothing in a log read elsewhere.
    for (std::filesystem::path* path : {&config.index_dir, &config.articles_dir, &config.locales_dir,
                                        &config.events_path, &config.events_journal, &config.contact_outbox}) {
        if (path == &config.events_path && events::is_postgresql_uri(path->string())) continue;
        *path = std::filesystem::absolute(*path).lexically_normal();
    }

    // SIGTERM and SIGINT are taken by one thread that stops the server gracefully: requests in
    // flight are answered, then run() returns. Blocked here so every later thread inherits it.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    // The port first: a second server on it fails with "address already in use" before it
    // touches the index or the events store. Only SO_REUSEADDR: it may not share the port.
    raise_open_files_limit();
    const server::transport::ListeningSocket listener(config.host, config.port);

    auto analyzers = index::analyzers_for_index(
        config.index_dir, config.locales_override ? std::optional(config.locales_dir) : std::nullopt);
    // What cannot be served is said once, with its absolute path and what to run; the rest serves.
    search::SearchService search(
        {config.index_dir, config.default_locale}, *analyzers, search::SearchService::DEFAULT_CACHE_ENTRIES,
        [](const std::string& message) { std::fprintf(stderr, "anticipa serve: %s\n", message.c_str()); });
    // Destroyed after the server has stopped, so every event a response was sent for is written.
    const auto events = events::open_events_store(
        {.path = config.events_path, .retention_days = config.events_retention_days}, config.events_journal);
    server::HelpCenterServer http(config, search, *events);
    std::fprintf(stderr, "anticipa serve: %s\n", server::describe(config).c_str());
    std::fprintf(stderr, "anticipa serve: listening on http://%s:%d\n", config.host.c_str(), listener.port());

    std::thread stopper([&] {
        int signal = 0;
        sigwait(&stop_signals, &signal);
        std::fprintf(stderr, "anticipa serve: signal %d, finishing requests in flight\n", signal);
        http.stop();
    });
    http.run(listener);
    if (stopper.joinable()) {
        pthread_kill(stopper.native_handle(), SIGTERM);  // run() ended on its own: release the waiter
        stopper.join();
    }
    std::fprintf(stderr, "anticipa serve: stopped\n");
    return EXIT_CLEAN;
}

}  // namespace

void add_serve_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<ServeArgs>();
    CLI::App* command = app.add_subcommand("serve", "Serve the help center's search API over HTTP");
    command->add_option("--config", args->config_file, "YAML settings (listen, allowed_origins, tier_secret, ...)")
        ->check(CLI::ExistingFile);
    command->add_option("--listen", args->listen, "HOST:PORT (default 127.0.0.1:8080; port 0 picks a free one)");
    command->add_option("--index", args->index, "index folder (default: index)");
    command->add_option("--articles", args->articles,
                        "articles folder, for /admin's stale and missing translations (default: articles)");
    command->add_option("--locales", args->locales,
                        "folder of locales/<tag>/ UI strings (default: locales); naming it also analyzes with its "
                        "profiles instead of the ones the index carries");
    command->add_option("--events", args->events,
                        "events store, read by `anticipa gaps`: a SQLite file, or postgresql://user@host/db shared "
                        "by several replicas (default: $ANTICIPA_EVENTS or events.db)");
    command->add_option("--events-journal", args->events_journal,
                        "with a postgresql:// --events, this replica's own journal of accepted events, named after "
                        "this file (default: events-postgresql)");
    command->callback([args, &exit_code] { exit_code = run_serve(*args); });
}

}  // namespace anticipa::cli
