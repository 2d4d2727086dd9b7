// anticipa: index, check and search a multilingual help center (one subcommand per file).
#include "anticipa/cli_support.h"

#include <xapian.h>

#include <cstdlib>
#include <iostream>

int main(int argc, char** argv) {
    // Xapian 1.4 buffers 10000 documents before writing postings; its in-memory buffer slows down
    // as it grows, and 2000 indexed the 100k-section bench 30% faster with 1.5 GB less memory.
    // Only buffered writes change: a run is still published by one commit. The user's value wins.
    setenv("XAPIAN_FLUSH_THRESHOLD", "2000", 0);
    CLI::App app{"anticipa: self-service knowledge-base search"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("anticipa 0.1.0 (Xapian ") + Xapian::version_string() + ")");
    int exit_code = anticipa::cli::EXIT_CLEAN;
    anticipa::cli::add_index_command(app, exit_code);
    anticipa::cli::add_check_command(app, exit_code);
    anticipa::cli::add_search_command(app, exit_code);
    anticipa::cli::add_eval_command(app, exit_code);
    anticipa::cli::add_bench_command(app, exit_code);
    anticipa::cli::add_serve_command(app, exit_code);
    anticipa::cli::add_gaps_command(app, exit_code);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : anticipa::cli::EXIT_ENVIRONMENT;
    } catch (const std::exception& e) {
        // A broken environment: the index cannot be opened or locked, locales/ is invalid, ...
        std::cerr << "anticipa: " << e.what() << '\n';
        return anticipa::cli::EXIT_ENVIRONMENT;
    } catch (const Xapian::Error& e) {
        std::cerr << "anticipa: " << e.get_description() << '\n';
        return anticipa::cli::EXIT_ENVIRONMENT;
    }
    return exit_code;
}
