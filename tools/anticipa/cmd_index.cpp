// anticipa index: bring the index up to date with the articles folder.
#include "anticipa/cli_support.h"

#include "analysis/analyzer_set.h"
#include "article/help_center_config.h"
#include "gaps/stored_translations.h"
#include "index/indexer.h"
#include "learn/phrasing_learner.h"
#include "search/search_service.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

namespace anticipa::cli {

namespace {

struct IndexArgs {
    CommonPaths paths;
    std::filesystem::path events;  ///< learn phrasings from this events store; empty: learn nothing
    bool progress = false;
    bool json = false;
    bool strict = false;
};

const char* publication_name(index::LocaleOutcome::Publication publication) {
    switch (publication) {
        case index::LocaleOutcome::Publication::NEW_LOCALE:
            return "new";
        case index::LocaleOutcome::Publication::REBUILT_ASIDE:
            return "rebuilt";
        case index::LocaleOutcome::Publication::UNCHANGED:
            return "unchanged";
        case index::LocaleOutcome::Publication::UPDATED_IN_PLACE:
            break;
    }
    return "updated";
}

/// Each locale database the run published, how, and the profile it carries from now on.
void print_locales(const std::vector<index::LocaleOutcome>& locales) {
    for (const auto& locale : locales) {
        std::string how = publication_name(locale.publication);
        if (!locale.rebuilt_because.empty()) how += " (it " + locale.rebuilt_because + ")";
        std::printf("  %s: %s, profile %s\n", locale.locale.c_str(), how.c_str(), locale.profile.c_str());
    }
}

nlohmann::json locales_json(const std::vector<index::LocaleOutcome>& locales) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& locale : locales) {
        nlohmann::json entry{{"locale", locale.locale},
                             {"publication", publication_name(locale.publication)},
                             {"profile", locale.profile}};
        if (!locale.rebuilt_because.empty()) entry["rebuilt_because"] = locale.rebuilt_because;
        out.push_back(entry);
    }
    return out;
}

/// The content plan's translation table after a run (stored_translations.h).
struct TableOutcome {
    bool learned = false;  ///< false: the stored table was learned from the same articles and revisions
    std::size_t terms = 0, characters = 0;
    double seconds = 0;
    std::string skipped;  ///< why no table goes with this index (nothing published, the file unwritable)
};

/// Learns the translation table the content plan groups languages with, now that the index is
/// published, and stores it beside the index, unless the one stored there was learned from the
/// same articles, revisions and dictionaries (an unchanged run costs a listing, not a second).
TableOutcome store_plan_translations(const IndexArgs& args, const article::HelpCenterConfig& config,
                                     analysis::AnalyzerSet& analyzers) {
    TableOutcome outcome;
    std::string revision;
    try {
        revision = search::SearchService({args.paths.index, config.default_locale}, analyzers).status().revision;
    } catch (const std::exception& e) {
        outcome.skipped = e.what();
        return outcome;
    }
    const auto started = std::chrono::steady_clock::now();
    const gaps::DictionaryOptions dictionaries;
    const std::string sources = gaps::translation_sources(args.paths.articles, revision, dictionaries);
    if (gaps::read_stored_translations(args.paths.index, sources)) return outcome;  // already learned
    const gaps::Translations translations =
        gaps::load_help_center_translations(args.paths.articles, analyzers, &dictionaries);
    try {
        gaps::store_translations(args.paths.index, translations, sources);
    } catch (const std::runtime_error& e) {  // the index is published all the same; plans learn their own
        outcome.skipped = e.what();
        return outcome;
    }
    outcome.learned = true;
    outcome.terms = translations.table.size();
    outcome.characters = translations.table.glossed_characters();
    outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return outcome;
}

nlohmann::json table_json(const TableOutcome& table) {
    if (!table.skipped.empty()) return {{"skipped", table.skipped}};
    return {{"learned", table.learned},
            {"term_translations", table.terms},
            {"glossed_characters", table.characters},
            {"seconds", table.seconds}};
}

void print_table(const TableOutcome& table, const std::filesystem::path& index) {
    const std::string path = gaps::stored_translations_path(index).generic_string();
    if (!table.skipped.empty())
        std::printf("  content-plan translations: none stored (%s)\n", table.skipped.c_str());
    else if (!table.learned)
        std::printf("  content-plan translations: %s is current\n", path.c_str());
    else
        std::printf("  content-plan translations: %zu term translations, %zu Han characters glossed, into %s "
                    "(%.2f s)\n",
                    table.terms, table.characters, path.c_str(), table.seconds);
}

