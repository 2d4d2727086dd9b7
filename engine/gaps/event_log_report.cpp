#include "gaps/event_log_report.h"

#include "events/event_store.h"
#include "gaps/interaction.h"

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

}  // namespace

GapsReport report_from_event_log(const std::filesystem::path& events_db, analysis::AnalyzerSet& analyzers,
                                 const ReportOptions& options, std::chrono::minutes session_window) {
    FoldOptions fold;
    fold.session_window = session_window;
    auto [current, previous] = read_periods(events_db, {options.since, options.until}, fold);
    return build_gaps_report(current, previous, analyzers, options);
}

}  // namespace anticipa::gaps
