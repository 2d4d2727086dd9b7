// The anticipa command: what every subcommand shares (exit codes, default paths, output).
#pragma once

#include "common/problem.h"
#include "search/ranking_options.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace anticipa::cli {

/// Exit codes scripts can rely on.
enum ExitCode : int {
    EXIT_CLEAN = 0,         ///< everything went through
    EXIT_INPUT_FAILED = 1,  ///< some inputs failed (or had warnings, with --strict)
    EXIT_ENVIRONMENT = 2,   ///< bad usage, or the environment is broken (index locked, locales/ invalid)
};

/// Paths every subcommand may take; defaults are relative to the current folder, as in the repo.
struct CommonPaths {
    std::filesystem::path articles = "articles";
    std::filesystem::path index = "index";
    std::filesystem::path locales = "locales";
    bool locales_given = false;  ///< named by --locales or ANTICIPA_LOCALES, not the default
};

void add_articles_option(CLI::App& command, CommonPaths& paths);
void add_index_option(CLI::App& command, CommonPaths& paths);
void add_locales_option(CLI::App& command, CommonPaths& paths);

/// Commands that read the index analyze as its databases were built; a locales/ folder named on
/// purpose (--locales, ANTICIPA_LOCALES) overrides that.
void add_locales_override_option(CLI::App& command, CommonPaths& paths);
std::optional<std::filesystem::path> locales_override(const CommonPaths& paths);

/// Refuses an --events value libpq cannot parse as a PostgreSQL URI before anything starts:
/// throws std::runtime_error "--events `URI`: not a PostgreSQL connection URI: why" (no password).
void check_events_option(const std::filesystem::path& events);

/// Prints each problem on its own line to stderr ("file:line: error: message [code]").
void print_problems(const std::vector<Problem>& problems);

/// The default ranking with each `--ranking NAME=VALUE` applied; prints "anticipa COMMAND: why"
/// and gives nothing when one names no setting or has no number.
std::optional<search::RankingOptions> ranking_from(const std::vector<std::string>& assignments,
                                                   const std::string& command);

bool stdout_is_terminal();
bool stderr_is_terminal();

/// Registers each subcommand; `exit_code` receives its result.
void add_index_command(CLI::App& app, int& exit_code);
void add_check_command(CLI::App& app, int& exit_code);
void add_search_command(CLI::App& app, int& exit_code);
void add_eval_command(CLI::App& app, int& exit_code);
void add_bench_command(CLI::App& app, int& exit_code);
void add_serve_command(CLI::App& app, int& exit_code);
void add_gaps_command(CLI::App& app, int& exit_code);

}  // namespace anticipa::cli
