// Analysis: the analyzers of every locale, built on first use from a profile source and shared.
#pragma once

#include "analysis/analyzer.h"

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace anticipa::analysis {

/// One Analyzer per locale tag; the indexer, the searcher and the gaps report ask here so they
/// all analyze a locale the same way. Thread-safe. Analyzers live as long as the set, so the
/// references it hands out stay valid.
class AnalyzerSet {
  public:
    /// Where the profile of a locale comes from when it is not a locales/ folder.
    using ProfileSource = std::function<AnalysisProfile(const std::string& locale)>;

    /// Profiles read from locales/<tag>/: what `anticipa index` builds with. For reading an
    /// index, an override of the profiles its databases carry.
    explicit AnalyzerSet(std::filesystem::path locales_dir);

    /// Profiles from elsewhere: the ones an index carries (index::stored_profiles).
    explicit AnalyzerSet(ProfileSource source);

    /// Throws std::runtime_error when the locale's profile is invalid.
    const Analyzer& for_locale(const std::string& locale);

    /// The analyzer of exactly this profile (one per distinct profile): what a locale database
    /// was built with, read from the database itself.
    const Analyzer& for_profile(const AnalysisProfile& profile);

    /// The locales/ folder the profiles come from; none when they come from the index.
    const std::optional<std::filesystem::path>& locales_dir() const { return locales_dir_; }

  private:
    std::optional<std::filesystem::path> locales_dir_;
    ProfileSource source_;
    std::mutex mutex_;
    std::map<std::string, const Analyzer*> by_locale_;
    std::map<std::string, std::unique_ptr<Analyzer>> by_profile_;  ///< keyed by profile_to_json
};

}  // namespace anticipa::analysis
