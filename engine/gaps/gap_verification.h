// Gaps stage, step 5: a closed gap stays closed. Each published article that names the gap it
// closes (front matter `gap: <group key>`) is checked against the phrasings customers logged for
// that gap, through the current index: a relevance regression check writers can run in CI.
#pragma once

#include "gaps/gaps_report.h"
#include "search/search_service.h"

#include <filesystem>
#include <string>
#include <vector>

namespace anticipa::gaps {

struct GapCheck {
    std::string gap_key;
    std::string article_id;
    std::string locale;
    std::size_t phrasings = 0;         ///< logged phrasings replayed
    std::vector<std::string> failing;  ///< phrasings whose results miss the article in the top `depth`
    bool passed() const { return failing.empty(); }
};

struct VerifyOptions {
    std::filesystem::path articles_dir;  ///< where the `gap:` front matter is read
    std::size_t depth = 3;               ///< the article must rank this high
};

/// `logged` is every group the event log knows (top_questions of a report over the whole log).
/// Replays as the advanced tier, in the article's locale.
std::vector<GapCheck> verify_closed_gaps(const std::vector<QuestionGroup>& logged, search::SearchService& search,
                                         const VerifyOptions& options);

}  // namespace anticipa::gaps
