// Gaps stage, a bridge between languages, step 4: Unihan's English glosses of Han characters
// (kDefinition in Unihan_Readings.txt, Debian's unicode-data: /usr/share/unicode/
// Unihan_Readings.txt.bz2) -> per character, what it can mean. Debian has no Chinese-English
// dictionary; a word's characters' glosses are what there is for the Chinese words the help
// center's own translations never use ("列印": "a line; arrange" and "print, seal, stamp").
// Read when a report is made, never on the request path.
#pragma once

#include <filesystem>
#include <string>
#include <unordered_map>

namespace anticipa::gaps {

/// U+5370 -> "print, seal, stamp, chop, mark": each character's kDefinition as Unihan writes it.
using CharacterDefinitions = std::unordered_map<char32_t, std::string>;

/// Every kDefinition of `file`, Unihan_Readings.txt or its .bz2. Throws std::runtime_error naming
/// the file when it cannot be read, or naming its line when a kDefinition line is malformed.
CharacterDefinitions read_unihan_definitions(const std::filesystem::path& file);

}  // namespace anticipa::gaps
