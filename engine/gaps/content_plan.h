// Gaps stage: the whole path from the events database (and the articles folder) to the content
// plan, the one `anticipa gaps` and the server's /admin page both call, so both show the same
// numbers and the same lists.
#pragma once

#include "gaps/gaps_report.h"
#include "gaps/translation_table.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>

namespace anticipa::gaps {

/// Where the plan reads from.
struct PlanSources {
    std::filesystem::path events_db;
    /// articles/<locale>/: stale and missing translations are checked here, and the help center's
    /// translations teach the grouping which words of two languages mean the same. A folder that
    /// does not exist (a replica that holds only the index) leaves translations unchecked, and
    /// the report says so, and groups each language on its own.
    std::filesystem::path articles;
    /// FreeDict's dictionaries (Debian's dict-freedict-*): words the help center never uses.
    std::filesystem::path dictionaries = "/usr/share/dictd";
    /// The translation table of `articles` and `dictionaries` when the caller already learned it
    /// (the server keeps one while neither changes); null: learned here.
    std::shared_ptr<const Translations> translations;
    /// A search with no click this long after it counts as unanswered; younger ones are pending.
    std::chrono::minutes session_window{30};
    /// Runs on this period's interactions before they are grouped: find_gaps_behind_results()
    /// with the index, so searches that showed results are checked for an article above the
    /// customer's tier or in another language. None (a replica's plan without an index): not checked.
    std::function<void(std::vector<Interaction>&)> check_with_index;
};

/// Streams the events of [options.since, options.until) and of the period of the same length
/// before it out of the database, folds them into interactions, builds the report and adds the
/// translations `anticipa check` finds stale or missing. Throws std::runtime_error naming the
/// file when the database or an articles configuration cannot be read.
GapsReport build_content_plan(const PlanSources& sources, analysis::AnalyzerSet& analyzers,
                              const ReportOptions& options);

}  // namespace anticipa::gaps
