// Index stage: what a locale database records about how it was made, and when a reader or a
// writer must not trust its terms. In-memory Xapian databases; no files.
#include "index/locale_identity.h"
#include "index/schema.h"

#include <catch2/catch.hpp>

using namespace anticipa;

namespace {

analysis::AnalysisProfile english(const std::string& stemmer = "english") {
    analysis::AnalysisProfile profile;
    profile.locale = "en";
    profile.source = "locales/en";
    profile.stemmer = stemmer;
    profile.stopwords = {"the"};
    profile.synonym_groups = {{"invoice", "receipt"}};
    return profile;
}

Xapian::WritableDatabase in_memory() {
    return Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
}

/// The names of the identity keys that are set (in-memory databases cannot list their keys).
std::string identity_keys(const Xapian::Database& db) {
    std::string keys;
    for (const std::string& key : {index::META_FINGERPRINT, index::META_ANALYZER_VERSIONS, index::META_LOCALE,
                                   index::META_PROFILE, index::META_SCHEMA})
        if (!db.get_metadata(key).empty()) keys += (keys.empty() ? "" : " ") + key;
    return keys;
}

}  // namespace

TEST_CASE("Locale identity: a database records its locale, schema, analyzer and whole profile", "[index]") {
    const analysis::Analyzer analyzer(english());
    Xapian::WritableDatabase db = in_memory();
    index::write_identity(db, "en", analyzer);
    CHECK(identity_keys(db) ==
          "anticipa.analyzer anticipa.analyzer_versions anticipa.locale anticipa.profile anticipa.schema");

    const index::DatabaseIdentity identity = index::read_identity(db);
    CHECK(identity.locale == "en");
    CHECK(identity.schema == index::SCHEMA_VERSION);
    CHECK(identity.fingerprint == analyzer.fingerprint());
    CHECK(identity.versions == analysis::analyzer_versions());
    auto profile = index::stored_profile(identity);
    REQUIRE(profile);
    CHECK(analysis::profile_to_json(*profile) == analysis::profile_to_json(english()));
    // The stored profile makes the same analyzer: a server needs nothing but the database.
    CHECK(analysis::Analyzer(*profile).fingerprint() == analyzer.fingerprint());
    CHECK_FALSE(index::why_unusable(identity, "en", analyzer));
}

TEST_CASE("Locale identity: why a database cannot be served or updated, in an operator's words", "[index]") {
    const analysis::Analyzer analyzer(english());
    Xapian::WritableDatabase db = in_memory();
    index::write_identity(db, "en", analyzer);
    const index::DatabaseIdentity good = index::read_identity(db);

    struct Case {
        const char* name;
        index::DatabaseIdentity identity;
        std::string locale;
        std::string reason_starts;
    };
    index::DatabaseIdentity half_built;  // created, never committed with its metadata
    index::DatabaseIdentity other_locale = good;
    other_locale.locale = "pt";
    index::DatabaseIdentity old_schema = good;
    old_schema.schema = "4";
    const Case cases[] = {
        {"half-built", half_built, "en", "carries no analyzer fingerprint: a build that never finished"},
        {"another locale's", other_locale, "en", "holds the database of locale pt, not en"},
        {"older schema", old_schema, "en", "has index schema 4; this anticipa reads schema " + index::SCHEMA_VERSION},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        auto why = index::why_unusable(c.identity, c.locale, analyzer);
        REQUIRE(why);
        CHECK(why->starts_with(c.reason_starts));
        CHECK(index::why_unreadable(c.identity, c.locale) == why);
    }

    const analysis::Analyzer unstemmed(english("none"));
    auto why = index::why_unusable(good, "en", unstemmed);
    REQUIRE(why);
    CHECK(*why == "was made by a different analyzer (built with stemmer english; " + analysis::analyzer_versions() +
                      "; read with stemmer none; " + analysis::analyzer_versions() + ")");
    CHECK_FALSE(index::why_unreadable(good, "en"));  // another analyzer could read it

    // Stop words and synonyms only shape queries: a database is updated in place when they change.
    analysis::AnalysisProfile edited = english();
    edited.synonym_groups.push_back({"sign in", "log in"});
    CHECK_FALSE(index::why_unusable(good, "en", analysis::Analyzer(edited)));
}

TEST_CASE("Locale identity: a database made before profiles were stored has none to give", "[index]") {
    Xapian::WritableDatabase db = in_memory();
    db.set_metadata(index::META_FINGERPRINT, analysis::Analyzer(english()).fingerprint());
    db.set_metadata(index::META_SCHEMA, index::SCHEMA_VERSION);
    CHECK_FALSE(index::stored_profile(index::read_identity(db)));
    db.set_metadata(index::META_PROFILE, "{not a profile");
    CHECK_FALSE(index::stored_profile(index::read_identity(db)));
}
