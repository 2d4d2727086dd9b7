#include "index/index_layout.h"

#include "common/locale_tag.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace anticipa::index {

namespace fs = std::filesystem;

namespace {

const std::string STAGING_PREFIX = ".staging-";
/// Only where the file system cannot exchange two folders: the old database between two renames.
const std::string REPLACED_PREFIX = ".replaced-";
const std::string LOCK_FILE = ".anticipa-index.lock";

std::string system_error(const std::string& what) {
    return what + ": " + std::strerror(errno);
}

/// A database folder as Xapian opens it: glass, or the stub file through which xapian-replicate
/// switches a replica between its two copies.
bool holds_database(const fs::path& folder) {
    return fs::exists(folder / "iamglass") || fs::exists(folder / "XAPIANDB");
}

/// A rebuilt database over the old one, in two renames. A crash between them leaves the old one
/// under REPLACED_PREFIX, which the next writer puts back (clear_leftovers).
void replace_in_two_steps(const fs::path& staged, const fs::path& live, const fs::path& replaced) {
    fs::remove_all(replaced);
    fs::rename(live, replaced);
    fs::rename(staged, live);
    fs::remove_all(replaced);
}

/// What a killed writer left: staging folders (never published) and, where folders cannot be
/// exchanged, an old database whose replacement never arrived.
void clear_leftovers(const fs::path& index_dir) {
    for (const auto& entry : fs::directory_iterator(index_dir)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with(REPLACED_PREFIX)) {
            const fs::path live = index_dir / name.substr(REPLACED_PREFIX.size());
            if (!fs::exists(live)) fs::rename(entry.path(), live);
            else fs::remove_all(entry.path());
        } else if (name.starts_with(STAGING_PREFIX)) {
            fs::remove_all(entry.path());
        }
    }
}

}  // namespace

fs::path database_path(const fs::path& index_dir, const std::string& locale) {
    return index_dir / locale;
}

std::vector<std::string> indexed_locales(const fs::path& index_dir) {
    std::vector<std::string> locales;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(index_dir, ec)) {
        if (!entry.is_directory()) continue;
        std::string name = entry.path().filename().string();
        if (canonical_locale(name) == name && holds_database(entry.path())) locales.push_back(name);
    }
    std::sort(locales.begin(), locales.end());
    return locales;
}

std::string database_identity(const fs::path& folder) {
    struct stat info {};
    if (::stat(folder.c_str(), &info) != 0) return "";
    std::string identity = std::to_string(info.st_ino);
    for (const char* version_file : {"iamglass", "XAPIANDB"})
        if (::stat((folder / version_file).c_str(), &info) == 0) identity += "/" + std::to_string(info.st_ino);
    return identity;
}

fs::path staging_path(const fs::path& index_dir, const std::string& locale) {
    return index_dir / (STAGING_PREFIX + locale);
}

void publish_staged(const fs::path& index_dir, const std::string& locale) {
    const fs::path staged = staging_path(index_dir, locale), live = database_path(index_dir, locale);
    if (!fs::exists(live)) {
        fs::rename(staged, live);  // rename(2): atomic, and fails rather than merge into a folder
        return;
    }
    if (renameat2(AT_FDCWD, staged.c_str(), AT_FDCWD, live.c_str(), RENAME_EXCHANGE) == 0) {
        fs::remove_all(staged);  // now the old database; readers that have it open keep their files
        return;
    }
    if (errno != EINVAL && errno != ENOSYS)
        throw std::runtime_error(system_error("cannot put " + staged.string() + " in place of " + live.string()));
    replace_in_two_steps(staged, live, index_dir / (REPLACED_PREFIX + locale));
}

IndexWriterLock::IndexWriterLock(const fs::path& index_dir) {
    fs::create_directories(index_dir);
    const fs::path file = index_dir / LOCK_FILE;
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw std::runtime_error(system_error("cannot open " + file.string()));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(fd_);
        if (error == EWOULDBLOCK)
            throw std::runtime_error("index " + fs::absolute(index_dir).lexically_normal().string() +
                                     " is locked: another `anticipa index` is writing it");
        errno = error;
        throw std::runtime_error(system_error("cannot lock " + file.string()));
    }
    clear_leftovers(index_dir);
}

IndexWriterLock::~IndexWriterLock() {
    ::close(fd_);  // releases the lock
}

}  // namespace anticipa::index
