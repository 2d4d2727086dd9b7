// Gaps stage: the whole path from the events database (and the articles folder) to the content
// plan, the one `anticipa gaps` and the server's /admin page both call, so both show the same
// numbers and the same lists.
#pragma once

#include "gaps/gaps_report.h"

#include <chrono>
#include <filesystem>

namespace anticipa::gaps {

/// Where the plan reads from.
struct PlanSources {
    std::filesystem::path events_db;
    /// articles/<locale>/: stale and missing translations are checked here. A folder that does
    /// not exist (a replica that holds only the index) leaves them unchecked, and the report says so.
    std::filesystem::path articles;
    /// A search with no click this long after it counts as unanswered; younger ones are pending.
    std::chrono::minutes session_window{30};
};

/// Streams the events of [options.since, options.until) and of the period of the same length
/// before it out of the database, folds them into interactions, builds the report and adds the
/// translations `anticipa check` finds stale or missing. Throws std::runtime_error naming the
/// file when the database or an articles configuration cannot be read.
GapsReport build_content_plan(const PlanSources& sources, analysis::AnalyzerSet& analyzers,
                              const ReportOptions& options);

}  // namespace anticipa::gaps
