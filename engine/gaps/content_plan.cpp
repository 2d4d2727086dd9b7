#include "gaps/content_plan.h"

#include "article/help_center_config.h"
#include "check/collection_checker.h"
#include "events/event_store.h"
#include "gaps/interaction.h"
#include "gaps/learned_suggestions.h"

#include <utility>

namespace anticipa::gaps {

namespace {

using Clock = std::chrono::system_clock;

struct Period {
    Clock::time_point since, until;
};

/// Reads the period and the one before it in one pass. Each period's folder also sees the events
/// of one session window past its end, so a click a minute after midnight still joins the search
/// it follows; interactions are then kept by the time of their search.
std::pair<std::vector<Interaction>, std::vector<Interaction>> read_periods(const std::filesystem::path& events_db,
                                                                           const Period& current,
                                                                           const FoldOptions& fold) {
    const Period previous{current.since - (current.until - current.since), current.since};
    InteractionFolder now(fold), before(fold);
    events::for_each_event(events_db, previous.since, current.until + fold.session_window, [&](events::Event&& event) {
        const bool for_before = event.at < previous.until + fold.session_window;
        const bool for_now = event.at >= current.since;
        if (for_before && for_now) before.add(events::Event(event));
        else if (for_before) before.add(std::move(event));
        if (for_now) now.add(std::move(event));
    });
    auto keep = [](std::vector<Interaction> interactions, const Period& period) {
        std::erase_if(interactions, [&](const Interaction& i) { return i.at < period.since || i.at >= period.until; });
        return interactions;
    };
    return {keep(now.finish(), current), keep(before.finish(), previous)};
}

/// The two problems of `anticipa check` a content plan cares about, found the same way.
std::vector<Problem> translation_problems(const std::filesystem::path& articles) {
    const article::HelpCenterConfig config = article::load_help_center_config(articles);
    check::CheckOptions options;
    options.load.root = articles;
    options.load.max_article_bytes = config.max_article_bytes;
    options.load.parse_budget = config.parse_budget;
    options.source_locale = config.source_locale;
    options.locales = config.locales;
    std::vector<Problem> kept;
    for (Problem& problem : check::check_articles(options).problems)
        if (problem.code == "stale_translation" || problem.code == "missing_translation")
            kept.push_back(std::move(problem));
    return kept;
}

/// What `anticipa index --events` learns from the same store, as suggestions for writers.
std::vector<LearnedSuggestion> learned_suggestions(const PlanSources& sources) {
    learn::LearningOptions options;
    options.blocked = article::load_help_center_config(sources.articles).learned_block_list;
    return suggest_learned_phrasings(learn::learn_from_events(sources.events_db, options), sources.articles);
}

}  // namespace

GapsReport build_content_plan(const PlanSources& sources, analysis::AnalyzerSet& analyzers,
                              const ReportOptions& options) {
    FoldOptions fold;
    fold.session_window = sources.session_window;
    auto [current, previous] = read_periods(sources.events_db, {options.since, options.until}, fold);
    if (sources.check_with_index) sources.check_with_index(current);
    std::error_code error;
    const bool have_articles = !sources.articles.empty() && std::filesystem::is_directory(sources.articles, error);
    // The help center's own translations, then dictionaries, bridge languages; without the
    // articles, none does.
    std::shared_ptr<const Translations> translations = sources.translations;
    if (have_articles && !translations) {
        const DictionaryOptions dictionaries{.folder = sources.dictionaries};
        translations = std::make_shared<const Translations>(
            load_help_center_translations(sources.articles, analyzers, &dictionaries));
    }
    if (!translations) translations = std::make_shared<const Translations>();
    GapsReport report = build_gaps_report(current, previous, analyzers, options, translations->table);
    report.grouping_warnings = translations->warnings;
    if (have_articles) {
        report.stale_translations = translation_problems(sources.articles);
        report.translations_checked_in = sources.articles.generic_string();
        report.learned = learned_suggestions(sources);
    }
    return report;
}

}  // namespace anticipa::gaps
