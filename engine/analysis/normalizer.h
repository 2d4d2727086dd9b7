// Analysis stage 2: one word -> its normalized term and accent-free form.
#pragma once

#include <unicode/uversion.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

namespace anticipa::analysis {

/// NFKC + Unicode case folding: "ＣＯＮＦＩＧ" -> "config", "Straße" -> "strasse".
std::string normalize_word(std::string_view word);

/// Accents removed from Latin letters: "configuração" -> "configuracao". Other scripts are left
/// alone (removing marks from Devanagari or Arabic would change the word).
std::string fold_accents(std::string_view term);

/// True when `text` holds at least one Han ideograph.
bool has_han(std::string_view text);

/// Traditional -> Simplified Chinese with ICU's "Traditional-Simplified" transform, so that a
/// query typed in either script meets articles written in either. Not thread-safe; one per thread.
class ChineseScriptFolder {
  public:
    ChineseScriptFolder();
    ~ChineseScriptFolder();
    std::string to_simplified(std::string_view text);

  private:
    std::unique_ptr<icu::Transliterator> transliterator_;
    std::unordered_map<std::int32_t, std::string> memo_;  ///< a character (code point) alone, folded by ICU
};

}  // namespace anticipa::analysis
