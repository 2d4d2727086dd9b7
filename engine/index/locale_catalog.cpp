#include "index/locale_catalog.h"

#include "common/joined.h"
#include "index/index_layout.h"

#include <xapian.h>

#include <sstream>

namespace anticipa::index {

namespace fs = std::filesystem;

void publish_locale_catalog(const fs::path& index_dir) {
    const std::string published = joined(indexed_locales(index_dir), " ");
    const fs::path folder = index_dir / LOCALE_CATALOG;
    auto write = [&] {
        Xapian::WritableDatabase catalog(folder.string(), Xapian::DB_CREATE_OR_OPEN);
        // A commit on every run would make each replica copy the catalog again for nothing.
        if (catalog.get_revision() > 0 && catalog.get_metadata(LOCALE_CATALOG_KEY) == published) return;
        catalog.set_metadata(LOCALE_CATALOG_KEY, published);
        catalog.commit();
    };
    try {
        write();
    } catch (const Xapian::DatabaseError&) {
        // Damaged (a disk error, a stray file): it is made from the locale folders alone, so it
        // is made again rather than allowed to stop the run.
        fs::remove_all(folder);
        write();
    }
}

std::vector<std::string> read_locale_catalog(const fs::path& catalog) {
    std::istringstream words(Xapian::Database(catalog.string()).get_metadata(LOCALE_CATALOG_KEY));
    std::vector<std::string> locales;
    for (std::string locale; words >> locale;) locales.push_back(locale);
    return locales;
}

}  // namespace anticipa::index
