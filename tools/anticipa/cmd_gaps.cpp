// anticipa gaps: what customers could not find, grouped into the questions behind their words,
// as the content plan (Markdown, CSV, JSON or HTML); draft articles for the top gaps; and a check
// that closed gaps stay closed.
#include "anticipa/cli_support.h"

#include "analysis/analyzer_set.h"
#include "article/help_center_config.h"
#include "events/event_store.h"
#include "gaps/answered_gaps.h"
#include "gaps/content_plan.h"
#include "gaps/draft_scaffold.h"
#include "gaps/gap_verification.h"
#include "gaps/gaps_report.h"
#include "gaps/plan_options.h"
#include "gaps/report_writers.h"
#include "gaps/stored_translations.h"
#include "index/index_layout.h"
#include "index/locale_identity.h"
#include "search/search_service.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <limits>
#include <memory>
#include <optional>
#include <variant>

namespace anticipa::cli {

namespace {

using Clock = std::chrono::system_clock;

struct GapsArgs {
    CommonPaths paths;
    std::filesystem::path events = events::default_events_path();
    gaps::PlanOptionText plan;
    std::string format = "md";
    std::string table;  ///< CSV: which table of the report; empty: the gaps
    std::filesystem::path out;
    std::size_t top = 20;
    std::filesystem::path scaffold;
    bool verify = false;
    int session_window_minutes = 30;
};

/// A usage error: the message names the flag and its value, the exit code is 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// `gaps::parse_plan_options`'s error as the command line says it: "--since `yesterday`: ...".
std::string usage_message(const gaps::PlanOptionError& error) {
    return "--" + error.option + " `" + error.value + "`: expected " + error.expected;
}

/// Before the events are read: a mistyped table fails at once, naming the tables there are.
void check_table(const GapsArgs& args, gaps::ReportFormat format) {
    if (args.table.empty()) return;
    if (!gaps::is_csv_table(args.table))
        throw UsageError("--table `" + args.table + "`: expected one of " + gaps::csv_table_list());
    if (format != gaps::ReportFormat::CSV)
        throw UsageError("--table `" + args.table + "` is for --format csv (the other formats hold every table)");
}

/// Opened before the events are read, so a bad --out fails in a second, not after a million events.
std::unique_ptr<std::ofstream> open_output(const std::filesystem::path& out) {
    if (out.empty()) return nullptr;
    auto file = std::make_unique<std::ofstream>(out, std::ios::binary | std::ios::trunc);
    if (!*file) throw UsageError("--out `" + out.string() + "` cannot be written");
    return file;
}

void write_output(const GapsArgs& args, std::ofstream* file, const std::string& text) {
    if (!file) {
        std::cout << text << std::flush;
        return;
    }
    *file << text;
    file->close();
    if (!*file) throw std::runtime_error("cannot write the report to " + args.out.string());
}

void scaffold(const GapsArgs& args, const gaps::GapsReport& report) {
    const gaps::ScaffoldResult result = gaps::scaffold_drafts(report, args.scaffold, args.top);
    // With the report on stdout, the list goes to stderr so the report stays parseable.
    std::ostream& list = args.out.empty() ? std::cerr : std::cout;
    for (const auto& path : result.written) list << "wrote " << path.generic_string() << '\n';
    for (const auto& reason : result.skipped) list << "skipped " << reason << '\n';
}

/// The index, to look for the articles unresolved searches with results missed (above the
/// customer's tier, in another language); none when it cannot be opened, with a warning.
std::unique_ptr<search::SearchService> open_search(const GapsArgs& args, analysis::AnalyzerSet& analyzers) {
    try {
        const article::HelpCenterConfig config = article::load_help_center_config(args.paths.articles);
        return std::make_unique<search::SearchService>(search::SearcherOptions{args.paths.index, config.default_locale},
                                                       analyzers);
    } catch (const std::exception& e) {
        std::cerr << "anticipa gaps: warning: searches that showed results are not checked for articles above "
                     "the tier or in another language: "
                  << e.what() << '\n';
        return nullptr;
    }
}

/// find_gaps_behind_results() through `search`, or nothing without an index.
std::function<void(std::vector<gaps::Interaction>&)> checker(search::SearchService* search) {
    if (!search) return {};
    return [search](std::vector<gaps::Interaction>& interactions) {
        gaps::find_gaps_behind_results(interactions, *search);
    };
}

/// The plan's translation table as the server takes it: the one `anticipa index` stored beside
/// the index while it fits the articles and the index, else learned now. Null without an index
/// or articles; the plan then learns its own, or groups each language alone.
std::shared_ptr<const gaps::Translations> plan_table(const GapsArgs& args, search::SearchService* search,
                                                     analysis::AnalyzerSet& analyzers) {
    std::error_code error;
    if (!search || !std::filesystem::is_directory(args.paths.articles, error)) return nullptr;
    const std::string sources = gaps::translation_sources(args.paths.articles, search->status().revision, {});
    return std::make_shared<const gaps::Translations>(
        gaps::plan_translations(args.paths.articles, args.paths.index, sources, analyzers));
}

int run_report(const GapsArgs& args, gaps::ReportFormat format, gaps::ReportOptions options) {
    auto output = open_output(args.out);
    auto analyzers = index::analyzers_for_index(args.paths.index, locales_override(args.paths));
    options.top = args.top;
    const auto search = open_search(args, *analyzers);
    const gaps::GapsReport report =
        gaps::build_content_plan({.events_db = args.events,
                                  .articles = args.paths.articles,
                                  .translations = plan_table(args, search.get(), *analyzers),
                                  .session_window = std::chrono::minutes(args.session_window_minutes),
                                  .check_with_index = checker(search.get())},
                                 *analyzers, options);
    for (const std::string& warning : report.grouping_warnings)
        std::cerr << "anticipa gaps: warning: " << warning << '\n';
    const std::string text = format == gaps::ReportFormat::CSV
                                 ? gaps::write_csv(report, args.table.empty() ? "gaps" : args.table)
                                 : gaps::write_report(report, format);
    write_output(args, output.get(), text);
    if (!args.out.empty())
        std::cerr << "anticipa gaps: " << report.searches << " searches, " << report.unresolved << " unresolved; wrote "
                  << args.out.string() << '\n';
    if (!args.scaffold.empty()) scaffold(args, report);
    return EXIT_CLEAN;
}

/// Replays every closed gap's logged phrasings through the current index: exit 1 if one fails.
int run_verify(const GapsArgs& args) {
    gaps::FoldOptions fold;
    fold.session_window = std::chrono::minutes(args.session_window_minutes);
    gaps::InteractionFolder folder(fold);
    events::for_each_event(args.events, Clock::time_point{}, fold.now + fold.session_window,
                           [&](events::Event&& event) { folder.add(std::move(event)); });
    auto analyzers = index::analyzers_for_index(args.paths.index, locales_override(args.paths));
    // Every group the log knows, with every phrasing: the checks look gaps up by key.
    gaps::ReportOptions options;
    options.until = fold.now;
    options.top = options.phrasings = std::numeric_limits<std::size_t>::max();
    const gaps::GapsReport logged = gaps::build_gaps_report(folder.finish(), {}, *analyzers, options);

    const article::HelpCenterConfig config = article::load_help_center_config(args.paths.articles);
    search::SearchService search({args.paths.index, config.default_locale}, *analyzers);
    const auto checks = gaps::verify_closed_gaps(logged.top_questions, search, {args.paths.articles, 3});
    std::size_t failed = 0;
    for (const gaps::GapCheck& check : checks) {
        if (check.phrasings == 0) {  // expired by retention, or a mistyped key: say so, do not fail
            std::cout << "SKIP " << check.article_id << " (" << check.locale << ") closes " << check.gap_key
                      << ": no logged phrasings of that gap to replay\n";
            continue;
        }
        std::cout << (check.passed() ? "PASS " : "FAIL ") << check.article_id << " (" << check.locale << ") closes "
                  << check.gap_key << ": " << check.phrasings - check.failing.size() << " of " << check.phrasings
                  << " phrasings find it in the top 3\n";
        for (const std::string& phrasing : check.failing) std::cout << "       misses: \"" << phrasing << "\"\n";
        if (!check.passed()) ++failed;
    }
    if (checks.empty()) std::cout << "no published article names a gap (front matter `gap:`): nothing to verify\n";
    else std::cout << checks.size() - failed << " of " << checks.size() << " closed gaps still closed\n";
    return failed > 0 ? EXIT_INPUT_FAILED : EXIT_CLEAN;
}

int run_gaps(const GapsArgs& args) {
    try {
        const gaps::ReportFormat format = gaps::parse_report_format(args.format);
        check_table(args, format);
        check_events_option(args.events);
        auto options = gaps::parse_plan_options(args.plan, Clock::now());
        if (auto* error = std::get_if<gaps::PlanOptionError>(&options)) throw UsageError(usage_message(*error));
        if (args.paths.locales_given && !std::filesystem::is_directory(args.paths.locales))
            std::cerr << "anticipa gaps: warning: no locales folder at " << args.paths.locales.string()
                      << "; grouping without the stop words and synonyms of locales/\n";
        if (!args.paths.locales_given && index::indexed_locales(args.paths.index).empty())
            std::cerr << "anticipa gaps: warning: no index at " << args.paths.index.string()
                      << " to take the analysis profiles from; grouping without stop words and synonyms (give "
                         "--index, or --locales)\n";
        return args.verify ? run_verify(args) : run_report(args, format, std::get<gaps::ReportOptions>(options));
    } catch (const std::invalid_argument& e) {  // parse_report_format
        std::cerr << "anticipa gaps: --format: " << e.what() << '\n';
    } catch (const UsageError& e) {
        std::cerr << "anticipa gaps: " << e.what() << '\n';
    } catch (const std::runtime_error& e) {  // --events, the events store, locales/, articles/: each names its file
        std::cerr << "anticipa gaps: " << e.what() << '\n';
    }
    return EXIT_ENVIRONMENT;
}

}  // namespace

void add_gaps_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<GapsArgs>();
    CLI::App* command =
        app.add_subcommand("gaps", "The content plan: unresolved searches grouped into questions, ranked, with trends");
    command
        ->add_option(
            "--events", args->events,
            "the events store `anticipa serve` writes: a SQLite file or a postgresql:// URI (env ANTICIPA_EVENTS)")
        ->capture_default_str();
    command
        ->add_option("--since", args->plan.since,
                     "start of the period: a duration back from --until (7d, 24h, 2w) or a "
                     "date (YYYY-MM-DD, UTC)")
        ->capture_default_str();
    command->add_option("--until", args->plan.until, "end of the period: now, or a date (exclusive)")
        ->capture_default_str();
    command->add_option("--locale,-l", args->plan.locale,
                        "only customers of this locale (pt, or zh for zh-TW and zh-CN)");
    command->add_option("--tier", args->plan.tier, "only customers of this tier (basic, standard or advanced)");
    command->add_option("--format", args->format, "md, csv, json or html")->capture_default_str();
    command->add_option("--table", args->table,
                        "with --format csv, one table of the report (default gaps): " + gaps::csv_table_list());
    command->add_option("--out,-o", args->out, "write the report to this file instead of stdout");
    command->add_option("--top,-n", args->top, "groups per list, and drafts with --scaffold")
        ->capture_default_str()
        ->check(CLI::Range(1, 10000));
    add_index_option(*command, args->paths);
    add_locales_override_option(*command, args->paths);
    add_articles_option(*command, args->paths);
    command
        ->add_option("--session-window", args->session_window_minutes,
                     "minutes a search may wait for its click before it counts as unanswered")
        ->check(CLI::Range(0, 24 * 60))
        ->capture_default_str();
    command->add_option("--scaffold", args->scaffold, "write a draft article for each of the top gaps under DIR");
    command->add_flag("--verify", args->verify,
                      "replay the logged phrasings of every closed gap (articles with `gap:`) against the index; "
                      "exit 1 if one fails");
    command->callback([args, &exit_code] { exit_code = run_gaps(*args); });
}

}  // namespace anticipa::cli
