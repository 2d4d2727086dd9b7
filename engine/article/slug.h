// Article stage: heading text -> anchor slug for deep links.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace anticipa::article {

/// "Códigos de backup (2FA)" -> "códigos-de-backup-2fa": case-folded letters and digits of any
/// script kept, runs of anything else become one hyphen. Unicode letters stay so Chinese headings
/// get readable anchors.
std::string slugify(std::string_view heading);

/// Splits an explicit "{#anchor}" off the end of a heading: writers pin anchors this way so
/// links survive a reworded heading and stay the same across translations.
/// Returns the explicit anchor ("" if none) and strips it from `heading`.
std::string take_explicit_anchor(std::string& heading);

/// Makes `anchor` unique among `used` by appending -2, -3, ... and records it.
std::string unique_anchor(std::string anchor, std::set<std::string>& used);

}  // namespace anticipa::article
