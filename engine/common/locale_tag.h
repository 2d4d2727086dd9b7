// Common: BCP-47 locale tags as the project writes them ("pt", "pt-BR", "zh-TW").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace anticipa {

/// The canonical spelling of a well-formed tag ("PT-br" -> "pt-BR", "zh-hant-tw" -> "zh-Hant-TW"),
/// or nullopt when it is not a language tag at all ("../etc", "english").
std::optional<std::string> canonical_locale(std::string_view tag);

/// The language subtag: "pt-BR" -> "pt".
std::string language_of(std::string_view tag);

/// True when ICU knows the language subtag as an ISO 639 language ("pt" yes, "qq" no).
bool is_known_language(std::string_view tag);

/// The canonical form of a tag whose language ICU knows, or nullopt: the one test of a locale
/// named by a request, a folder or a setting ("PT-br" -> "pt-BR"; "../etc", "qq" -> nullopt).
std::optional<std::string> known_locale(std::string_view tag);

}  // namespace anticipa
