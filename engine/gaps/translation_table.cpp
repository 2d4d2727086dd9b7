#include "gaps/translation_table.h"

#include "article/article_loader.h"
#include "article/help_center_config.h"
#include "common/locale_tag.h"
#include "common/utf8.h"
#include "gaps/question_grouping.h"

#include <algorithm>
#include <optional>
#include <set>

namespace anticipa::gaps {

namespace {

/// One article in two locales -> its parallel segments: the parts that say the same thing.
class SegmentCollector {
  public:
    SegmentCollector(const analysis::Analyzer& foreign, const analysis::Analyzer& pivot)
        : foreign_(foreign), pivot_(pivot) {}

    void add(const std::string& foreign_text, const std::string& pivot_text) {
        segments.push_back({question_terms(foreign_, foreign_text), question_terms(pivot_, pivot_text)});
    }

    void add_article(const article::Article& foreign, const article::Article& pivot) {
        add(foreign.meta.title, pivot.meta.title);
        const auto& fq = foreign.meta.questions;
        const auto& pq = pivot.meta.questions;
        if (fq.size() == pq.size())
            for (std::size_t i = 0; i < fq.size(); ++i) add(fq[i], pq[i]);
        else if (!fq.empty() && !pq.empty()) add(joined(fq), joined(pq));
        const auto& fs = foreign.sections;
        const auto& ps = pivot.sections;
        if (fs.size() == ps.size()) {
            for (std::size_t i = 0; i < fs.size(); ++i) {
                if (!fs[i].heading.empty() && !ps[i].heading.empty()) add(fs[i].heading, ps[i].heading);
                add(fs[i].text, ps[i].text);
            }
            return;
        }
        // Translators merged or split a section: the bodies as a whole still say the same.
        std::string foreign_body, pivot_body;
        for (const auto& section : fs) foreign_body += section.heading + "\n" + section.text + "\n";
        for (const auto& section : ps) pivot_body += section.heading + "\n" + section.text + "\n";
        add(foreign_body, pivot_body);
    }

    std::vector<ParallelSegment> segments;

  private:
    static std::string joined(const std::vector<std::string>& lines) {
        std::string out;
        for (const auto& line : lines) out += line + "\n";
        return out;
    }

