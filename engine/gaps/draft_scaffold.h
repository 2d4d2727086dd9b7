// Gaps stage, step 4: a head start for writers. A draft article per top gap, in the locale its
// customers asked in, that passes `anticipa check` and stays out of search until a writer
// publishes it.
#pragma once

#include "gaps/gaps_report.h"

#include <filesystem>
#include <string>
#include <vector>

namespace anticipa::gaps {

struct ScaffoldResult {
    std::vector<std::filesystem::path> written;
    std::vector<std::string> skipped;  ///< "<path>: already exists" and the like; never overwritten
};

/// Writes <dir>/<locale>/<slug>.md for each of the first `count` entries of report.gaps: front
/// matter with status: draft, the help center's source locale for a question asked in several
/// languages (its comment lists the locales that asked) or else the locale most of its customers used, the top phrasing
/// of that locale as title, the other phrasings as `questions:`, and `gap: <group key>` so `anticipa gaps --verify` can
/// later check that the published article answers them.
ScaffoldResult scaffold_drafts(const GapsReport& report, const std::filesystem::path& dir, std::size_t count);

}  // namespace anticipa::gaps
