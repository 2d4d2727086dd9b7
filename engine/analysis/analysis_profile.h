// Analysis stage settings: how one language turns text into terms, read from locales/<tag>/.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace anticipa::analysis {

/// Read from locales/<tag>/analysis.yaml (or locales/<language>/ when the tag has none), with its
/// stop word and synonym files. Adding a language means adding that folder, not code.
struct AnalysisProfile {
    std::string locale;            ///< the tag this profile serves, e.g. "pt-BR"
    std::string source;            ///< where it was read: "locales/pt", or "defaults"
    std::string stemmer = "none";  ///< a Xapian::Stem language, or "none"
    std::vector<std::string> stopwords;
    std::vector<std::vector<std::string>> synonym_groups;  ///< each line: equivalent words or phrases
    bool split_apostrophes = false;    ///< Italian/French elision: "dell'account" -> "dell", "account"
    bool fold_chinese_script = false;  ///< Traditional -> Simplified before matching
};

/// Loads the profile for `locale`. Without a folder, falls back to Xapian's Snowball stemmer for
/// the language if there is one (any Snowball language works with no configuration).
/// Throws std::runtime_error naming the file when a profile file is unreadable or invalid.
AnalysisProfile load_analysis_profile(const std::filesystem::path& locales_dir, const std::string& locale);

}  // namespace anticipa::analysis
