#include "index/indexer.h"

#include "common/locale_tag.h"
#include "index/document_builder.h"
#include "index/index_layout.h"
#include "index/locale_catalog.h"
#include "index/locale_identity.h"
#include "index/schema.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <set>

namespace anticipa::index {

namespace fs = std::filesystem;

namespace {

struct IndexedFile {
    std::string hash;
    std::string id;
    std::vector<std::string> tiers;
    bool learns = true;   ///< front matter `learned:` as indexed
    std::string learned;  ///< learned_digest() of the phrasings indexed with it
};

/// What the database already holds, one entry per source file.
std::map<std::string, IndexedFile> indexed_files(const Xapian::Database& db) {
    std::map<std::string, IndexedFile> files;
    for (auto term = db.allterms_begin(PREFIX_FILE); term != db.allterms_end(PREFIX_FILE); ++term) {
        auto posting = db.postlist_begin(*term);
        if (posting == db.postlist_end(*term)) continue;
        Xapian::Document document = db.get_document(*posting);
        SectionRecord record = read_record(document);
        files[record.path] = {document.get_value(SLOT_FILE_HASH), record.id, record.tiers, record.learned,
                              document.get_value(SLOT_LEARNED)};
    }
    return files;
}

bool is_published(const Xapian::Document& document) {
    auto term = document.termlist_begin();
    term.skip_to(PREFIX_STATUS + "published");
    return term != document.termlist_end() && *term == PREFIX_STATUS + "published";
}

/// The spelling dictionary counts each word once per published section document, so removing a
/// document can take exactly its words back out.
template <typename Change>
void for_each_spelling_word(const Xapian::Document& document, Change change) {
    if (!is_published(document)) return;
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
        const std::string& word = *term;
        if (!word.empty() && !(word[0] >= 'A' && word[0] <= 'Z') && is_spelling_word(word)) change(word);
    }
}

/// Spelling changes of a run, applied once per distinct word at the end: one Xapian call per
/// word instead of one per word and section took a third off the indexing time.
class SpellingChanges {
  public:
    void add(const Xapian::Document& document) {
        for_each_spelling_word(document, [&](const std::string& word) { ++change_[word]; });
    }
    void remove(const Xapian::Document& document) {
        for_each_spelling_word(document, [&](const std::string& word) { --change_[word]; });
    }
    void apply(Xapian::WritableDatabase& db) const {
        for (const auto& [word, change] : change_) {
            if (change > 0) db.add_spelling(word, static_cast<Xapian::termcount>(change));
            if (change < 0) db.remove_spelling(word, static_cast<Xapian::termcount>(-change));
        }
    }

  private:
    std::map<std::string, long> change_;
};

void remove_file(Xapian::WritableDatabase& db, const std::string& path, SpellingChanges& spelling) {
    const std::string term = file_term(path);
    std::vector<Xapian::docid> documents(db.postlist_begin(term), db.postlist_end(term));
    for (Xapian::docid id : documents) {
        spelling.remove(db.get_document(id));
        db.delete_document(id);
    }
}

/// Σ title length over the sections: one pass over a value stream, cheaper than keeping a
/// running total right through adds, replacements and deletions.
unsigned long long title_tokens(const Xapian::Database& db) {
    unsigned long long total = 0;
    for (auto it = db.valuestream_begin(SLOT_TITLE_LENGTH); it != db.valuestream_end(SLOT_TITLE_LENGTH); ++it)
        total += static_cast<unsigned long long>(Xapian::sortable_unserialise(*it));
    return total;
}

std::size_t add_article(Xapian::WritableDatabase& db, const article::Article& article,
                        const analysis::Analyzer& analyzer, const std::vector<std::string>& learned,
                        SpellingChanges& spelling) {
    std::vector<Xapian::Document> documents = build_article_documents(article, analyzer, learned);
    for (const auto& document : documents) {
        spelling.add(document);
        db.add_document(document);
    }
    return documents.size();
}

/// Indexes the files of one locale inside one transaction: into its published database when
/// that one can be updated, else into a new database built aside and published whole by finish().
class LocaleRun {
  public:
    LocaleRun(const IndexOptions& options, const std::string& locale, const analysis::Analyzer& analyzer,
              IndexSummary& summary)
        : index_dir_(options.index_dir),
          learned_(options.learned),
          locale_(locale),
          analyzer_(analyzer),
          summary_(summary) {
        outcome_.locale = locale;
        outcome_.profile = analysis::describe_profile(analyzer.profile());
        if (auto why = open_published()) {
            const bool replaces = fs::exists(database_path(index_dir_, locale_));
            outcome_.publication =
                replaces ? LocaleOutcome::Publication::REBUILT_ASIDE : LocaleOutcome::Publication::NEW_LOCALE;
            if (replaces) outcome_.rebuilt_because = *why;
            rebuild_ = true;
            db_ = Xapian::WritableDatabase(staging_path(index_dir_, locale_).string(), Xapian::DB_CREATE_OR_OVERWRITE);
        }
        db_.begin_transaction();
    }

