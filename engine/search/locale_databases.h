// Search stage: the index folder -> the locale databases a Searcher serves, each with the
// analyzer of the profile it was built with; the ones that cannot be served, each with why.
#pragma once

#include "analysis/analyzer_set.h"
#include "search/index_unusable.h"

#include <xapian.h>

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace anticipa::search {

/// A locale database open for reading, as of the revision it was opened or reopened at.
struct OpenLocale {
    Xapian::Database db;
    const analysis::Analyzer* analyzer = nullptr;  ///< the one its terms were made with
    Xapian::rev revision = 0;
    std::string uuid;          ///< a replaced folder has another
    std::string profile_json;  ///< the stored profile: a new revision may carry another
};

/// Every locale database of an index folder, opened once. One that cannot be served never stops
/// the others: it is listed with the reason instead. By default each is analyzed with the profile
/// it carries, so no locales/ folder is needed; an AnalyzerSet of a locales/ folder overrides
/// that, with a notice where the two profiles differ. Not thread-safe (one per Searcher).
class LocaleDatabases {
  public:
    LocaleDatabases(const std::filesystem::path& index_dir, analysis::AnalyzerSet& analyzers);

    /// The databases that answer searches: usable and not empty, by locale.
    const std::map<std::string, OpenLocale>& served() const { return served_; }
    const std::vector<UnusableLocale>& unusable() const { return unusable_; }
    /// What an operator should know although everything is served ("... searching it with the
    /// synonyms of --locales, not the ones it was built with").
    const std::vector<std::string>& notices() const { return notices_; }

    /// Why nothing is served, and what to run; for IndexUnusable when served() is empty.
    std::string why_nothing_served() const;

    /// Picks up revisions committed since. False when one can no longer be served as opened (it
    /// carries another profile, was replaced, filled or emptied), or an unusable one's folder
    /// changed (it may be repaired): open LocaleDatabases again.
    bool reopen();

    /// The revisions reopen() picked up since last asked, a line each for the operator's log
    /// ("/srv/help/index/en: serving revision 5"); empties the list.
    std::vector<std::string> take_picked_up() { return std::exchange(picked_up_, {}); }

  private:
    void open(const std::string& locale);
    /// The analyzer for a database, or nothing with `why` set.
    const analysis::Analyzer* analyzer_for(const std::string& locale, const std::string& profile_json,
                                           const std::filesystem::path& path, std::string& why);

    std::filesystem::path index_dir_;
    analysis::AnalyzerSet& analyzers_;
    std::map<std::string, OpenLocale> served_;
    std::map<std::string, OpenLocale> empty_;  ///< usable but without documents (every article removed)
    std::vector<UnusableLocale> unusable_;
    std::vector<std::string> unusable_identities_;  ///< index::database_identity() of each, when opened
    std::vector<std::string> notices_;
    std::vector<std::string> picked_up_;
};

}  // namespace anticipa::search
