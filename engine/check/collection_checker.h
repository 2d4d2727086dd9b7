// Check stage: loaded articles -> problems that only show across files (duplicate ids, broken
// links, missing and stale translations, languages without UI strings). Writes nothing; for writers' own CI.
#pragma once

#include "article/article_loader.h"
#include "common/problem.h"

#include <filesystem>
#include <string>
#include <vector>

namespace anticipa::check {

struct CheckOptions {
    article::LoadOptions load;
    std::string source_locale = "en";  ///< translations record the revision of this locale's version
    std::vector<std::string> locales;  ///< every published article should exist in each
    /// locales/<tag>/messages.yaml, the pages' UI strings: a language with articles and none is
    /// warned about. "" or a missing folder: not checked.
    std::filesystem::path locales_dir;
};

struct CheckReport {
    std::size_t files = 0;
    std::size_t articles = 0;  ///< files that loaded without errors
    std::vector<Problem> problems;
};

/// Loads every file and checks the collection. Problems are sorted by file and line.
CheckReport check_articles(const CheckOptions& options);

}  // namespace anticipa::check
