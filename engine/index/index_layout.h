// Index stage: the index folder. Where each locale's database lives, how a new or rebuilt one is
// built aside and published by one rename, and the lock that keeps the folder to one writer.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace anticipa::index {

/// index/<locale>/ holds one Xapian database per locale, so term statistics and the spelling
/// dictionary of each language stay apart.
std::filesystem::path database_path(const std::filesystem::path& index_dir, const std::string& locale);

/// The locales that have a published database in the index folder, sorted. A folder counts when
/// its name is a language tag and it holds a database (a glass database, or the stub that
/// xapian-replicate keeps on a replica).
std::vector<std::string> indexed_locales(const std::filesystem::path& index_dir);

/// Which files a locale's folder holds now, as inode numbers: a folder renamed or exchanged into
/// place, a commit (Xapian renames its version file into place), or a replica switching copies
/// changes it. Empty when there is no folder. Readers compare it to notice a replaced database.
std::string database_identity(const std::filesystem::path& folder);

/// Where a locale's database is built before it is published: a hidden folder of the index
/// folder (same file system, so publishing is a rename), whose name is no language tag, so no
/// reader and no replication script listing the locales ever takes it for one.
std::filesystem::path staging_path(const std::filesystem::path& index_dir, const std::string& locale);

/// Puts the database built at staging_path() in place in one atomic step: a rename for a new
/// locale, an exchange of the two folders (renameat2 RENAME_EXCHANGE) for a rebuilt one, whose
/// old files are then deleted. A reader opening the locale finds the old database or the new one,
/// never none and never a half. Throws std::runtime_error naming the folders when it cannot.
void publish_staged(const std::filesystem::path& index_dir, const std::string& locale);

/// One writer per index folder, for the writer's whole run: an exclusive lock on a file in the
/// folder (released by the kernel however the process ends), under which the staging folders a
/// killed run left behind are deleted.
class IndexWriterLock {
  public:
    /// Creates the index folder if needed. Throws std::runtime_error when another process holds it.
    explicit IndexWriterLock(const std::filesystem::path& index_dir);
    ~IndexWriterLock();
    IndexWriterLock(const IndexWriterLock&) = delete;
    IndexWriterLock& operator=(const IndexWriterLock&) = delete;

  private:
    int fd_ = -1;
};

}  // namespace anticipa::index
