// Index stage: the articles folder -> one Xapian database per locale, incrementally, published
// by one commit per locale database per run.
#pragma once

#include "analysis/analyzer_set.h"
#include "article/article_loader.h"
#include "common/problem.h"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace anticipa::index {

/// The phrasings customers found an article with (learn/learned_phrasings.h), to index as its
/// learned field: by locale, id and the tiers that may read it. Empty for an article with none.
using LearnedPhrasingsOf = std::function<std::vector<std::string>(const std::string& locale, const std::string& id,
                                                                  const std::vector<std::string>& tiers)>;

struct IndexOptions {
    std::filesystem::path index_dir = "index";
    article::LoadOptions load;
    /// Unset: no article has learned phrasings (a run without events drops what one with them indexed).
    LearnedPhrasingsOf learned;
};

/// How a run published one locale, and with which analysis profile.
struct LocaleOutcome {
    enum class Publication {
        UPDATED_IN_PLACE,  ///< one commit on the published database
        NEW_LOCALE,        ///< built aside, then renamed into place
        REBUILT_ASIDE,     ///< the published database could not be updated: built aside, then swapped in
        UNCHANGED,         ///< nothing to change: no commit, so servers and replicas keep the revision they have
    };
    std::string locale;
    std::string profile;  ///< analysis::describe_profile() of the profile it was indexed with
    Publication publication = Publication::UPDATED_IN_PLACE;
    std::string rebuilt_because;  ///< why the published database could not be updated (REBUILT_ASIDE)
};

struct IndexSummary {
    std::size_t added = 0;      ///< files new to the index
    std::size_t updated = 0;    ///< files whose content (or learned phrasings) changed
    std::size_t unchanged = 0;  ///< skipped: same content hash, analyzer and learned phrasings
    std::size_t removed = 0;    ///< files gone from disk, their sections deleted
    std::size_t failed = 0;     ///< files with errors; their previous version (if any) stays served
    std::size_t sections = 0;   ///< section documents written in this run
    std::size_t bytes = 0;      ///< bytes of the files parsed in this run
    double seconds = 0;
    std::vector<Problem> problems;
    std::vector<LocaleOutcome> locales;  ///< every locale database of the run (published or UNCHANGED), sorted
};

/// Called after each file: files done, files in all, the file's path.
using IndexProgress = std::function<void(std::size_t done, std::size_t total, const std::string& path)>;

/// Brings the index up to date with the articles folder. A locale database that can be updated
/// (same analyzer and schema) gets one commit, or none when no file and nothing of its profile
/// changed (a new revision would empty the servers' caches and send replicas a changeset of
/// nothing); a new locale, or one that cannot be updated (another
/// analyzer, unreadable, half-built), is built aside and appears only once complete. So a run
/// killed at any moment leaves every published locale whole and serving. Each database records
/// the profile it was built with (locale_identity.h). A file that fails keeps its previously
/// indexed version: one broken edit never takes an article off the help center. Throws on a
/// broken environment (index locked by another run, unwritable, invalid locales/ profile).
IndexSummary index_articles(const IndexOptions& options, analysis::AnalyzerSet& analyzers,
                            const IndexProgress& progress = {});

}  // namespace anticipa::index
