// Analysis: the analyzers of every locale, built on first use from locales/ and shared.
#pragma once

#include "analysis/analyzer.h"

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace anticipa::analysis {

/// One Analyzer per locale tag; the indexer, the searcher and the gaps report ask here so they
/// all analyze a locale the same way. Thread-safe.
class AnalyzerSet {
  public:
    explicit AnalyzerSet(std::filesystem::path locales_dir) : locales_dir_(std::move(locales_dir)) {}

    /// Throws std::runtime_error when the locale's profile files are invalid.
    const Analyzer& for_locale(const std::string& locale);

    const std::filesystem::path& locales_dir() const { return locales_dir_; }

  private:
    std::filesystem::path locales_dir_;
    std::mutex mutex_;
    std::map<std::string, std::unique_ptr<Analyzer>> analyzers_;
};

}  // namespace anticipa::analysis
