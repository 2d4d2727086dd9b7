#include "anticipa/cli_support.h"

#include "events/event_store.h"

#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <stdexcept>

namespace anticipa::cli {

namespace {

/// ANTICIPA_<NAME> overrides the built-in default; the command line overrides both.
std::filesystem::path from_environment(const char* name, const std::filesystem::path& fallback) {
    const char* value = std::getenv(name);
    return value && *value ? std::filesystem::path(value) : fallback;
}

}  // namespace

void add_articles_option(CLI::App& command, CommonPaths& paths) {
    paths.articles = from_environment("ANTICIPA_ARTICLES", paths.articles);
    command.add_option("--articles", paths.articles, "folder of articles/<locale>/**/*.md")->capture_default_str();
}

void add_index_option(CLI::App& command, CommonPaths& paths) {
    paths.index = from_environment("ANTICIPA_INDEX", paths.index);
    command.add_option("--index", paths.index, "index folder (one Xapian database per locale)")->capture_default_str();
}

void add_locales_option(CLI::App& command, CommonPaths& paths) {
    paths.locales = from_environment("ANTICIPA_LOCALES", paths.locales);
    command.add_option("--locales", paths.locales, "folder of locales/<tag>/ analysis profiles")->capture_default_str();
}

void add_locales_override_option(CLI::App& command, CommonPaths& paths) {
    const char* named = std::getenv("ANTICIPA_LOCALES");
    paths.locales_given = named && *named;
    paths.locales = from_environment("ANTICIPA_LOCALES", paths.locales);
    command
        .add_option("--locales", paths.locales,
                    "analyze with the locales/<tag>/ profiles of this folder instead of the ones the index carries")
        ->each([&paths](const std::string&) { paths.locales_given = true; });
}

std::optional<std::filesystem::path> locales_override(const CommonPaths& paths) {
    if (!paths.locales_given) return std::nullopt;
    return paths.locales;
}

void check_events_option(const std::filesystem::path& events) {
    try {
        events::check_events_location(events.string());
    } catch (const std::invalid_argument& e) {
        throw std::runtime_error("--events `" + events::shown_events_location(events.string()) +
                                 "`: not a PostgreSQL connection URI: " + e.what());
    }
}

void print_problems(const std::vector<Problem>& problems) {
    for (const auto& problem : problems) std::cerr << format_problem(problem) << '\n';
}

std::optional<search::RankingOptions> ranking_from(const std::vector<std::string>& assignments,
                                                   const std::string& command) {
    search::RankingOptions ranking;
    try {
        for (const auto& assignment : assignments) search::set_ranking_option(ranking, assignment);
    } catch (const std::invalid_argument& e) {
        std::cerr << "anticipa " << command << ": " << e.what() << '\n';
        return std::nullopt;
    }
    return ranking;
}

bool stdout_is_terminal() {
    return isatty(STDOUT_FILENO) == 1;
}
bool stderr_is_terminal() {
    return isatty(STDERR_FILENO) == 1;
}

}  // namespace anticipa::cli
