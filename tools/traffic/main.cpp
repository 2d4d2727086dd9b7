// anticipa-traffic: replays a realistic mix of customer behaviour (searches, search-as-you-type,
// clicks, votes, deflections and escalations in several locales and tiers) against a running
// `anticipa serve`, or straight into an events store with timestamps over past days, so the
// content-plan report (`anticipa gaps`) can be demonstrated and tested end to end.
//
// Exit codes: 0 every request was answered; 1 some failed (HTTP 4xx/5xx, connection errors) or
// the store dropped events; 2 usage or environment (server unreachable, bad scenario, no index).
#include "customer.h"
#include "http_backend.h"
#include "measure_grouping.h"
#include "scenario.h"
#include "store_backend.h"

#include "analysis/analyzer_set.h"
#include "article/article.h"
#include "events/event_store.h"
#include "search/search_service.h"
#include "tier_token.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <limits>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

namespace anticipa::traffic {

namespace {

constexpr int EXIT_CLEAN = 0, EXIT_FAILED = 1, EXIT_ENVIRONMENT = 2;

struct Options {
    std::string server = "http://127.0.0.1:8080";
    std::size_t customers = 200;
    std::uint64_t events = 0;  ///< stop starting customers once this many events were made; 0: no limit
    std::uint64_t seed = 1;
    std::size_t concurrency = 4;
    std::string tier_secret;
    std::filesystem::path scenarios;
    int timeout_seconds = 10;
    bool json = false;
    bool verify = false;
    bool measure_grouping = false;
    bool print_translations = false;
    bool same_address = false;
    double pace = 0;
    // Store mode
    std::filesystem::path to_store, index_dir = "index", locales_dir = "locales", articles_dir = "articles";
    std::string default_locale = "en";
    double spread_days = 7;
    std::string until;  ///< store mode: the end of the period, "YYYY-MM-DDTHH:MM" UTC; "" = now
};

/// "2026-11-22T18:00" (UTC) -> a time point; throws std::invalid_argument on anything else.
TimePoint parse_utc_minute(const std::string& text) {
    std::tm tm{};
    char tail = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d%c", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                    &tm.tm_min, &tail) != 5)
        throw std::invalid_argument("--until must look like 2026-11-22T18:00 (UTC), got " + text);
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return std::chrono::system_clock::from_time_t(timegm(&tm));
}

/// The source tree's, which CMake names at build time (not __FILE__: a compiler cache with a
/// base_dir makes that relative), else tools/traffic/ of the current folder.
std::filesystem::path default_scenarios() {
    const std::filesystem::path in_source_tree = ANTICIPA_TRAFFIC_SCENARIOS;
    return std::filesystem::exists(in_source_tree) ? in_source_tree
                                                   : std::filesystem::path("tools/traffic/scenarios.yaml");
}

std::uint64_t mix(std::uint64_t seed, std::uint64_t number) {
    return Random(seed * 0x9E3779B97F4A7C15ULL + number).next();
}

/// When the store mode's customer came: a busy hour more often than a quiet one, within the
/// last `days` and not in the last hour (its events would still be pending in the report).
TimePoint visit_time(Random& random, const Timing& timing, double days, TimePoint now, double& position) {
    using namespace std::chrono;
    const double busiest = *std::max_element(timing.busy_hours.begin(), timing.busy_hours.end());
    const double span = std::max(days * 86400.0 - 3600.0, 60.0);
    for (;;) {
        position = random.unit();
        const TimePoint at = now - hours(1) - seconds(static_cast<std::int64_t>((1 - position) * span));
        const auto hour = duration_cast<hours>(at.time_since_epoch()).count() % 24;
        if (busiest <= 0 || random.unit() * busiest < timing.busy_hours[hour]) return at;
    }
}

struct Run {
    Run(const Options& o, const Scenario& s) : options(o), scenario(s) {}
    const Options& options;
    const Scenario& scenario;
    ActivityTally activity;
    RequestTally requests;
    std::atomic<std::size_t> next_customer{0};
};

/// One worker: runs customers one after another until there are none left (or --events were
/// made) through the backend `make_backend` builds for this thread. A customer's profile and
/// choices come from its own generator, seeded by --seed and its number, so a customer behaves
/// the same whichever thread runs it and whenever.
template <typename MakeBackend>
void work(Run& run, MakeBackend make_backend) {
    auto backend = make_backend();
    const TimePoint now =
        run.options.until.empty() ? std::chrono::system_clock::now() : parse_utc_minute(run.options.until);
    const bool store_mode = !run.options.to_store.empty();
    for (;;) {
        const std::size_t number = run.next_customer++;
        if (number >= run.options.customers) return;
        if (run.options.events > 0 && run.activity.events() >= run.options.events) return;
        Random random(mix(run.options.seed, number));
        CustomerProfile profile;
        profile.number = number;
        profile.locale = random.pick(run.scenario.locales);
        profile.tier = random.pick(run.scenario.tiers);
        // Without a tier secret the server sees everyone as basic: model them so.
        if (!store_mode && run.options.tier_secret.empty()) profile.tier = server::PUBLIC_TIER;
        profile.start = profile.latest = now;
        if (!store_mode) profile.pace = run.options.pace;
        if (store_mode) {
            profile.start = visit_time(random, run.scenario.timing, run.options.spread_days, now, profile.day_position);
            profile.advance_clock = true;
        }
        backend->next_customer(number);
        Customer(run.scenario, *backend, run.activity, profile, random).visit();
    }
}

void run_workers(Run& run, const std::function<void()>& worker) {
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < std::max<std::size_t>(run.options.concurrency, 1); ++i) threads.emplace_back(worker);
    for (auto& thread : threads) thread.join();
}

// ---- HTTP mode ----------------------------------------------------------------------------

HttpOptions http_options(const Options& options) {
    HttpOptions http;
    http.server = options.server;
    http.timeout_seconds = options.timeout_seconds;
    http.own_addresses = !options.same_address && HttpBackend::on_loopback(options.server);
    if (!options.tier_secret.empty())
        for (const std::string& tier : article::all_tiers())
            http.tokens[tier] = server::sign_tier_token(tier, options.tier_secret, std::chrono::hours(12));
    return http;
}

int run_http(Run& run) {
    const HttpOptions http = http_options(run.options);
    std::string problem;
    if (!HttpBackend::health(http, problem)) {
        std::cerr << "anticipa-traffic: " << problem << " (start `anticipa serve` first, or pass --server)\n";
        return EXIT_ENVIRONMENT;
    }
    run_workers(run, [&] { work(run, [&] { return std::make_unique<HttpBackend>(http, run.requests); }); });
    return EXIT_CLEAN;
}

// ---- store mode ---------------------------------------------------------------------------

int run_store(Run& run, std::uint64_t& dropped) {
    const Options& o = run.options;
    analysis::AnalyzerSet analyzers(o.locales_dir);
    search::SearchService service({o.index_dir, o.default_locale}, analyzers, 65536);
    AnswerBook answers(service);
    events::SqliteEventStore store({.path = o.to_store});
    const std::string run_tag = "t" + std::to_string(o.seed) + "-";
    run_workers(run, [&] {
        work(run, [&] {
            return std::make_unique<StoreBackend>(
                answers, service, store, [&store] { store.flush(); }, run_tag);
        });
    });
    store.flush();
    dropped = store.stats().dropped;
    return EXIT_CLEAN;
}

// ---- --verify: does each phrasing find what the scenario says it finds? ---------------------

/// Searches every phrasing of every answered question in process, as the most entitled reader
/// of its article, and lists those whose article is not in the top 3: a scenario whose
/// "answered" questions are not answered would make the report's numbers meaningless.
int verify_scenario(const Options& o, const Scenario& scenario) {
    analysis::AnalyzerSet analyzers(o.locales_dir);
    search::SearchService service({o.index_dir, o.default_locale}, analyzers);
    AnswerBook answers(service);
    std::size_t checked = 0, missed = 0, gaps_with_results = 0, gap_phrasings = 0;
    for (const auto& question : scenario.questions) {
        const std::string tier = question.article_tiers.empty() ? "advanced" : question.article_tiers.back();
        for (const auto& [locale, phrasings] : question.phrasings) {
            const Expectation expectation = question.expectation(locale, tier);
            for (const auto& phrasing : phrasings) {
                const Answer answer = answers.answer(phrasing, locale, tier, 3, false);
                if (expectation != Expectation::ANSWERED) {
                    ++gap_phrasings;
                    if (!answer.ids.empty()) ++gaps_with_results;
                    continue;
                }
                ++checked;
                if (std::find(answer.ids.begin(), answer.ids.end(), question.article) != answer.ids.end()) continue;
                ++missed;
                std::printf("miss  %-6s %-22s \"%s\" -> %s\n", locale.c_str(), question.article.c_str(),
                            phrasing.c_str(), answer.ids.empty() ? "(nothing)" : answer.ids.front().c_str());
            }
        }
    }
    std::printf(
        "%zu of %zu answered phrasings find their article in the top 3; %zu of %zu gap phrasings show "
        "some (wrong) results\n",
        checked - missed, checked, gaps_with_results, gap_phrasings);
    return missed == 0 ? EXIT_CLEAN : EXIT_FAILED;
}

// ---- summary ------------------------------------------------------------------------------

nlohmann::json summary_json(Run& run, double seconds, std::uint64_t dropped) {
    ActivityTally& a = run.activity;
    RequestTally& r = run.requests;
    nlohmann::json by_expectation = nlohmann::json::object(), by_question = nlohmann::json::object();
    {
        std::lock_guard lock(a.mutex);
        for (const auto& [name, count] : a.by_expectation)
            by_expectation[name] = {{"asked", count.asked}, {"unresolved", count.unresolved}};
        for (const auto& [name, count] : a.by_question)
            by_question[name] = {{"asked", count.asked}, {"unresolved", count.unresolved}};
    }
    nlohmann::json summary{{"mode", run.options.to_store.empty() ? "http" : "store"},
                           {"seed", run.options.seed},
                           {"seconds", seconds},
                           {"customers", a.customers.load()},
                           {"questions", a.questions.load()},
                           {"resolved", a.resolved.load()},
                           {"searches", a.searches.load()},
                           {"typing_sessions", a.typing_sessions.load()},
                           {"suggest_keystrokes", a.keystrokes.load()},
                           {"suggestion_clicks", a.suggestion_clicks.load()},
                           {"context_views", a.context_views.load()},
                           {"context_clicks", a.context_clicks.load()},
                           {"deflections", a.deflections.load()},
                           {"deflected", a.deflected.load()},
                           {"clicks", a.clicks.load()},
                           {"helpful", a.helpful.load()},
                           {"not_helpful", a.not_helpful.load()},
                           {"escalations", a.escalations.load()},
                           {"events", a.events()},
                           {"events_per_second", seconds > 0 ? a.events() / seconds : 0.0},
                           {"by_expectation", by_expectation},
                           {"by_question", by_question}};
    if (run.options.to_store.empty()) {
        summary["requests"] = {{"sent", r.sent.load()},
                               {"client_errors", r.client_errors.load()},
                               {"server_errors", r.server_errors.load()},
                               {"connection_errors", r.connection_errors.load()},
                               {"retried_after_503", r.retried.load()},
                               {"failures", r.first_failures}};
    } else {
        summary["dropped_by_store"] = dropped;
    }
    return summary;
}

void print_summary(const nlohmann::json& s, const Options& o) {
    auto n = [&](const char* key) { return s[key].get<std::uint64_t>(); };
    auto expected = [&](const char* kind) {
        return s["by_expectation"].contains(kind) ? s["by_expectation"][kind]["asked"].get<std::uint64_t>() : 0;
    };
    std::printf("anticipa-traffic: %llu customers, seed %llu, %s, %.1f s\n", (unsigned long long)n("customers"),
                (unsigned long long)o.seed,
                o.to_store.empty() ? ("against " + o.server).c_str() : ("into " + o.to_store.string()).c_str(),
                s["seconds"].get<double>());
    std::printf(
        "  questions        %8llu  (answered %llu, writing gap %llu, translation gap %llu, entitlement gap %llu)\n",
        (unsigned long long)n("questions"), (unsigned long long)expected("answered"),
        (unsigned long long)expected("writing_gap"), (unsigned long long)expected("translation_gap"),
        (unsigned long long)expected("entitlement_gap"));
    std::printf("  left unresolved  %8llu  (as the customers judged it)\n",
                (unsigned long long)(n("questions") - n("resolved")));
    std::printf("  searches         %8llu\n", (unsigned long long)n("searches"));
    std::printf("  typing sessions  %8llu  (suggest keystrokes %llu, suggestions clicked %llu)\n",
                (unsigned long long)n("typing_sessions"), (unsigned long long)n("suggest_keystrokes"),
                (unsigned long long)n("suggestion_clicks"));
    std::printf("  contact forms    %8llu  (route articles clicked %llu; deflections %llu, deflected %llu)\n",
                (unsigned long long)n("context_views"), (unsigned long long)n("context_clicks"),
                (unsigned long long)n("deflections"), (unsigned long long)n("deflected"));
    std::printf("  clicks           %8llu\n", (unsigned long long)n("clicks"));
    std::printf("  votes            %8llu  (helpful %llu, not helpful %llu)\n",
                (unsigned long long)(n("helpful") + n("not_helpful")), (unsigned long long)n("helpful"),
                (unsigned long long)n("not_helpful"));
    std::printf("  escalations      %8llu\n", (unsigned long long)n("escalations"));
    std::printf("  events           %8llu  (%.0f events/s)\n", (unsigned long long)n("events"),
                s["events_per_second"].get<double>());
    if (s.contains("requests")) {
        const auto& r = s["requests"];
        std::printf("  requests         %8llu  (4xx %llu, 5xx %llu, connection errors %llu, retried after 503 %llu)\n",
                    r["sent"].get<unsigned long long>(), r["client_errors"].get<unsigned long long>(),
                    r["server_errors"].get<unsigned long long>(), r["connection_errors"].get<unsigned long long>(),
                    r["retried_after_503"].get<unsigned long long>());
        for (const auto& failure : r["failures"]) std::printf("  failed: %s\n", failure.get<std::string>().c_str());
    } else {
        std::printf("  dropped by store %8llu\n", s["dropped_by_store"].get<unsigned long long>());
    }
}

void add_options(CLI::App& app, Options& o) {
    app.add_option("--server", o.server, "the running `anticipa serve`")->capture_default_str();
    app.add_option("--customers", o.customers, "customers to simulate (each asks 1-4 questions)")
        ->capture_default_str();
    app.add_option("--events", o.events, "stop starting customers once this many events were made (0: no limit)");
    app.add_option("--seed", o.seed, "the same seed, scenario and index give the same traffic")->capture_default_str();
    app.add_option("--concurrency", o.concurrency, "customers at a time (threads)")
        ->capture_default_str()
        ->check(CLI::Range(1, 256));
    app.add_option("--tier-secret", o.tier_secret,
                   "the server's tier_secret, to sign tier tokens (default: "
                   "ANTICIPA_TIER_SECRET; without one every customer is basic)");
    app.add_option("--scenarios", o.scenarios, "the behaviour model (default: tools/traffic/scenarios.yaml)")
        ->check(CLI::ExistingFile);
    app.add_option("--timeout", o.timeout_seconds, "seconds per request")
        ->capture_default_str()
        ->check(CLI::Range(1, 300));
    app.add_flag("--json", o.json, "print the summary as JSON");
    app.add_flag("--same-address", o.same_address,
                 "connect every customer from one address (default on a "
                 "loopback server: each customer from its own 127.x.y.z, so the report can count customers)");
    app.add_option("--pace", o.pace,
                   "HTTP mode: wait between keystrokes, reading and questions as people do, "
                   "this many times faster (60: an hour of a customer's time in a minute; default 0: no waiting)")
        ->check(CLI::Range(0.0, 1e6));
    app.add_flag("--measure-grouping", o.measure_grouping,
                 "score how the content plan groups the scenario's gap phrasings (B-cubed and "
                 "cross-language pairs; --locales, --articles), then exit");
    app.add_flag("--print-translations", o.print_translations,
                 "print the term translations that join languages in the content plan (from --articles' "
                 "translations and the installed FreeDict dictionaries), then exit");
    app.add_option("--articles", o.articles_dir,
                   "--measure-grouping: the help center whose translations bridge languages")
        ->capture_default_str();
    app.add_flag("--verify", o.verify, "check in process that each answered phrasing finds its article, then exit");
    app.add_option("--to-store", o.to_store,
                   "write the events straight into this SQLite events store instead of "
                   "asking a server, with timestamps over the last --spread-days");
    app.add_option("--index", o.index_dir, "store mode and --verify: the index answering the customers")
        ->capture_default_str();
    app.add_option("--locales", o.locales_dir, "store mode and --verify: the analysis profiles")->capture_default_str();
    app.add_option("--default-locale", o.default_locale, "store mode and --verify: the fallback locale")
        ->capture_default_str();
    app.add_option("--spread-days", o.spread_days, "store mode: spread the customers over this many past days")
        ->capture_default_str()
        ->check(CLI::Range(0.1, 3650.0));
    app.add_option("--until", o.until,
                   "store mode: the period ends here, YYYY-MM-DDTHH:MM UTC (default: now); "
                   "with it the same seed writes the same events");
}

int run_main(int argc, char** argv) {
    CLI::App app{
        "Replays customers' searches, typing, clicks, votes, deflections and escalations against a "
        "running `anticipa serve` (or into an events store), for `anticipa gaps`."};
    Options o;
    add_options(app, o);
    bool customers_given = false;
    try {
        app.parse(argc, argv);
        customers_given = app.count("--customers") > 0;
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? EXIT_CLEAN : EXIT_ENVIRONMENT;
    }
    if (o.events > 0 && !customers_given) o.customers = std::numeric_limits<std::size_t>::max();
    if (o.tier_secret.empty())
        if (const char* secret = std::getenv("ANTICIPA_TIER_SECRET")) o.tier_secret = secret;
    if (o.scenarios.empty()) o.scenarios = default_scenarios();
    try {
        const Scenario scenario = load_scenario(o.scenarios);
        if (o.verify) return verify_scenario(o, scenario);
        if (o.print_translations) {
            analysis::AnalyzerSet analyzers(o.locales_dir);
            print_translations(analyzers, o.articles_dir);
            return EXIT_CLEAN;
        }
        if (o.measure_grouping) {
            analysis::AnalyzerSet analyzers(o.locales_dir);
            const nlohmann::json measure = measure_grouping(analyzers, scenario, o.articles_dir);
            if (o.json) std::cout << measure.dump(2) << '\n';
            else print_measure(measure);
            return EXIT_CLEAN;
        }
        if (!o.until.empty()) parse_utc_minute(o.until);  // a usage error, before any work
        Run run{o, scenario};
        std::uint64_t dropped = 0;
        const auto started = std::chrono::steady_clock::now();
        const int code = o.to_store.empty() ? run_http(run) : run_store(run, dropped);
        if (code != EXIT_CLEAN) return code;
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        const nlohmann::json summary = summary_json(run, seconds, dropped);
        if (o.json) std::cout << summary.dump(2) << '\n';
        else print_summary(summary, o);
        return run.requests.failed() == 0 && dropped == 0 ? EXIT_CLEAN : EXIT_FAILED;
    } catch (const std::exception& e) {
        std::cerr << "anticipa-traffic: " << e.what() << '\n';
        return EXIT_ENVIRONMENT;
    }
}

}  // namespace
}  // namespace anticipa::traffic

int main(int argc, char** argv) {
    return anticipa::traffic::run_main(argc, argv);
}
