#include "index/index_layout.h"

#include "common/locale_tag.h"

#include <algorithm>

namespace anticipa::index {

namespace fs = std::filesystem;

fs::path database_path(const fs::path& index_dir, const std::string& locale) {
    return index_dir / locale;
}

std::vector<std::string> indexed_locales(const fs::path& index_dir) {
    std::vector<std::string> locales;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(index_dir, ec)) {
        if (!entry.is_directory()) continue;
        std::string name = entry.path().filename().string();
        if (canonical_locale(name) == name && fs::exists(entry.path() / "iamglass")) locales.push_back(name);
    }
    std::sort(locales.begin(), locales.end());
    return locales;
}

}  // namespace anticipa::index
