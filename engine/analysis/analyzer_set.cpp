#include "analysis/analyzer_set.h"

namespace anticipa::analysis {

const Analyzer& AnalyzerSet::for_locale(const std::string& locale) {
    std::lock_guard lock(mutex_);
    auto& slot = analyzers_[locale];
    if (!slot) slot = std::make_unique<Analyzer>(load_analysis_profile(locales_dir_, locale));
    return *slot;
}

}  // namespace anticipa::analysis
