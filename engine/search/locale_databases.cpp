#include "search/locale_databases.h"

#include "common/joined.h"
#include "index/index_layout.h"
#include "index/locale_identity.h"
#include "index/schema.h"

namespace anticipa::search {

namespace fs = std::filesystem;

LocaleDatabases::LocaleDatabases(const fs::path& index_dir, analysis::AnalyzerSet& analyzers)
    : index_dir_(fs::absolute(index_dir).lexically_normal()), analyzers_(analyzers) {
    for (const auto& locale : index::indexed_locales(index_dir_)) open(locale);
}

void LocaleDatabases::open(const std::string& locale) {
    const fs::path path = index::database_path(index_dir_, locale);
    // Taken before opening: a repair landing meanwhile still makes reopen() give up on this one.
    const std::string folder_identity = index::database_identity(path);
    auto refuse = [&](const std::string& why, const std::string& detail = "") {
        unusable_.push_back({locale, path, why, detail});
        unusable_identities_.push_back(folder_identity);
    };
    try {
        Xapian::Database db(path.string());
        const index::DatabaseIdentity identity = index::read_identity(db);
        const auto stored = index::stored_profile(identity);
        const bool overridden = analyzers_.locales_dir().has_value();
        if (!overridden && !stored)
            return refuse(index::why_unreadable(identity, locale)
                              .value_or("carries no analysis profile (made before indexes carried theirs); run "
                                        "`anticipa index` once to add it, or give --locales"));
        const analysis::Analyzer& analyzer =
            overridden ? analyzers_.for_locale(locale) : analyzers_.for_profile(*stored);
        if (auto why = index::why_unusable(identity, locale, analyzer))
            return refuse(*why + (overridden ? " (--locales overrides the profile it was built with)" : ""));
        if (overridden && stored) {
            auto differences = analysis::profile_differences(analyzer.profile(), *stored);
            if (!differences.empty())
                notices_.push_back(path.string() + " was built with " + analysis::describe_profile(*stored) +
                                   "; --locales searches it with " + analysis::describe_profile(analyzer.profile()) +
                                   ": " + joined(differences, ", ") + " differ");
        }
        OpenLocale opened{db, &analyzer, db.get_revision(), db.get_uuid(), identity.profile_json};
        (db.get_doccount() > 0 ? served_ : empty_).emplace(locale, std::move(opened));
    } catch (const Xapian::Error& e) {
        // Taken out (renamed away) between the folder's listing and this open: gone, not broken.
        // The pool's next look at the folder sees it gone; a degraded status meanwhile would be false.
        std::error_code error;
        if (!fs::exists(path, error) && !error) return;
        refuse("cannot be opened: unreadable, or not a database", e.get_description());
    }
}

std::string LocaleDatabases::why_nothing_served() const {
    if (unusable_.empty() && empty_.empty())
        return "no index in " + index_dir_.string() + "; run `anticipa index` first";
    if (unusable_.empty()) return "the index in " + index_dir_.string() + " holds no articles";
    std::string text = "no locale of the index in " + index_dir_.string() + " can be served:";
    for (const auto& locale : unusable_) text += " " + locale.locale + " " + locale.reason + ";";
    return text + " run `anticipa index` to rebuild them";
}

bool LocaleDatabases::reopen() {
    bool current = true;
    auto pick_up = [&](std::map<std::string, OpenLocale>& databases, bool served) {
        for (auto& [locale, open] : databases) {
            if (!open.db.reopen()) continue;  // no new revision: the usual case, and cheap
            const Xapian::rev revision = open.db.get_revision();
            if (revision == open.revision) continue;
            open.revision = revision;
            if (served)
                picked_up_.push_back(index::database_path(index_dir_, locale).string() + ": serving revision " +
                                     std::to_string(revision));
            // A new revision carries its profile again (a synonym edit publishes one), may fill
            // or empty the database, or be of another database swapped in under the same name.
            if (open.db.get_metadata(index::META_PROFILE) != open.profile_json || open.db.get_uuid() != open.uuid ||
                (open.db.get_doccount() > 0) != served)
                current = false;
        }
    };
    pick_up(served_, true);
    pick_up(empty_, false);
    for (std::size_t i = 0; i < unusable_.size(); ++i)
        if (index::database_identity(unusable_[i].path) != unusable_identities_[i]) current = false;
    return current;
}

}  // namespace anticipa::search
