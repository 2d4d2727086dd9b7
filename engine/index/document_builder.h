// Index stage: one section of an Article + the locale's Analyzer -> one Xapian document.
#pragma once

#include "analysis/analyzer.h"
#include "article/article.h"

#include <xapian.h>

#include <string>

namespace anticipa::index {

/// What a search hit needs to show without opening the file again: the short fields as JSON
/// document data, the text and HTML in value slots (schema.h).
struct SectionRecord {
    std::string id, locale, title, heading, anchor, path, text, html, category, updated;
    std::vector<std::string> tags, tiers;
    int level = 0;
    int section = 0;
};

/// Builds one document per section: the title and questions are repeated on every section so
/// either can match, weighted over headings and body (schema.h). They are analyzed once per article.
std::vector<Xapian::Document> build_article_documents(const article::Article& article,
                                                      const analysis::Analyzer& analyzer);

/// The unique id term of a section: "Qpt:reset-password#reset-link".
std::string unique_term(const std::string& locale, const std::string& id, const std::string& anchor);

/// The file term of a path (long paths are hashed to stay under Xapian's term limit).
std::string file_term(const std::string& path);

/// Words worth offering as spelling corrections: letters only, three bytes or more.
bool is_spelling_word(const std::string& term);

/// Stores the record in a document: short fields as data, text and HTML as values.
void store_record(Xapian::Document& document, const SectionRecord& record);

enum class RecordParts { SHORT_FIELDS, WITH_TEXT, WITH_TEXT_AND_HTML };

/// Reads the record back; the text and HTML only when asked for.
SectionRecord read_record(const Xapian::Document& document, RecordParts parts = RecordParts::SHORT_FIELDS);

}  // namespace anticipa::index