int run_index(const IndexArgs& args) {
    auto config = article::load_help_center_config(args.paths.articles);
    index::IndexOptions options;
    options.index_dir = args.paths.index;
    options.load.root = args.paths.articles;
    options.load.max_article_bytes = config.max_article_bytes;
    options.load.parse_budget = config.parse_budget;
    analysis::AnalyzerSet analyzers(args.paths.locales);
    std::optional<learn::PhrasingLearner> learner;
    if (!args.events.empty()) {
        learn::LearningOptions learning;
        learning.blocked = config.learned_block_list;
        learner = learn::learn_from_events(args.events, learning);
        options.learned = [&learner](const std::string& locale, const std::string& id,
                                     const std::vector<std::string>& tiers) {
            return learner->texts_for(locale, id, tiers);
        };
    }

    // A live progress line on a terminal; one line per file with --progress (for logs and tests).
    index::IndexProgress progress;
    if (args.progress) {
        progress = [](std::size_t done, std::size_t total, const std::string& path) {
            std::fprintf(stderr, "[%zu/%zu] %s\n", done, total, path.c_str());
        };
    } else if (stderr_is_terminal() && !args.json) {
        progress = [](std::size_t done, std::size_t total, const std::string& path) {
            std::fprintf(stderr, "\r\033[K[%zu/%zu] %s", done, total, path.c_str());
            if (done == total) std::fputs("\r\033[K", stderr);
        };
    }
    index::IndexSummary summary = index::index_articles(options, analyzers, progress);
    if (!std::filesystem::is_directory(args.paths.locales))
        summary.problems.push_back({Severity::WARNING, "no_locales_folder",
                                    "no locales folder: every locale is indexed with built-in defaults (the Snowball "
                                    "stemmer of its language, no stop words, no synonyms); give --locales",
                                    args.paths.locales.string(), 0});
    const TableOutcome table = store_plan_translations(args, config, analyzers);
    print_problems(summary.problems);

    if (args.json) {
        nlohmann::json out{
            {"added", summary.added},     {"updated", summary.updated}, {"unchanged", summary.unchanged},
            {"removed", summary.removed}, {"failed", summary.failed},   {"sections", summary.sections},
            {"bytes", summary.bytes},     {"seconds", summary.seconds}, {"locales", locales_json(summary.locales)},
            {"translations", table_json(table)}};
        std::cout << out.dump(2) << '\n';
    } else {
        std::printf(
            "indexed %s into %s in %.2f s: %zu added, %zu updated, %zu unchanged, %zu removed, %zu failed "
            "(%zu sections, %.1f KiB parsed)\n",
            args.paths.articles.c_str(), args.paths.index.c_str(), summary.seconds, summary.added, summary.updated,
            summary.unchanged, summary.removed, summary.failed, summary.sections, summary.bytes / 1024.0);
        print_locales(summary.locales);
        print_table(table, args.paths.index);
        if (summary.failed > 0)
            std::printf("failed files keep the version indexed before (if any); fix them and run again\n");
    }
    bool warnings = !summary.problems.empty();
    if (summary.failed > 0 || has_errors(summary.problems) || (args.strict && warnings)) return EXIT_INPUT_FAILED;
    return EXIT_CLEAN;
}

}  // namespace

void add_index_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<IndexArgs>();
    CLI::App* command =
        app.add_subcommand("index",
                           "Index the articles: incremental, one atomic commit per locale; a killed run leaves the "
                           "published index whole");
    add_articles_option(*command, args->paths);
    add_index_option(*command, args->paths);
    add_locales_option(*command, args->paths);
    command->add_option("--events", args->events,
                        "learn the phrasings customers found each article with from this events store (the one "
                        "`anticipa serve` writes and `anticipa gaps` reads) and index them with it");
    command->add_flag("--progress", args->progress, "print one progress line per file to stderr");
    command->add_flag("--json", args->json, "print the summary as JSON");
    command->add_flag("--strict", args->strict, "exit 1 on warnings too");
    command->callback([args, &exit_code] { exit_code = run_index(*args); });
}

}  // namespace anticipa::cli
