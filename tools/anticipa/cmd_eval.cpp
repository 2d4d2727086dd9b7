// anticipa eval: index a judged collection and measure the ranking (nDCG@10, MRR@10, Recall@10).
#include "anticipa/cli_support.h"

#include "eval/evaluation.h"
#include "eval/replay_evaluation.h"

#include <nlohmann/json.hpp>

#include <unistd.h>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

namespace anticipa::cli {

namespace fs = std::filesystem;

namespace {

struct EvalArgs {
    CommonPaths paths;
    std::vector<fs::path> sets;  ///< folders holding queries.tsv, qrels.tsv and docs/
    fs::path queries, qrels, docs;
    fs::path run_file;
    fs::path keep_index;               ///< index the one collection here and keep it (to serve it over HTTP)
    std::vector<std::string> ranking;  ///< "name=value" changes to the default ranking (ablations)
    bool json = false;
    bool replay_clicks = false;       ///< the replay evaluation of learned phrasings instead
    learn::LearningOptions learning;  ///< its thresholds (--learn-min-*), to measure them
};

struct CollectionFiles {
    std::string name;
    fs::path queries, qrels, docs;
};

/// A scratch index folder, removed afterwards.
class ScratchIndex {
  public:
    ScratchIndex() {
        std::string pattern = (fs::temp_directory_path() / "anticipa-eval-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a scratch folder in /tmp");
        path_ = pattern;
    }
    ~ScratchIndex() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    const fs::path& path() const { return path_; }

