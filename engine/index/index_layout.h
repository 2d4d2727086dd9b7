// Index stage: where each locale's database lives inside the index folder.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace anticipa::index {

/// index/<locale>/ holds one Xapian database per locale, so term statistics and the spelling
/// dictionary of each language stay apart.
std::filesystem::path database_path(const std::filesystem::path& index_dir, const std::string& locale);

/// The locales that have a database in the index folder, sorted.
std::vector<std::string> indexed_locales(const std::filesystem::path& index_dir);

}  // namespace anticipa::index