    /// Lets the loader skip parsing a file whose content this database already holds, with the
    /// learned phrasings it holds: new ones make the article's documents again.
    article::UnchangedTest unchanged_test(const std::string& path) const {
        auto known = known_.find(path);
        if (rebuild_ || known == known_.end()) return {};
        const IndexedFile& file = known->second;
        if (learned_digest(learned_of(file.id, file.tiers, file.learns)) != file.learned) return {};
        return [hash = file.hash](const std::string& content_hash) { return content_hash == hash; };
    }

    void add_file(const article::LoadedFile& file) {
        const std::string& path = file.path;
        on_disk_.insert(path);
        auto known = known_.find(path);
        summary_.problems.insert(summary_.problems.end(), file.problems.begin(), file.problems.end());

        if (file.unchanged) {
            if (claim_id(known->second.id, file.display_path)) {
                ++summary_.unchanged;
            } else {
                remove(path);
                ++summary_.failed;
            }
            return;
        }
        if (!file.article) {
            ++summary_.failed;
            if (known != known_.end() && !rebuild_) claim_id(known->second.id, file.display_path);
            else if (known != known_.end()) remove(path);  // its old terms no longer match
            return;
        }
        if (!claim_id(file.article->meta.id, file.display_path, file.article->meta.id_line)) {
            ++summary_.failed;
            return;
        }
        if (known != known_.end()) remove(path);
        const auto& meta = file.article->meta;
        summary_.sections +=
            add_article(db_, *file.article, analyzer_, learned_of(meta.id, meta.tiers, meta.learned), spelling_);
        modified_ = true;
        summary_.bytes += file.bytes;
        ++(known != known_.end() ? summary_.updated : summary_.added);
    }

    /// Deletes what is gone from disk and publishes the run.
    void finish() {
        for (const auto& [path, file] : known_) {
            if (on_disk_.count(path)) continue;
            remove(path);
            ++summary_.removed;
        }
        if (!rebuild_ && !modified_ && read_identity(db_) == identity_of(locale_, analyzer_)) {
            db_.cancel_transaction();
            outcome_.publication = LocaleOutcome::Publication::UNCHANGED;
            summary_.locales.push_back(outcome_);
            return;
        }
        spelling_.apply(db_);
        db_.set_metadata(META_TITLE_TOKENS, std::to_string(title_tokens(db_)));
        // Also when no article changed: an edited stop word or synonym list then reaches the
        // servers as a new revision, without re-indexing a file.
        write_identity(db_, locale_, analyzer_);
        db_.commit_transaction();
        if (rebuild_) {
            db_.close();
            publish_staged(index_dir_, locale_);
        }
        summary_.locales.push_back(outcome_);
    }

  private:
    /// The article's learned phrasings: none when its front matter says `learned: false`.
    std::vector<std::string> learned_of(const std::string& id, const std::vector<std::string>& tiers,
                                        bool learns) const {
        return learned_ && learns ? learned_(locale_, id, tiers) : std::vector<std::string>{};
    }

    void remove(const std::string& path) {
        remove_file(db_, path, spelling_);
        modified_ = true;
    }

    /// Opens the published database to update it in place, or says why it cannot be: there is
    /// none, or its terms are not this analyzer's, or it cannot be read. What it holds is still
    /// listed when it can be read, so a rebuild counts files as updated and removed, not added.
    std::optional<std::string> open_published() {
        const fs::path path = database_path(index_dir_, locale_);
        if (!fs::exists(path)) return "new locale";
        try {
            Xapian::WritableDatabase published(path.string(), Xapian::DB_OPEN);
            known_ = indexed_files(published);
            auto why = why_unusable(read_identity(published), locale_, analyzer_);
            if (!why) db_ = std::move(published);
            return why;
        } catch (const Xapian::DatabaseLockError&) {
            throw;  // another writer, not a broken database
        } catch (const Xapian::DatabaseError& e) {
            known_.clear();
            return "cannot be read: " + e.get_description();
        }
    }

