// anticipa check: validate the articles without writing anything, for writers' CI.
#include "anticipa/cli_support.h"

#include "article/help_center_config.h"
#include "check/collection_checker.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <memory>

namespace anticipa::cli {

namespace {

struct CheckArgs {
    CommonPaths paths;
    bool json = false;
    bool strict = false;
};

int run_check(const CheckArgs& args) {
    auto config = article::load_help_center_config(args.paths.articles);
    check::CheckOptions options;
    options.load.root = args.paths.articles;
    options.load.max_article_bytes = config.max_article_bytes;
    options.load.parse_budget = config.parse_budget;
    options.source_locale = config.source_locale;
    options.locales = config.locales;
    options.locales_dir = args.paths.locales;
    check::CheckReport report = check::check_articles(options);

    auto errors =
        static_cast<std::size_t>(std::count_if(report.problems.begin(), report.problems.end(),
                                               [](const Problem& p) { return p.severity == Severity::ERROR; }));
    const std::size_t warnings = report.problems.size() - errors;
    if (args.json) {
        nlohmann::json problems = nlohmann::json::array();
        for (const auto& p : report.problems)
            problems.push_back({{"severity", p.severity == Severity::ERROR ? "error" : "warning"},
                                {"code", p.code},
                                {"message", p.message},
                                {"file", p.file},
                                {"line", p.line}});
        std::cout << nlohmann::json{{"files", report.files},
                                    {"articles", report.articles},
                                    {"errors", errors},
                                    {"warnings", warnings},
                                    {"problems", problems}}
                         .dump(2)
                  << '\n';
    } else {
        for (const auto& p : report.problems) std::cout << format_problem(p) << '\n';
        std::cout << "checked " << report.files << " files in " << args.paths.articles.generic_string() << ": "
                  << errors << " errors, " << warnings << " warnings\n";
    }
    if (errors > 0 || (args.strict && warnings > 0)) return EXIT_INPUT_FAILED;
    return EXIT_CLEAN;
}

}  // namespace

void add_check_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<CheckArgs>();
    CLI::App* command = app.add_subcommand(
        "check", "Validate the articles without writing: front matter, UTF-8, size, links, translations");
    add_articles_option(*command, args->paths);
    add_locales_option(*command, args->paths);
    command->add_flag("--json", args->json, "print the problems as JSON");
    command->add_flag("--strict", args->strict, "exit 1 on warnings too");
    command->callback([args, &exit_code] { exit_code = run_check(*args); });
}

}  // namespace anticipa::cli
