// Common: a project locale tag as ICU's Locale, for display names and MessageFormat.
#pragma once

#include <unicode/locid.h>

#include <string>

namespace anticipa {

/// ICU's Locale of a BCP-47 tag ("zh-TW"); the root locale when ICU cannot parse the tag, so a
/// page still renders with neutral formatting.
inline icu::Locale icu_locale(const std::string& tag) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
    return U_FAILURE(status) ? icu::Locale::getRoot() : locale;
}

}  // namespace anticipa
