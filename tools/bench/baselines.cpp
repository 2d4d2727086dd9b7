#include "bench/baselines.h"

#include "article/article_loader.h"

#include <xapian.h>

#include <chrono>
#include <stdexcept>

namespace anticipa::bench {

namespace {

double seconds_since(std::chrono::steady_clock::time_point started) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

}  // namespace

LoadedSections load_sections(const std::filesystem::path& articles_dir) {
    const auto started = std::chrono::steady_clock::now();
    article::LoadOptions options;
    options.root = articles_dir;
    article::LoadedArticles loaded = article::load_articles(options);
    LoadedSections result;
    result.seconds = seconds_since(started);
    for (auto& file : loaded.files) {
        if (!file.article) {
            std::string why = file.problems.empty() ? "no article" : format_problem(file.problems.front());
            throw std::runtime_error("generated article does not load: " + why);
        }
        const auto& meta = file.article->meta;
        int number = 0;
        for (auto& section : file.article->sections) {
            SectionTexts texts{meta.locale, {meta.title}, {}};
            texts.record = {meta.id,   meta.locale,  meta.title,    section.heading, section.anchor,
                            file.path, section.text, section.html,  meta.category,   meta.updated,
                            meta.tags, meta.tiers,   section.level, number++};
            texts.fields.insert(texts.fields.end(), meta.questions.begin(), meta.questions.end());
            if (!section.heading.empty()) texts.fields.push_back(section.heading);
            texts.fields.push_back(std::move(section.text));
            for (const auto& field : texts.fields) result.bytes += field.size();
            result.sections.push_back(std::move(texts));
        }
    }
    return result;
}

double term_generator_seconds(const LoadedSections& loaded, const std::filesystem::path& db_path,
                              analysis::AnalyzerSet& analyzers) {
    const auto started = std::chrono::steady_clock::now();
    Xapian::WritableDatabase db(db_path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    db.begin_transaction();  // one commit, as the indexer makes per locale
    Xapian::TermGenerator generator;
    std::string stemmer_locale;
    for (const auto& section : loaded.sections) {
        if (section.locale != stemmer_locale) {
            const BaselineAnalysis analysis = baseline_analysis(section.locale, analyzers);
            generator.set_stemmer(analysis.stemmer);
            generator.set_flags(analysis.cjk_ngrams ? Xapian::TermGenerator::FLAG_CJK_NGRAM : 0);
            stemmer_locale = section.locale;
        }
        Xapian::Document document;
        generator.set_document(document);
        for (const auto& field : section.fields) {
            generator.index_text(field);
            generator.increase_termpos();
        }
        document.add_boolean_term(baseline_locale_term(section.locale));
        index::store_record(document, section.record);
        db.add_document(document);
    }
    db.commit_transaction();
    return seconds_since(started);
}

std::string baseline_locale_term(const std::string& locale) {
    return "XL" + locale;
}

BaselineAnalysis baseline_analysis(const std::string& locale, analysis::AnalyzerSet& analyzers) {
    const std::string& stemmer = analyzers.for_locale(locale).profile().stemmer;
    if (stemmer == "none") return {Xapian::Stem(), true};
    return {Xapian::Stem(stemmer), false};
}

double analyzer_seconds(const LoadedSections& loaded, analysis::AnalyzerSet& analyzers) {
    const auto started = std::chrono::steady_clock::now();
    std::size_t tokens = 0;
    for (const auto& section : loaded.sections) {
        const auto& analyzer = analyzers.for_locale(section.locale);
        for (const auto& field : section.fields) tokens += analyzer.analyze(field).size();
    }
    if (tokens == 0) throw std::runtime_error("the analyzer found no words in the generated corpus");
    return seconds_since(started);
}

}  // namespace anticipa::bench
