#include "pages/ui_messages.h"

#include "common/icu_locale.h"
#include "common/locale_tag.h"
#include "pages/locale_negotiation.h"

#include <unicode/fmtable.h>
#include <unicode/locid.h>
#include <unicode/msgfmt.h>
#include <unicode/unistr.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <stdexcept>

namespace anticipa::server::pages {

namespace {

icu::UnicodeString unicode(const std::string& text) {
    return icu::UnicodeString::fromUTF8(text);
}

std::map<std::string, std::string> read_catalog(const std::filesystem::path& file, const std::string& locale) {
    std::map<std::string, std::string> catalog;
    YAML::Node root;
    try {
        root = YAML::LoadFile(file.string());
    } catch (const YAML::Exception& error) {
        throw std::runtime_error(file.string() + ": " + error.what());
    }
    if (!root.IsMap()) throw std::runtime_error(file.string() + ": expected a map of message keys to patterns");
    for (const auto& entry : root) {
        const std::string key = entry.first.as<std::string>();
        if (!entry.second.IsScalar())
            throw std::runtime_error(file.string() + ": `" + key + "` must be a string (an ICU MessageFormat pattern)");
        const std::string value = entry.second.as<std::string>();
        // Compile once now so a broken pattern stops the start-up, not a customer's page.
        UErrorCode status = U_ZERO_ERROR;
        icu::MessageFormat check(unicode(value), icu_locale(locale), status);
        if (U_FAILURE(status))
            throw std::runtime_error(file.string() + ": `" + key + "` is not a valid ICU MessageFormat pattern (" +
                                     u_errorName(status) + ")");
        catalog.emplace(key, value);
    }
    return catalog;
}

}  // namespace

UiMessages::UiMessages(const std::filesystem::path& locales_dir, std::string fallback_locale)
    : fallback_(std::move(fallback_locale)) {
    std::error_code error;
    if (!std::filesystem::is_directory(locales_dir, error)) return;
    for (const auto& folder : std::filesystem::directory_iterator(locales_dir)) {
        const auto file = folder.path() / "messages.yaml";
        if (!std::filesystem::is_regular_file(file, error)) continue;
        auto tag = canonical_locale(folder.path().filename().string());
        if (!tag) continue;
        catalogs_[*tag] = read_catalog(file, *tag);
    }
}

std::vector<std::string> UiMessages::locales() const {
    std::vector<std::string> out;
    for (const auto& [locale, catalog] : catalogs_) out.push_back(locale);
    return out;
}

std::string UiMessages::words_locale(const std::string& locale) const {
    if (has_locale(locale)) return locale;  // the common case, without asking ICU
    const std::string language = language_of(locale);
    const auto same_language = [&](const auto& catalog) { return language_of(catalog.first) == language; };
    if (std::none_of(catalogs_.begin(), catalogs_.end(), same_language)) return fallback_;
    return negotiate_locale(locale, locales(), fallback_);
}

const std::string* UiMessages::pattern(const std::string& locale, const std::string& key) const {
    const std::string words = words_locale(locale);
    for (const std::string* tag : {&words, &fallback_}) {
        auto catalog = catalogs_.find(*tag);
        if (catalog == catalogs_.end()) continue;
        auto found = catalog->second.find(key);
        if (found != catalog->second.end()) return &found->second;
    }
    return nullptr;
}

bool UiMessages::has(const std::string& locale, const std::string& key) const {
    return pattern(locale, key) != nullptr;
}

std::string UiMessages::text(const std::string& locale, const std::string& key, const MessageArgs& args) const {
    const std::string words = words_locale(locale);  // its plural rules too: "de" in English words
    const std::string* found = pattern(words, key);
    if (!found) return key;
    std::vector<icu::UnicodeString> names;
    std::vector<icu::Formattable> values;
    for (const auto& [name, value] : args) {
        names.push_back(unicode(name));
        if (const auto* number = std::get_if<std::int64_t>(&value)) values.emplace_back(static_cast<int64_t>(*number));
        else values.emplace_back(unicode(std::get<std::string>(value)));
    }
    UErrorCode status = U_ZERO_ERROR;
    icu::MessageFormat format(unicode(*found), icu_locale(words), status);
    icu::UnicodeString out;
    format.format(names.data(), values.data(), static_cast<int32_t>(values.size()), out, status);
    if (U_FAILURE(status)) return *found;  // checked at start-up; an argument mismatch shows the pattern
    std::string utf8;
    return out.toUTF8String(utf8);
}

}  // namespace anticipa::server::pages
