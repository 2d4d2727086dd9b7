// Benchmark: the generated articles -> the same section texts indexed by plain Xapian
// TermGenerator, and analyzed by our Analyzer alone, so the price of each stage shows.
#pragma once

#include "analysis/analyzer_set.h"
#include "index/section_record.h"

#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

namespace anticipa::bench {

/// The texts the indexer analyzes for one section document, in its order: title, questions,
/// heading (if any), body; and the record it stores beside them (data and text/HTML values).
struct SectionTexts {
    std::string locale;
    std::vector<std::string> fields;
    index::SectionRecord record;
};

struct LoadedSections {
    std::vector<SectionTexts> sections;
    std::size_t bytes = 0;  ///< of the fields
    double seconds = 0;     ///< to read and parse the files (front matter + cmark), single thread
};

/// Loads every article below `articles_dir` with the engine's loader. Throws std::runtime_error
/// when a generated file does not load (the generator wrote something the loader refuses).
LoadedSections load_sections(const std::filesystem::path& articles_dir);

/// Seconds to index the sections with Xapian::TermGenerator (the locale's Snowball stemmer,
/// positions, default settings; Xapian's CJK n-grams for a locale without a stemmer) into a new
/// database at `db_path`, committed once. Each document stores the same record as ours and a
/// boolean term for its locale (baseline_locale_term), so the two runs differ only in how text
/// becomes terms.
double term_generator_seconds(const LoadedSections& loaded, const std::filesystem::path& db_path,
                              analysis::AnalyzerSet& analyzers);

/// The boolean term of a locale in the TermGenerator database, to filter a query as ours does.
std::string baseline_locale_term(const std::string& locale);

/// How plain Xapian analyzes text of `locale`: its Snowball stemmer, or CJK n-grams without one.
struct BaselineAnalysis {
    Xapian::Stem stemmer;
    bool cjk_ngrams = false;
};
BaselineAnalysis baseline_analysis(const std::string& locale, analysis::AnalyzerSet& analyzers);

/// Seconds for Analyzer::analyze over the same fields: ICU analysis alone, no Xapian.
double analyzer_seconds(const LoadedSections& loaded, analysis::AnalyzerSet& analyzers);

}  // namespace anticipa::bench
