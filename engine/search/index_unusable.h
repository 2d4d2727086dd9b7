// Search stage: what cannot be served of the index, and why, in words an operator can act on.
// No Xapian header: the server maps these to its answers.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace anticipa::search {

/// A locale database that cannot be served (unreadable, half-built, made by another analyzer or
/// schema). The other locales still are; searches in this one fall back as for a locale with no
/// index, until `anticipa index` rebuilds it.
struct UnusableLocale {
    std::string locale;
    std::filesystem::path path;  ///< absolute
    std::string reason;          ///< in our words: "was made by a different analyzer (...)"
    std::string detail;          ///< Xapian's own words, when it refused to open it (for the log)

    /// "index /srv/help/index/es cannot be served: <reason> (<detail>); searches in es fall back
    /// to the default locale until `anticipa index` rebuilds it"
    std::string message() const {
        return "index " + path.string() + " cannot be served: " + reason + (detail.empty() ? "" : " (" + detail + ")") +
               "; searches in " + locale + " fall back to the default locale until `anticipa index` rebuilds it";
    }
};

/// Nothing of the index can be served (missing, empty, or every locale unusable): an environment
/// problem, with a message that says what to run.
class IndexUnusable : public std::runtime_error {
  public:
    explicit IndexUnusable(const std::string& message, std::vector<UnusableLocale> locales = {})
        : std::runtime_error(message), locales_(std::move(locales)) {}

    /// The locale databases that exist but cannot be served.
    const std::vector<UnusableLocale>& locales() const { return locales_; }

  private:
    std::vector<UnusableLocale> locales_;
};

}  // namespace anticipa::search