    /// (id, locale) must be unique: the second file with an id is refused, reported at its `id:`
    /// line (1 for a file not parsed again, unchanged since the last run).
    bool claim_id(const std::string& id, const std::string& display_path, int line = 1) {
        auto [owner, inserted] = ids_.emplace(id, display_path);
        if (inserted) return true;
        summary_.problems.push_back({Severity::ERROR, "duplicate_id",
                                     "id `" + id + "` is already used by " + owner->second + " in locale " + locale_ +
                                         "; give one of them another id",
                                     display_path, line});
        return false;
    }

    fs::path index_dir_;
    const LearnedPhrasingsOf& learned_;
    std::string locale_;
    const analysis::Analyzer& analyzer_;
    IndexSummary& summary_;
    LocaleOutcome outcome_;
    Xapian::WritableDatabase db_;
    bool rebuild_ = false;   ///< building aside: db_ is new, known_ only says what the published one held
    bool modified_ = false;  ///< a document added or deleted: the run has something to commit
    std::map<std::string, IndexedFile> known_;
    std::set<std::string> on_disk_;
    std::map<std::string, std::string> ids_;
    SpellingChanges spelling_;
};

/// Files grouped by locale. With locale folders the folder tells, so unchanged files can be
/// skipped unread; flat collections are loaded first to read the locale from the front matter.
struct FilesByLocale {
    std::map<std::string, std::vector<fs::path>> paths;
    std::map<std::string, std::vector<article::LoadedFile>> loaded;
};

FilesByLocale group_by_locale(const IndexOptions& options, const std::vector<fs::path>& files, IndexSummary& summary,
                              const IndexProgress& progress, std::size_t& done) {
    FilesByLocale groups;
    for (const auto& relative : files) {
        if (options.load.layout == article::Layout::LOCALE_FOLDERS) {
            if (auto locale = known_locale(relative.begin()->string())) {
                groups.paths[*locale].push_back(relative);
                continue;
            }
        }
        article::LoadedFile file = article::load_article_file(options.load, relative);
        if (options.load.layout == article::Layout::FLAT && file.article) {
            groups.loaded[file.locale].push_back(std::move(file));
            continue;
        }
        if (progress) progress(++done, files.size(), file.display_path);
        summary.problems.insert(summary.problems.end(), file.problems.begin(), file.problems.end());
        ++summary.failed;
    }
    return groups;
}

}  // namespace

IndexSummary index_articles(const IndexOptions& options, analysis::AnalyzerSet& analyzers,
                            const IndexProgress& progress) {
    const auto started = std::chrono::steady_clock::now();
    const IndexWriterLock lock(options.index_dir);
    IndexSummary summary;
    article::ArticleFiles listed = article::list_article_files(options.load);
    summary.problems = listed.problems;
    std::size_t done = 0;
    const std::size_t total = listed.files.size();
    FilesByLocale groups = group_by_locale(options, listed.files, summary, progress, done);

    std::set<std::string> locales;
    for (const auto& [locale, files] : groups.paths) locales.insert(locale);
    for (const auto& [locale, files] : groups.loaded) locales.insert(locale);
    for (const auto& locale : locales) {
        LocaleRun run(options, locale, analyzers.for_locale(locale), summary);
        for (const auto& relative : groups.paths[locale]) {
            article::LoadedFile file =
                article::load_article_file(options.load, relative, run.unchanged_test(relative.generic_string()));
            if (progress) progress(++done, total, file.display_path);
            run.add_file(file);
        }
        for (const auto& file : groups.loaded[locale]) {
            if (progress) progress(++done, total, file.display_path);
            run.add_file(file);
        }
        run.finish();
    }
    // A locale whose articles are all gone: its database is emptied, not left serving.
    for (const auto& locale : indexed_locales(options.index_dir)) {
        if (locales.count(locale)) continue;
        LocaleRun run(options, locale, analyzers.for_locale(locale), summary);
        run.finish();
    }
    publish_locale_catalog(options.index_dir);  // what replicas list (deploy/replica-sync.sh)
    std::sort(summary.locales.begin(), summary.locales.end(),
              [](const LocaleOutcome& a, const LocaleOutcome& b) { return a.locale < b.locale; });
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

}  // namespace anticipa::index
