// Gaps stage, a bridge between languages, step 3: the translation table learned once per index
// run and kept beside the index (`<index>/translations.tsv`), so a content plan reads it in
// milliseconds instead of aligning every article and reading the dictionaries again (about a
// second on the sample help center). Stamped with what it was learned from: a plan made after the
// articles, the index or the dictionaries changed learns its own table instead.
#pragma once

#include "gaps/translation_table.h"

#include <filesystem>
#include <optional>
#include <string>

namespace anticipa::gaps {

/// What a table is learned from, as one hash: each article file's name, size and time, the index
/// revisions it goes with ("en:4 pt:4 ...", SearchService::status().revision: a new revision may
/// carry new synonyms, hence other terms), and the dictionary files read.
std::string translation_sources(const std::filesystem::path& articles_dir, const std::string& index_revision,
                                const DictionaryOptions& dictionaries);

std::filesystem::path stored_translations_path(const std::filesystem::path& index_dir);

/// Writes the table beside the index, whole or not at all (a new file renamed into place), so a
/// plan reading it meanwhile reads the old table or the new one. Throws std::runtime_error naming
/// the file when it cannot be written.
void store_translations(const std::filesystem::path& index_dir, const Translations& translations,
                        const std::string& sources);

/// The stored table when it was learned from `sources`; nothing when there is none, it was learned
/// from something else, or it cannot be read (a plan then learns its own).
std::optional<Translations> read_stored_translations(const std::filesystem::path& index_dir,
                                                     const std::string& sources);

/// The table a content plan of these articles, served from this index, groups languages with:
/// the one stored beside the index when it was learned from `sources` (translation_sources() of
/// the articles, the served revision and `dictionaries`), else learned now
/// (load_help_center_translations() with the dictionaries). Throws std::runtime_error naming the
/// file when the articles' anticipa.yaml is invalid.
Translations plan_translations(const std::filesystem::path& articles_dir, const std::filesystem::path& index_dir,
                               const std::string& sources, analysis::AnalyzerSet& analyzers,
                               const DictionaryOptions& dictionaries = {});

}  // namespace anticipa::gaps
