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

/// The profile of a language without a folder: Xapian's Snowball stemmer for it if there is one.
AnalysisProfile default_analysis_profile(const std::string& locale);

/// The profile as one line of JSON: the form an index database carries it in, so a server or a
/// replica with no locales/ folder analyzes exactly as the indexing host did.
std::string profile_to_json(const AnalysisProfile& profile);

/// Reads what profile_to_json wrote. Throws std::runtime_error when the text is not a profile.
AnalysisProfile profile_from_json(const std::string& text);

/// What two profiles do differently to text, one phrase each ("stemmer english, not none",
/// "stop words", "synonyms"); empty when they analyze alike. Where each was read is not compared.
std::vector<std::string> profile_differences(const AnalysisProfile& ours, const AnalysisProfile& theirs);

/// One line for people: "locales/pt (stemmer portuguese, 141 stop words, 12 synonym groups)".
std::string describe_profile(const AnalysisProfile& profile);

}  // namespace anticipa::analysis
