// Gaps stage: the whole path from the events database to a report, shared by `anticipa gaps`
// and the server's admin page so both show the same numbers.
#pragma once

#include "gaps/gaps_report.h"

#include <chrono>
#include <filesystem>

namespace anticipa::gaps {

/// Streams the events of [options.since, options.until) and of the period of the same length
/// before it out of the database, folds them into interactions and builds the report.
/// Throws std::runtime_error naming the file when the database cannot be read.
GapsReport report_from_event_log(const std::filesystem::path& events_db, analysis::AnalyzerSet& analyzers,
                                 const ReportOptions& options,
                                 std::chrono::minutes session_window = std::chrono::minutes(30));

}  // namespace anticipa::gaps
