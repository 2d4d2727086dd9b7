#include "index/locale_identity.h"

#include "common/locale_tag.h"
#include "index/index_layout.h"
#include "index/schema.h"

#include <stdexcept>

namespace anticipa::index {

namespace {

/// "stemmer english; anticipa-analyzer-2, ICU 72.1, Xapian 1.4.22": what decides the terms.
std::string terms_made_by(const std::optional<analysis::AnalysisProfile>& profile, const std::string& versions) {
    std::string text = profile ? "stemmer " + profile->stemmer : "an unrecorded profile";
    if (profile && profile->split_apostrophes) text += ", apostrophes split";
    if (profile && profile->fold_chinese_script) text += ", Chinese script folded";
    return text + "; " + (versions.empty() ? "unrecorded versions" : versions);
}

}  // namespace

DatabaseIdentity read_identity(const Xapian::Database& db) {
    return {.locale = db.get_metadata(META_LOCALE),
            .schema = db.get_metadata(META_SCHEMA),
            .fingerprint = db.get_metadata(META_FINGERPRINT),
            .versions = db.get_metadata(META_ANALYZER_VERSIONS),
            .profile_json = db.get_metadata(META_PROFILE)};
}

DatabaseIdentity identity_of(const std::string& locale, const analysis::Analyzer& analyzer) {
    return {.locale = locale,
            .schema = SCHEMA_VERSION,
            .fingerprint = analyzer.fingerprint(),
            .versions = analysis::analyzer_versions(),
            .profile_json = analysis::profile_to_json(analyzer.profile())};
}

void write_identity(Xapian::WritableDatabase& db, const std::string& locale, const analysis::Analyzer& analyzer) {
    const DatabaseIdentity identity = identity_of(locale, analyzer);
    db.set_metadata(META_LOCALE, identity.locale);
    db.set_metadata(META_SCHEMA, identity.schema);
    db.set_metadata(META_FINGERPRINT, identity.fingerprint);
    db.set_metadata(META_ANALYZER_VERSIONS, identity.versions);
    db.set_metadata(META_PROFILE, identity.profile_json);
}

std::optional<std::string> why_unreadable(const DatabaseIdentity& identity, const std::string& locale) {
    if (identity.fingerprint.empty())
        return "carries no analyzer fingerprint: a build that never finished, or a folder anticipa did not make";
    if (!identity.locale.empty() && identity.locale != locale)
        return "holds the database of locale " + identity.locale + ", not " + locale;
    if (identity.schema != SCHEMA_VERSION)
        return "has index schema " + identity.schema + "; this anticipa reads schema " + SCHEMA_VERSION;
    return std::nullopt;
}

std::optional<std::string> why_unusable(const DatabaseIdentity& identity, const std::string& locale,
                                        const analysis::Analyzer& analyzer) {
    if (auto why = why_unreadable(identity, locale)) return why;
    if (identity.fingerprint != analyzer.fingerprint())
        return "was made by a different analyzer (built with " +
               terms_made_by(stored_profile(identity), identity.versions) + "; read with " +
               terms_made_by(analyzer.profile(), analysis::analyzer_versions()) + ")";
    return std::nullopt;
}

std::optional<analysis::AnalysisProfile> stored_profile(const DatabaseIdentity& identity) {
    if (identity.profile_json.empty()) return std::nullopt;
    try {
        return analysis::profile_from_json(identity.profile_json);
    } catch (const std::runtime_error&) {
        return std::nullopt;
    }
}

analysis::AnalyzerSet::ProfileSource stored_profiles(std::filesystem::path index_dir) {
    return [index_dir = std::move(index_dir)](const std::string& locale) {
        std::vector<std::string> candidates;
        for (const auto& indexed : indexed_locales(index_dir))
            if (indexed == locale) candidates.insert(candidates.begin(), indexed);
            else if (language_of(indexed) == language_of(locale)) candidates.push_back(indexed);
        for (const auto& candidate : candidates) {
            try {
                auto profile = stored_profile(read_identity(Xapian::Database(database_path(index_dir, candidate))));
                if (profile) return *profile;
            } catch (const Xapian::Error&) {
                // Unreadable: the searcher reports it; the next candidate may still serve.
            }
        }
        return analysis::default_analysis_profile(locale);
    };
}

std::unique_ptr<analysis::AnalyzerSet> analyzers_for_index(const std::filesystem::path& index_dir,
                                                           const std::optional<std::filesystem::path>& locales_dir) {
    if (locales_dir) return std::make_unique<analysis::AnalyzerSet>(*locales_dir);
    return std::make_unique<analysis::AnalyzerSet>(stored_profiles(index_dir));
}

}  // namespace anticipa::index
