// Index stage: the locale catalog. The list of published locales, kept as a tiny Xapian database
// in the index folder, so a replica learns of a new locale through Xapian's replication alone.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace anticipa::index {

/// The catalog's folder name inside the index folder: hidden and no language tag, so no reader
/// takes it for a locale; xapian-replicate copies it like any database (`-m .locales`).
inline const std::string LOCALE_CATALOG = ".locales";

/// The metadata key holding the published locales, space-separated and sorted ("en pt zh-TW"):
/// what `xapian-metadata get index/.locales locales` prints to a replica's script.
inline const std::string LOCALE_CATALOG_KEY = "locales";

/// Writes the locales published in the index folder (indexed_locales()) to the catalog, as one
/// commit, only when the list changed, so an unchanged index publishes no new catalog revision.
/// A catalog that cannot be opened is deleted and written anew. Call under the IndexWriterLock.
/// Throws Xapian::Error when the catalog cannot be written.
void publish_locale_catalog(const std::filesystem::path& index_dir);

/// The locales a catalog lists (a glass folder, or a replica's stub); empty when it has none.
std::vector<std::string> read_locale_catalog(const std::filesystem::path& catalog);

}  // namespace anticipa::index
