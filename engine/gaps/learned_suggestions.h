// Gaps stage: learned phrasings (learn/) + the articles folder -> per article, the phrasings
// customers find it with that are not yet among its `questions:`, for a writer to adopt.
#pragma once

#include "learn/phrasing_learner.h"

#include <filesystem>
#include <string>
#include <vector>

namespace anticipa::gaps {

/// One article and the phrasings to offer its writer ("customers find this article with …").
struct LearnedSuggestion {
    std::string article_id, locale, title;
    std::string path;                               ///< the file, as the writer knows it: "articles/en/account/2fa.md"
    std::vector<learn::LearnedPhrasing> phrasings;  ///< strongest first
};

/// Every published article that learns (no `learned: false`) with a learned phrasing its
/// questions do not already hold (compared folded: "Reset  Password" is "reset password"),
/// the articles with the most evidence first. Files that do not load are skipped: `anticipa
/// check` reports them.
std::vector<LearnedSuggestion> suggest_learned_phrasings(const learn::PhrasingLearner& learner,
                                                         const std::filesystem::path& articles);

}  // namespace anticipa::gaps
