// Server pages: UI strings — locales/<tag>/messages.yaml (ICU MessageFormat) -> text in a locale.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace anticipa::server::pages {

using MessageValue = std::variant<std::int64_t, std::string>;
using MessageArgs = std::vector<std::pair<std::string, MessageValue>>;

/// Every locale's messages, read once at start-up. Formatting is thread-safe (nothing is shared
/// but the immutable catalogs).
class UiMessages {
  public:
    /// Reads `<locales_dir>/<tag>/messages.yaml` for every folder that has one. A missing folder
    /// gives no catalogs (every key then shows as itself); a malformed file or pattern throws
    /// std::runtime_error naming the file and key, since the server cannot show pages with it.
    explicit UiMessages(const std::filesystem::path& locales_dir, std::string fallback_locale = "en");

    /// The locales with a catalog, canonical tags ("en", "zh-TW"), sorted.
    std::vector<std::string> locales() const;
    bool has_locale(const std::string& locale) const { return catalogs_.count(locale) > 0; }

    /// The locale whose words `locale` is shown in: its own catalog, else the closest one of its
    /// language ("pt-BR" -> "pt", "zh" -> "zh-CN"), else the fallback locale ("de" -> "en"). What
    /// a page's or the widget's `lang` says, since it is the language of the words.
    std::string words_locale(const std::string& locale) const;

    /// The message `key` in the words of `locale` (else of the fallback locale, else the key
    /// itself) formatted with ICU MessageFormat and named `args`. Plain text: the caller escapes
    /// it for HTML.
    std::string text(const std::string& locale, const std::string& key, const MessageArgs& args = {}) const;

    /// True when `locale` (or the fallback) has `key`.
    bool has(const std::string& locale, const std::string& key) const;

  private:
    const std::string* pattern(const std::string& locale, const std::string& key) const;

    std::map<std::string, std::map<std::string, std::string>> catalogs_;  ///< locale -> key -> pattern
    std::string fallback_;
};

}  // namespace anticipa::server::pages
