// anticipa search: ask the index a question from the terminal.
#include "anticipa/cli_support.h"

#include "analysis/analyzer_set.h"
#include "article/article.h"
#include "article/help_center_config.h"
#include "index/locale_identity.h"
#include "search/searcher.h"
#include "search/snippet.h"
#include "search_json.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

namespace anticipa::cli {

namespace {

struct SearchArgs {
    CommonPaths paths;
    search::SearchRequest request;
    std::string default_locale;
    std::vector<std::string> ranking;  ///< "name=value": what one ranking setting does to this query
    bool json = false;
};

void print_text(const search::SearchResponse& response, const search::SearchRequest& request) {
    const bool color = stdout_is_terminal();
    const std::string open = color ? "\033[1m" : "[", close = color ? "\033[0m" : "]";
    if (response.fallback)
        std::printf("No match in %s; showing %s articles.\n", request.locale.c_str(), response.locale.c_str());
    if (!response.showing_results_for.empty())
        std::printf("Showing results for: %s\nSearch instead for: %s (--no-correction)\n",
                    response.showing_results_for.c_str(), response.search_instead_for.c_str());
    else if (!response.did_you_mean.empty()) std::printf("Did you mean: %s\n", response.did_you_mean.c_str());
    std::printf("%zu result%s for \"%s\" in %s\n", response.total, response.total == 1 ? "" : "s",
                request.query.c_str(), response.locale.c_str());
    int rank = static_cast<int>(request.offset);
    for (const auto& hit : response.hits) {
        std::string where = hit.heading.empty() ? "" : " \xE2\x80\xBA " + hit.heading;  // ›
        std::printf("%2d. %s%s  (%.2f)\n    %s\n    %s\n", ++rank, hit.title.c_str(), where.c_str(), hit.score,
                    hit.link.c_str(), search::snippet_marked(hit.snippet, open, close).c_str());
    }
}

int run_search(SearchArgs& args) {
    if (args.request.query.find_first_not_of(" \t\r\n") == std::string::npos) {
        std::cerr << "anticipa search: the query is empty\n";
        return EXIT_ENVIRONMENT;
    }
    const auto ranking = ranking_from(args.ranking, "search");
    if (!ranking) return EXIT_ENVIRONMENT;
    auto config = article::load_help_center_config(args.paths.articles);
    auto analyzers = index::analyzers_for_index(args.paths.index, locales_override(args.paths));
    search::Searcher searcher(
        {args.paths.index, args.default_locale.empty() ? config.default_locale : args.default_locale, *ranking},
        *analyzers);
    for (const auto& notice : searcher.notices()) std::cerr << "anticipa search: " << notice << '\n';
    for (const auto& locale : searcher.unusable())
        std::cerr << "anticipa search: warning: " << locale.message() << '\n';
    search::SearchResponse response = searcher.search(args.request);
    if (args.json)
        std::cout << nlohmann::json::parse(server::search_json(response, args.request.query)).dump(2) << '\n';
    else print_text(response, args.request);
    return EXIT_CLEAN;
}

}  // namespace

void add_search_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<SearchArgs>();
    CLI::App* command = app.add_subcommand("search", "Search the index as a customer would");
    command->add_option("query", args->request.query, "what the customer typed")->required();
    command->add_option("--locale,-l", args->request.locale, "the customer's locale, e.g. pt or zh-TW")->required();
    add_index_option(*command, args->paths);
    add_locales_override_option(*command, args->paths);
    add_articles_option(*command, args->paths);
    command->add_option("--tier", args->request.tier, "the customer's support tier")
        ->check(CLI::IsMember(article::all_tiers()))
        ->capture_default_str();
    command->add_option("--tag", args->request.tags, "only articles with this tag (repeatable)");
    command->add_option("--category", args->request.category, "only articles of this category");
    command->add_option("--limit,-n", args->request.limit, "results per page")
        ->capture_default_str()
        ->check(CLI::Range(1, 100));
    command->add_option("--offset", args->request.offset, "results to skip (paging)");
    command->add_option("--default-locale", args->default_locale,
                        "locale to fall back on (default: default_locale of articles/anticipa.yaml)");
    command->add_flag("--drafts", args->request.include_drafts, "include draft articles (writers' preview)");
    command->add_flag("--no-correction{false}", args->request.correct_spelling,
                      "search the words exactly as typed, without spelling corrections");
    command->add_option("--ranking", args->ranking,
                        "change one ranking setting, NAME=VALUE (repeatable), to see what it does to this query");
    command->add_flag("--json", args->json, "print the results as JSON");
    command->callback([args, &exit_code] { exit_code = run_search(*args); });
}

}  // namespace anticipa::cli