    const analysis::Analyzer& foreign_;
    const analysis::Analyzer& pivot_;
};

/// (foreign term, pivot term) pairs of one dictionary: headword and translation each one term
/// (multi-word translations such as "garbage can" say nothing about one word). `reversed`: the
/// dictionary goes from the pivot language to the foreign one. nullopt when it is not installed.
using TermPairs = std::set<std::pair<std::string, std::string>>;

std::optional<TermPairs> dictionary_pairs(const std::filesystem::path& base, const analysis::Analyzer& from,
                                          const analysis::Analyzer& to, bool reversed) {
    std::error_code error;
    if (!std::filesystem::exists(base.string() + ".index", error)) return std::nullopt;
    TermPairs pairs;
    for (const DictionaryEntry& entry : read_dictd(base)) {
        const auto head = question_terms(from, entry.headword);
        if (head.size() != 1) continue;
        for (const std::string& translation : entry.translations) {
            const auto terms = question_terms(to, translation);
            if (terms.size() != 1 || terms.front() == head.front()) continue;
            if (reversed) pairs.insert({terms.front(), head.front()});
            else pairs.insert({head.front(), terms.front()});
        }
    }
    return pairs;
}

/// Every sense either dictionary gives, those both give first (the most trusted, which
/// TranslationTable::find() and the report's explanations show). Every sense is kept: FreeDict's
/// Spanish dictionaries are small and rarely agree ("plantilla", "atajo" are in one only), and a
/// phrasing's other words pick the sense it means (group_question_keys()).
std::vector<std::pair<std::string, std::string>> dictionary_senses(const std::optional<TermPairs>& forward,
                                                                   const std::optional<TermPairs>& backward) {
    std::vector<std::pair<std::string, std::string>> agreed, single;
    TermPairs all;
    for (const auto* pairs : {forward ? &*forward : nullptr, backward ? &*backward : nullptr})
        if (pairs) all.insert(pairs->begin(), pairs->end());
    for (const auto& pair : all)
        (forward && backward && forward->count(pair) && backward->count(pair) ? agreed : single).push_back(pair);
    agreed.insert(agreed.end(), single.begin(), single.end());
    return agreed;
}

}  // namespace

void TranslationTable::add(TermTranslation translation) {
    auto& senses = entries_[std::make_pair(translation.language, translation.term)];
    if (std::any_of(senses.begin(), senses.end(), [&](const auto& kept) { return kept.pivot == translation.pivot; }))
        return;
    senses.push_back(std::move(translation));
    ++size_;
}

const TermTranslation* TranslationTable::find(const std::string& language, const std::string& term) const {
    const auto& senses = all(language, term);
    return senses.empty() ? nullptr : &senses.front();
}

const std::vector<TermTranslation>& TranslationTable::all(const std::string& language, const std::string& term) const {
    static const std::vector<TermTranslation> none;
    auto found = entries_.find({language, term});
    return found == entries_.end() ? none : found->second;
}

void TranslationTable::add_character_glosses(const CharacterDefinitions& definitions, const analysis::Analyzer& pivot,
                                             std::size_t senses_per_character) {
    for (const auto& [character, definition] : definitions) {
        std::vector<std::string> senses;
        std::size_t begin = 0;
        while (begin < definition.size() && senses.size() < senses_per_character) {
            std::size_t end = definition.find_first_of(",;", begin);
            if (end == std::string::npos) end = definition.size();
            const auto terms = question_terms(pivot, std::string_view(definition).substr(begin, end - begin));
            if (terms.size() == 1 && std::find(senses.begin(), senses.end(), terms.front()) == senses.end())
                senses.push_back(terms.front());
            begin = end + 1;
        }
        add_character_senses(character, std::move(senses));
    }
}

void TranslationTable::add_character_senses(char32_t character, std::vector<std::string> senses) {
    if (!senses.empty()) character_senses_[character] = std::move(senses);
}

std::vector<std::string> TranslationTable::character_senses(const std::string& term) const {
    std::vector<std::string> out;
    if (character_senses_.empty()) return out;
    for (const char32_t character : code_points(term)) {
        auto found = character_senses_.find(character);
        if (found == character_senses_.end()) continue;
        for (const std::string& sense : found->second)
            if (std::find(out.begin(), out.end(), sense) == out.end()) out.push_back(sense);
    }
    return out;
}

std::vector<TermTranslation> TranslationTable::entries() const {
    std::vector<TermTranslation> out;
    for (const auto& [key, senses] : entries_) out.insert(out.end(), senses.begin(), senses.end());
    return out;
}

TranslationTable learn_help_center_translations(const std::vector<article::Article>& articles,
                                                analysis::AnalyzerSet& analyzers, const std::string& source_locale,
                                                const AlignmentOptions& options) {
    const std::string pivot_language = language_of(source_locale);
    std::map<std::string, const article::Article*> sources;  ///< id -> the source locale's article
    for (const auto& article : articles)
        if (article.meta.locale == source_locale && !article.meta.draft) sources[article.meta.id] = &article;

    // One alignment per language: zh-TW's and zh-CN's articles both teach "zh".
    std::map<std::string, std::vector<ParallelSegment>> by_language;
    for (const auto& article : articles) {
        const std::string language = language_of(article.meta.locale);
        auto source = sources.find(article.meta.id);
        if (language == pivot_language || article.meta.draft || source == sources.end()) continue;
        SegmentCollector collector(analyzers.for_locale(article.meta.locale), analyzers.for_locale(source_locale));
        collector.add_article(article, *source->second);
        auto& segments = by_language[language];
        segments.insert(segments.end(), collector.segments.begin(), collector.segments.end());
    }
    TranslationTable table(pivot_language);
    for (const auto& [language, segments] : by_language)
        for (TermPair& pair : align_terms(segments, options))
            table.add({language, std::move(pair.foreign), std::move(pair.pivot), pair.probability, pair.segments,
                       "help center"});
    return table;
}

std::vector<std::string> add_dictionary_translations(TranslationTable& table, analysis::AnalyzerSet& analyzers,
                                                     const std::vector<std::string>& locales,
                                                     const std::string& source_locale,
                                                     const DictionaryOptions& options) {
    std::vector<std::string> warnings;
    std::set<std::string> languages_done{language_of(source_locale)};
    const analysis::Analyzer& pivot = analyzers.for_locale(source_locale);
    for (const std::string& locale : locales) {
        const std::string language = language_of(locale);
        if (!languages_done.insert(language).second) continue;
        if (language == "zh") {
            // Debian has no Chinese dictionary: Unihan's glosses are English, so they bridge to an
            // English pivot only.
            std::error_code error;
            if (options.unihan.empty()) continue;  // not asked for
            if (table.pivot_language() != "en")
                warnings.push_back("zh phrasings join other languages only through the help center's translations: "
                                   "Unihan's glosses are English, the source locale is " + source_locale);
            else if (!std::filesystem::exists(options.unihan, error))
                warnings.push_back("no " + options.unihan.generic_string() +
                                   " (Debian: unicode-data): zh phrasings join other languages only through the "
                                   "help center's translations");
            else
                table.add_character_glosses(read_unihan_definitions(options.unihan), pivot, options.character_senses);
            continue;
        }
        const std::string to_pivot = freedict_name(language, table.pivot_language());
        const std::string from_pivot = freedict_name(table.pivot_language(), language);
        const auto forward = dictionary_pairs(options.folder / to_pivot, analyzers.for_locale(locale), pivot, false);
        const auto backward = dictionary_pairs(options.folder / from_pivot, pivot, analyzers.for_locale(locale), true);
        if (!forward && !backward) {
            warnings.push_back("no dictionary between " + language + " and " + table.pivot_language() + " in " +
                               options.folder.generic_string() + " (Debian: dict-" + to_pivot + "): " + language +
                               " phrasings join other languages only through the help center's translations");
            continue;
        }
        for (const auto& pair : dictionary_senses(forward, backward))
            table.add({language, pair.first, pair.second, 1.0, 1,
                       forward && forward->count(pair) ? to_pivot : from_pivot});
    }
    return warnings;
}

Translations load_help_center_translations(const std::filesystem::path& articles_dir, analysis::AnalyzerSet& analyzers,
                                           const DictionaryOptions* dictionaries) {
    const article::HelpCenterConfig config = article::load_help_center_config(articles_dir);
    article::LoadOptions load;
    load.root = articles_dir;
    load.max_article_bytes = config.max_article_bytes;
    load.parse_budget = config.parse_budget;
    std::vector<article::Article> articles;
    std::vector<std::string> locales;
    for (auto& file : article::load_articles(load).files)
        if (file.article) {
            locales.push_back(file.article->meta.locale);
            articles.push_back(std::move(*file.article));
        }
    Translations out;
    out.table = learn_help_center_translations(articles, analyzers, config.source_locale);
    if (dictionaries) {
        for (const auto& locale : config.locales) locales.push_back(locale);
        std::sort(locales.begin(), locales.end());
        locales.erase(std::unique(locales.begin(), locales.end()), locales.end());
        out.warnings = add_dictionary_translations(out.table, analyzers, locales, config.source_locale, *dictionaries);
    }
    return out;
}

}  // namespace anticipa::gaps
