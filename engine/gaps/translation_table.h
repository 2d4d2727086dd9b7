// Gaps stage, a bridge between languages, step 2: the help center's own translations (articles
// that share an `id` across locales are parallel text) -> a table from each language's terms to
// the source locale's, so "lixeira" (pt) and "trash" (en) can meet in one content-plan row.
// Built when a report is made, from the articles folder; never on the request path of searches.
#pragma once

#include "analysis/analyzer_set.h"
#include "article/article.h"
#include "gaps/bilingual_dictionary.h"
#include "gaps/character_glosses.h"
#include "gaps/word_alignment.h"

#include <filesystem>
#include <map>
#include <unordered_map>
#include <string>
#include <vector>

namespace anticipa::gaps {

/// "pt: lixeira ≈ trash", with where the pair was learned.
struct TermTranslation {
    std::string language;  ///< of `term`: "pt", "zh"
    std::string term, pivot;
    double probability = 0;
    std::size_t segments = 0;  ///< parallel segments (or dictionary entries) that support it
    std::string source;        ///< "help center" or the dictionary's name
};

/// Term translations into one pivot language (the help center's source locale's).
class TranslationTable {
  public:
    TranslationTable() = default;
    explicit TranslationTable(std::string pivot_language) : pivot_language_(std::move(pivot_language)) {}

    /// Keeps every pivot given for a (language, term), in the order given: add the most trusted
    /// first. The same pivot given again is kept once, where it came first.
    void add(TermTranslation translation);
    /// The most trusted translation of `term` of `language`, or nullptr when the table has none.
    const TermTranslation* find(const std::string& language, const std::string& term) const;
    /// Every translation of `term` of `language`, most trusted first: a word has several senses
    /// ("quadro": board, picture, frame), and a phrasing's other words decide which one it asks.
    const std::vector<TermTranslation>& all(const std::string& language, const std::string& term) const;

    /// Every entry, by language and term, each term's translations most trusted first.
    std::vector<TermTranslation> entries() const;

    /// Han characters' glosses (character_glosses.h) as pivot-language terms: the first
    /// `senses_per_character` senses of one word each ("print, seal, stamp" -> print, seal, stamp;
    /// "writing brush" says nothing of one word).
    void add_character_glosses(const CharacterDefinitions& definitions, const analysis::Analyzer& pivot,
                               std::size_t senses_per_character);
    /// What the Han characters of `term` can mean, each pivot term once: "列印" -> line, arrang,
    /// ..., print, seal, stamp. Empty for a term without Han characters, or without glosses.
    std::vector<std::string> character_senses(const std::string& term) const;
    std::size_t glossed_characters() const { return character_senses_.size(); }
    /// Every glossed character with its senses, and one to add back (a stored table).
    const std::unordered_map<char32_t, std::vector<std::string>>& glosses() const { return character_senses_; }
    void add_character_senses(char32_t character, std::vector<std::string> senses);

    const std::string& pivot_language() const { return pivot_language_; }
    std::size_t size() const { return size_; }
    bool empty() const { return entries_.empty() && character_senses_.empty(); }

  private:
    std::string pivot_language_;
    std::map<std::pair<std::string, std::string>, std::vector<TermTranslation>> entries_;
    std::size_t size_ = 0;
    std::unordered_map<char32_t, std::vector<std::string>> character_senses_;
};

/// Aligns every article of another locale with the source locale's article of the same id:
/// titles, `questions:` one by one, headings and section texts one by one (the whole body when
/// the two have different sections). Terms are the grouping's own (question_terms).
TranslationTable learn_help_center_translations(const std::vector<article::Article>& articles,
                                                analysis::AnalyzerSet& analyzers, const std::string& source_locale,
                                                const AlignmentOptions& options = {});

/// Where general-language dictionaries are read.
struct DictionaryOptions {
    std::filesystem::path folder = "/usr/share/dictd";  ///< Debian's dict-freedict-* packages install here
    /// Unihan's kDefinition glosses, for Chinese (Debian's unicode-data installs it here; empty:
    /// not used).
    std::filesystem::path unihan = "/usr/share/unicode/Unihan_Readings.txt.bz2";
    /// Each character's first one-word senses only: Unihan lists the usual sense first, and a
    /// two-character word with every sense of both meets too much. On the grouping measure's
    /// tuning questions, 1 merged no two questions; 2 to 6 merged some (precision 0.987), for
    /// more recall (README "One content plan across languages").
    std::size_t character_senses = 1;
};

/// Adds, for each of `locales` in another language than the pivot, every one-word pair of its
/// FreeDict dictionaries to and from the pivot language (freedict_name()), after the entries the
/// table already has (those stay the most trusted). Returns a warning for each language without a dictionary:
/// its phrasings then meet others only through the help center's translations.
std::vector<std::string> add_dictionary_translations(TranslationTable& table, analysis::AnalyzerSet& analyzers,
                                                     const std::vector<std::string>& locales,
                                                     const std::string& source_locale,
                                                     const DictionaryOptions& options = {});

/// Every bridge a content plan uses, and what was missing.
struct Translations {
    TranslationTable table;
    std::vector<std::string> warnings;
};

/// The articles folder's table: its anticipa.yaml's source locale, its published articles, then
/// the dictionaries (when `dictionaries` is given). Throws std::runtime_error naming the file when
/// anticipa.yaml is invalid.
Translations load_help_center_translations(const std::filesystem::path& articles_dir, analysis::AnalyzerSet& analyzers,
                                           const DictionaryOptions* dictionaries = nullptr);

}  // namespace anticipa::gaps
