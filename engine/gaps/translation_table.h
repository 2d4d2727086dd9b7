// Gaps stage, a bridge between languages, step 2: the help center's own translations (articles
// that share an `id` across locales are parallel text) -> a table from each language's terms to
// the source locale's, so "lixeira" (pt) and "trash" (en) can meet in one content-plan row.
// Built when a report is made, from the articles folder; never on the request path of searches.
#pragma once

#include "analysis/analyzer_set.h"
#include "article/article.h"
#include "gaps/bilingual_dictionary.h"
#include "gaps/word_alignment.h"

#include <filesystem>
#include <map>
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

    /// Keeps the first translation given for a (language, term): add the most trusted first.
    void add(TermTranslation translation);
    /// The translation of `term` of `language`, or nullptr when the table has none.
    const TermTranslation* find(const std::string& language, const std::string& term) const;

    /// Every entry, by language and term.
    std::vector<TermTranslation> entries() const;

    const std::string& pivot_language() const { return pivot_language_; }
    std::size_t size() const { return entries_.size(); }
    bool empty() const { return entries_.empty(); }

  private:
    std::string pivot_language_;
    std::map<std::pair<std::string, std::string>, TermTranslation> entries_;
};

/// Aligns every article of another locale with the source locale's article of the same id:
/// titles, `questions:` one by one, headings and section texts one by one (the whole body when
/// the two have different sections). Terms are the grouping's own (question_terms).
TranslationTable learn_help_center_translations(const std::vector<article::Article>& articles,
                                                analysis::AnalyzerSet& analyzers, const std::string& source_locale,
                                                const AlignmentOptions& options = {});

/// Where general-language dictionaries are read, and how much they must agree.
struct DictionaryOptions {
    std::filesystem::path folder = "/usr/share/dictd";  ///< Debian's dict-freedict-* packages install here
    /// A pair is taken when both dictionaries (pt->en and en->pt) give it; a language with one
    /// dictionary only gives its headwords' unambiguous translations (one one-word translation).
    bool both_directions = true;
};

/// Adds, for each of `locales` in another language than the pivot, the one-word pairs of its
/// FreeDict dictionaries to and from the pivot language (freedict_name()), after the entries the
/// table already has (those win). Returns a warning for each language without a dictionary:
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
