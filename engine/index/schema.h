// Index stage: the schema — every term prefix, value slot, field weight and metadata key in one
// table, following Xapian's conventions (see Omega's docs/termprefixes.rst).
#pragma once

#include <xapian.h>

#include <string>

namespace anticipa::index {

// Terms. Unprefixed terms are the normalized words of every field, with positions (phrases).
inline const std::string PREFIX_STEM = "Z";        ///< Snowball stem of every word, as QueryParser does
inline const std::string PREFIX_FOLDED = "XF";     ///< stem of the accent-free form (only words with accents)
inline const std::string PREFIX_CHARACTER = "XH";  ///< each Chinese character (analysis::is_character)
inline const std::string PREFIX_TITLE = "S";       ///< title words (title-only matching: suggestions)
/// Accent-free stem of every title word, Xapian's "Z" + field prefix: a title match then counts
/// on its own, instead of drowning in a long body's occurrences of the same word.
inline const std::string PREFIX_TITLE_STEM = "ZS";
// Questions and headings have no prefix of their own: they rank through their weights below, and
// prefixed copies of their words cost 13% of indexing time with nothing asking for them.
inline const std::string PREFIX_UNIQUE = "Q";     ///< Q<locale>:<id>#<anchor>, one per section document
inline const std::string PREFIX_ARTICLE = "XA";   ///< XA<id>: every section of one article
inline const std::string PREFIX_FILE = "XP";      ///< XP<path>: every section made from one file
inline const std::string PREFIX_LOCALE = "L";     ///< filter
inline const std::string PREFIX_TAG = "K";        ///< filter
inline const std::string PREFIX_CATEGORY = "XC";  ///< filter
inline const std::string PREFIX_TIER = "XT";      ///< filter: a tier allowed to read the article
inline const std::string PREFIX_STATUS = "XS";    ///< filter: XSpublished or XSdraft
inline const std::string PREFIX_CONTEXT = "XR";   ///< product route the article is offered on
/// Learned phrasings (learn/): accent-free stems of the words customers found the article with,
/// a field of its own so RankingOptions::learned_weight can weigh it, or switch it off.
inline const std::string PREFIX_LEARNED = "XL";

// Value slots.
inline constexpr Xapian::valueno SLOT_ARTICLE = 0;    ///< article id: the collapse key (one hit per article)
inline constexpr Xapian::valueno SLOT_FILE_HASH = 1;  ///< content hash of the source file (incremental runs)
inline constexpr Xapian::valueno SLOT_SECTION = 2;    ///< section number within the article, sortable
inline constexpr Xapian::valueno SLOT_UPDATED = 3;    ///< YYYY-MM-DD
/// The section's plain text and HTML live in values rather than in the document data: values are
/// read one slot at a time, so ranking 100 hits never decodes 100 bodies (it was 60% of the time).
inline constexpr Xapian::valueno SLOT_TEXT = 4;
inline constexpr Xapian::valueno SLOT_HTML = 5;
/// How many tokens the title has (sortable_serialise): title matches are normalised by the
/// title's length, not the section's (search/title_match.h).
inline constexpr Xapian::valueno SLOT_TITLE_LENGTH = 6;
/// Digest of the learned phrasings indexed with the section ("" for none): an article whose
/// phrasings changed is indexed again even when its file did not change.
inline constexpr Xapian::valueno SLOT_LEARNED = 7;
/// The learned phrasings' words, each phrasing whole (index/learned_keys.h): the second phase
/// compares the query with each (search/learned_match.h). Absent for a section without any.
inline constexpr Xapian::valueno SLOT_LEARNED_KEYS = 8;

// Field weights, as within-document frequency per occurrence: a title word counts as much as
// four body words, so BM25 prefers sections whose title and phrasings match.
inline constexpr Xapian::termcount WEIGHT_TITLE = 4;
inline constexpr Xapian::termcount WEIGHT_QUESTION = 3;
inline constexpr Xapian::termcount WEIGHT_HEADING = 2;
inline constexpr Xapian::termcount WEIGHT_BODY = 1;
inline constexpr Xapian::termcount WEIGHT_LEARNED = 1;  ///< per phrasing holding the word

/// Positions of consecutive fields are this far apart so a phrase never spans two of them.
inline constexpr Xapian::termpos FIELD_GAP = 100;

/// Xapian refuses terms over 245 bytes; longer words (URLs, hashes) are not worth indexing.
inline constexpr std::size_t MAX_TERM_BYTES = 200;

// Database metadata (index/locale_identity.h reads and writes the first five).
inline const std::string META_FINGERPRINT = "anticipa.analyzer";  ///< Analyzer::fingerprint()
inline const std::string META_SCHEMA = "anticipa.schema";
inline const std::string META_LOCALE = "anticipa.locale";
/// The analysis profile the database was built with (analysis::profile_to_json): what a server
/// or a replica analyzes queries with, so none needs the indexing host's locales/ folder.
inline const std::string META_PROFILE = "anticipa.profile";
inline const std::string META_ANALYZER_VERSIONS = "anticipa.analyzer_versions";  ///< analyzer_versions()
/// Σ SLOT_TITLE_LENGTH over the database's sections, for the average title length.
inline const std::string META_TITLE_TOKENS = "anticipa.title_tokens";
inline const std::string SCHEMA_VERSION = "5";

}  // namespace anticipa::index