  private:
    fs::path path_;
};

nlohmann::json scores_json(const eval::MeanScores& s) {
    return {{"queries", s.queries},    {"nDCG@10", s.mean.ndcg10},  {"MRR@10", s.mean.mrr10},
            {"R@10", s.mean.recall10}, {"R@100", s.mean.recall100}, {"P@1", s.mean.precision1}};
}

void print_row(const std::string& label, const eval::MeanScores& s) {
    std::printf("  %-8s %7zu  %7.3f  %6.3f  %5.3f  %5.3f  %5.3f\n", label.c_str(), s.queries, s.mean.ndcg10,
                s.mean.mrr10, s.mean.recall10, s.mean.recall100, s.mean.precision1);
}

nlohmann::json evaluate_one(const CollectionFiles& files, const EvalArgs& args, const search::RankingOptions& ranking,
                            std::ofstream* run) {
    eval::JudgedCollection collection = eval::read_judged_collection(files.queries, files.qrels);
    analysis::AnalyzerSet analyzers(args.paths.locales);
    std::optional<ScratchIndex> scratch;
    if (args.keep_index.empty()) scratch.emplace();
    const fs::path index_dir = scratch ? scratch->path() : args.keep_index;
    eval::Evaluation result =
        eval::evaluate({.docs = files.docs, .index_dir = index_dir, .ranking = ranking}, collection, analyzers);
    if (run)
        for (const auto& line : result.run) *run << line << '\n';

    nlohmann::json out{
        {"set", files.name},
        {"documents", result.documents},
        {"index_seconds", result.index_seconds},
        {"query_ms_mean", result.overall.queries ? 1000 * result.query_seconds / result.overall.queries : 0},
        {"all", scores_json(result.overall)},
        {"ranking", search::describe(ranking)}};
    for (const auto& [locale, scores] : result.by_locale) out["locales"][locale] = scores_json(scores);
    if (!args.json) {
        std::printf("%s: %zu documents, indexed in %.1f s, %.2f ms per query\n", files.name.c_str(), result.documents,
                    result.index_seconds, out["query_ms_mean"].get<double>());
        std::printf("  %-8s %7s  %7s  %6s  %5s  %5s  %5s\n", "locale", "queries", "nDCG@10", "MRR@10", "R@10", "R@100",
                    "P@1");
        for (const auto& [locale, scores] : result.by_locale) print_row(locale, scores);
        if (result.by_locale.size() > 1) print_row("all", result.overall);
    }
    return out;
}

/// Σ nDCG@10 and queries over sets, for the figure over every future query.
struct ReplayTotal {
    double without = 0, with = 0, noise = 0;
    std::size_t queries = 0;
    void add(const eval::ReplayResult& r) {
        const auto n = static_cast<double>(r.without.queries);
        without += n * r.without.mean.ndcg10;
        with += n * r.with.future.mean.ndcg10;
        noise += n * r.noise.future.mean.ndcg10;
        queries += r.without.queries;
    }
    double mean(double sum) const { return queries ? sum / static_cast<double>(queries) : 0; }
};

nlohmann::json replay_json(const CollectionFiles& files, const eval::ReplayResult& r) {
    auto learned = [](const eval::LearnedRun& run) {
        return nlohmann::json{{"nDCG@10", run.future.mean.ndcg10},
                              {"clicks", run.clicks},
                              {"articles", run.articles},
                              {"phrasings", run.phrasings}};
    };
    return {{"set", files.name},
            {"past_queries", r.past_queries},
            {"future_queries", r.without.queries},
            {"without", r.without.mean.ndcg10},
            {"with", r.with.future.mean.ndcg10},
            {"noise_only", r.noise.future.mean.ndcg10},
            {"learned", learned(r.with)},
            {"noise_learned", learned(r.noise)}};
}

/// `--replay-clicks`: per set, the future half's nDCG@10 without learning, with it, and with
/// learning from random clicks only; then over every future query.
int run_replay(const EvalArgs& args, const std::vector<CollectionFiles>& collections,
               const search::RankingOptions& ranking) {
    const eval::ClickModel model;
    const learn::LearningOptions& learning = args.learning;
    if (!args.json)
        std::printf(
            "replay: %zu customers per past query; judged article clicked at rank r <= 10 with %.2f*%.2f^(r-1); "
            "else a wrong top-3 article at %.2f, voted not helpful at %.2f; noise: a random top-10 article\n"
            "learning: a phrasing counts after %g sessions of %zu clients, %.0f%% of its resolved sessions\n"
            "  %-16s %6s %6s  %8s  %8s  %10s  %s\n",
            model.customers_per_query, model.click_top, model.click_decay, model.wrong_click, model.not_helpful,
            learning.min_sessions, learning.min_clients, 100 * learning.min_share, "set", "past", "future", "without",
            "with", "noise only", "learned (articles/phrasings)");
    ReplayTotal total;
    nlohmann::json sets = nlohmann::json::array();
    for (const auto& files : collections) {
        eval::JudgedCollection collection = eval::read_judged_collection(files.queries, files.qrels);
        analysis::AnalyzerSet analyzers(args.paths.locales);
        ScratchIndex scratch;
        const eval::ReplayResult r = eval::evaluate_replay(
            {.docs = files.docs, .work_dir = scratch.path(), .ranking = ranking, .clicks = model, .learning = learning},
            collection, analyzers);
        total.add(r);
        sets.push_back(replay_json(files, r));
        if (!args.json)
            std::printf("  %-16s %6zu %6zu  %8.4f  %8.4f  %10.4f  %zu/%zu, noise %zu/%zu\n", files.name.c_str(),
                        r.past_queries, r.without.queries, r.without.mean.ndcg10, r.with.future.mean.ndcg10,
                        r.noise.future.mean.ndcg10, r.with.articles, r.with.phrasings, r.noise.articles,
                        r.noise.phrasings);
    }
    if (args.json) {
        nlohmann::json out{{"replay",
                            {{"without", total.mean(total.without)},
                             {"with", total.mean(total.with)},
                             {"noise_only", total.mean(total.noise)},
                             {"future_queries", total.queries},
                             {"learning",
                              {{"min_sessions", learning.min_sessions},
                               {"min_clients", learning.min_clients},
                               {"min_share", learning.min_share}}},
                             {"sets", sets}}},
                           {"ranking", search::describe(ranking)}};
        std::cout << out.dump(2) << '\n';
    } else if (collections.size() > 1) {
        std::printf("  %-16s %6s %6zu  %8.4f  %8.4f  %10.4f\n", "all", "", total.queries, total.mean(total.without),
                    total.mean(total.with), total.mean(total.noise));
    }
    return EXIT_CLEAN;
}

int run_eval(const EvalArgs& args) {
    std::vector<CollectionFiles> collections;
    for (const auto& set : args.sets)
        collections.push_back({set.filename().string(), set / "queries.tsv", set / "qrels.tsv", set / "docs"});
    if (!args.queries.empty() || !args.qrels.empty() || !args.docs.empty()) {
        if (args.queries.empty() || args.qrels.empty() || args.docs.empty()) {
            std::cerr << "anticipa eval: --queries, --qrels and --docs go together\n";
            return EXIT_ENVIRONMENT;
        }
        collections.push_back({args.docs.parent_path().filename().string(), args.queries, args.qrels, args.docs});
    }
    if (collections.empty()) {
        std::cerr << "anticipa eval: name a collection with --set DIR, or --queries, --qrels and --docs\n";
        return EXIT_ENVIRONMENT;
    }
    if (!args.keep_index.empty() && collections.size() != 1) {
        std::cerr << "anticipa eval: --keep-index takes exactly one collection\n";
        return EXIT_ENVIRONMENT;
    }
    const auto parsed = ranking_from(args.ranking, "eval");
    if (!parsed) return EXIT_ENVIRONMENT;
    const search::RankingOptions& ranking = *parsed;
    if (!args.json) {
        std::string settings;
        for (const auto& setting : search::describe(ranking)) settings += " " + setting;
        std::printf("ranking:%s\n", settings.c_str());
    }
    if (args.replay_clicks) return run_replay(args, collections, ranking);
    std::unique_ptr<std::ofstream> run;
    if (!args.run_file.empty()) run = std::make_unique<std::ofstream>(args.run_file);
    nlohmann::json all = nlohmann::json::array();
    for (const auto& files : collections) all.push_back(evaluate_one(files, args, ranking, run.get()));
    if (args.json) std::cout << all.dump(2) << '\n';
    return EXIT_CLEAN;
}

}  // namespace

void add_eval_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<EvalArgs>();
    CLI::App* command =
        app.add_subcommand("eval", "Index a judged collection and print nDCG@10, MRR@10 and Recall@10 per locale");
    command->add_option("--set", args->sets, "collection folder with queries.tsv, qrels.tsv, docs/ (repeatable)")
        ->check(CLI::ExistingDirectory);
    command->add_option("--queries", args->queries, "qid<TAB>locale<TAB>text")->check(CLI::ExistingFile);
    command->add_option("--qrels", args->qrels, "qid<TAB>docid<TAB>relevance")->check(CLI::ExistingFile);
    command->add_option("--docs", args->docs, "folder of judged documents (*.md)")->check(CLI::ExistingDirectory);
    command->add_option("--run", args->run_file, "also write a TREC run file (for shared/eval/metrics.py)");
    command->add_option("--ranking", args->ranking,
                        "change one ranking setting, NAME=VALUE (repeatable; e.g. k1=1.2, feedback_docs=0)");
    command->add_option("--keep-index", args->keep_index,
                        "index the collection into this folder and keep it, e.g. to serve the same index over HTTP");
    command
        ->add_option("--learn-min-sessions", args->learning.min_sessions,
                     "with --replay-clicks: sessions a learned phrasing needs")
        ->capture_default_str();
    command
        ->add_option("--learn-min-clients", args->learning.min_clients,
                     "with --replay-clicks: distinct clients a learned phrasing needs")
        ->capture_default_str();
    command
        ->add_option("--learn-min-share", args->learning.min_share,
                     "with --replay-clicks: share of a phrasing's resolved sessions its article needs")
        ->capture_default_str();
    add_locales_option(*command, args->paths);
    command->add_flag("--json", args->json, "print the scores as JSON");
    command->add_flag("--replay-clicks", args->replay_clicks,
                      "learned phrasings: simulate customers' clicks on each set's past half of queries (a fixed "
                      "split), learn, and score the future half without and with learning, and from random clicks");
    command->callback([args, &exit_code] { exit_code = run_eval(*args); });
}

}  // namespace anticipa::cli
