#include "analysis/analyzer_set.h"

namespace anticipa::analysis {

AnalyzerSet::AnalyzerSet(std::filesystem::path locales_dir)
    : locales_dir_(locales_dir), source_([dir = std::move(locales_dir)](const std::string& locale) {
          return load_analysis_profile(dir, locale);
      }) {}

AnalyzerSet::AnalyzerSet(ProfileSource source) : source_(std::move(source)) {}

const Analyzer& AnalyzerSet::for_locale(const std::string& locale) {
    {
        std::lock_guard lock(mutex_);
        auto known = by_locale_.find(locale);
        if (known != by_locale_.end()) return *known->second;
    }
    AnalysisProfile profile = source_(locale);  // reads files: outside the lock
    const Analyzer& analyzer = for_profile(profile);
    std::lock_guard lock(mutex_);
    return *by_locale_.emplace(locale, &analyzer).first->second;
}

const Analyzer& AnalyzerSet::for_profile(const AnalysisProfile& profile) {
    // Each Analyzer keeps ICU and Xapian objects per thread that used it, so a profile seen
    // again (every Searcher a server opens reads the same one) must get the same Analyzer.
    const std::string key = profile_to_json(profile);
    std::lock_guard lock(mutex_);
    auto& slot = by_profile_[key];
    if (!slot) slot = std::make_unique<Analyzer>(profile);
    return *slot;
}

}  // namespace anticipa::analysis
