// Gaps stage, a bridge between languages, step 3: a general-language bilingual dictionary in
// dictd's format (Debian's FreeDict packages: /usr/share/dictd/freedict-por-eng.index and
// .dict.dz) -> its headwords and their one-word translations. For the words the help center never
// uses, which is where gaps live; read when a report is made, never on the request path.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace anticipa::gaps {

/// "imprimir" -> {"print"}; "quadro" -> {"image", "picture", "cadre", ...} (every sense, in order).
struct DictionaryEntry {
    std::string headword;
    std::vector<std::string> translations;
};

/// `base` without extension: reads base.index and base.dict.dz (or an uncompressed base.dict).
/// Throws std::runtime_error naming the file when either cannot be read.
std::vector<DictionaryEntry> read_dictd(const std::filesystem::path& base);

/// FreeDict's name of the dictionary from `from` to `to` ("pt", "en" -> "freedict-por-eng"),
/// or "" when ICU knows no three-letter code for one of them.
std::string freedict_name(const std::string& from, const std::string& to);

}  // namespace anticipa::gaps
