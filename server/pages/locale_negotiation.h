// Server pages: an Accept-Language header + the locales the site offers -> the page locale.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace anticipa::server::pages {

/// The offered locale that best matches the header's ranges, taken by decreasing q: the same tag,
/// else the same language and script (ICU's likely subtags: "zh-CN" and "zh" are Hans, "zh-HK"
/// is Hant; "pt-BR" is Latn like "pt"), else the same language. `fallback` when nothing matches.
std::string negotiate_locale(std::string_view accept_language, const std::vector<std::string>& offered,
                             const std::string& fallback);

}  // namespace anticipa::server::pages
