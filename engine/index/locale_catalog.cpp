#include "index/locale_catalog.h"

#include "index/index_layout.h"

#include <xapian.h>

#include <sstream>

namespace anticipa::index {

namespace fs = std::filesystem;

namespace {

std::string joined(const std::vector<std::string>& locales) {
    std::string text;
    for (const auto& locale : locales) text += (text.empty() ? "" : " ") + locale;
    return text;
}

}  // namespace

void publish_locale_catalog(const fs::path& index_dir) {
    const std::string published = joined(indexed_locales(index_dir));
    Xapian::WritableDatabase catalog((index_dir / LOCALE_CATALOG).string(), Xapian::DB_CREATE_OR_OPEN);
    // A commit on every run would make each replica copy the catalog again for nothing.
    if (catalog.get_revision() > 0 && catalog.get_metadata(LOCALE_CATALOG_KEY) == published) return;
    catalog.set_metadata(LOCALE_CATALOG_KEY, published);
    catalog.commit();
}

std::vector<std::string> read_locale_catalog(const fs::path& catalog) {
    std::istringstream words(Xapian::Database(catalog.string()).get_metadata(LOCALE_CATALOG_KEY));
    std::vector<std::string> locales;
    for (std::string locale; words >> locale;) locales.push_back(locale);
    return locales;
}

}  // namespace anticipa::index
