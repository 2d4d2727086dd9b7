// Index stage: what a locale database says about how it was made (the analysis profile it was
// built with, its analyzer's fingerprint and versions, the schema), written with every revision
// it publishes and checked by every reader and writer before they trust its terms.
#pragma once

#include "analysis/analyzer_set.h"

#include <xapian.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace anticipa::index {

/// The metadata of one locale database (schema.h names the keys). Xapian metadata is committed
/// and replicated with the revision, so the profile travels with the terms it made.
struct DatabaseIdentity {
    std::string locale;
    std::string schema;
    std::string fingerprint;   ///< Analyzer::fingerprint() of the analyzer that built it
    std::string versions;      ///< analysis::analyzer_versions() of the binary that built it
    std::string profile_json;  ///< analysis::profile_to_json(); empty in databases made before it was stored

    bool operator==(const DatabaseIdentity&) const = default;
};

DatabaseIdentity read_identity(const Xapian::Database& db);

/// What write_identity() records for `locale` built by `analyzer`.
DatabaseIdentity identity_of(const std::string& locale, const analysis::Analyzer& analyzer);

/// Records the locale, the schema and the analyzer (profile, fingerprint, versions).
void write_identity(Xapian::WritableDatabase& db, const std::string& locale, const analysis::Analyzer& analyzer);

/// Why the database of `locale` cannot be used with any analyzer (never finished, another
/// locale's, another schema), or nothing.
std::optional<std::string> why_unreadable(const DatabaseIdentity& identity, const std::string& locale);

/// Why the database of `locale` cannot be read or updated with `analyzer` (its terms would not
/// be the terms this analyzer makes), or nothing when it can.
std::optional<std::string> why_unusable(const DatabaseIdentity& identity, const std::string& locale,
                                        const analysis::Analyzer& analyzer);

/// The profile the database was built with; nothing when it carries none (or an unreadable one).
std::optional<analysis::AnalysisProfile> stored_profile(const DatabaseIdentity& identity);

/// For analyzing text outside a search (the content plan): the profile the index built each
/// locale with, from the locale's own database or else one of its language (zh-CN reads zh-TW's);
/// built-in defaults for a language the index does not have.
analysis::AnalyzerSet::ProfileSource stored_profiles(std::filesystem::path index_dir);

/// The analyzers for reading the index in `index_dir`: of the profiles its databases carry, or of
/// `locales_dir` when one is given (an override, which the searcher checks against each database).
std::unique_ptr<analysis::AnalyzerSet> analyzers_for_index(const std::filesystem::path& index_dir,
                                                           const std::optional<std::filesystem::path>& locales_dir);

}  // namespace anticipa::index
