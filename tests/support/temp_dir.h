// Test support: a fresh folder under /tmp, removed with everything in it when the test ends.
#pragma once

#include <filesystem>
#include <string>

namespace anticipa::test {

class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& relative) const { return path_ / relative; }

    /// Writes `content` to path()/relative, creating folders; returns the full path.
    std::filesystem::path write(const std::string& relative, const std::string& content) const;

  private:
    std::filesystem::path path_;
};

/// The repository's own folders, for tests that use the real locales/ or articles/.
std::filesystem::path source_dir();

/// Reads a whole file.
std::string read_file(const std::filesystem::path& file);

}  // namespace anticipa::test
