// Test support: analysis profiles built in code, so unit tests of the analyzer read no locales/
// folder. They carry what a language's profile switches on (Chinese script folding for zh,
// apostrophe splitting for Italian) and no stop words or synonyms.
#pragma once

#include "analysis/analysis_profile.h"

#include <string>

namespace anticipa::test {

/// The profile of `locale` with `stemmer` ("english", "none"), as the language's own would set
/// its switches: zh folds Traditional to Simplified, it splits "dell'account" at the apostrophe.
inline analysis::AnalysisProfile analysis_profile(const std::string& locale, const std::string& stemmer) {
    analysis::AnalysisProfile profile;
    profile.locale = locale;
    profile.stemmer = stemmer;
    profile.fold_chinese_script = locale.starts_with("zh");
    profile.split_apostrophes = locale == "it";
    return profile;
}

}  // namespace anticipa::test
