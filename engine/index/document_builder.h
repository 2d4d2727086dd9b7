// Index stage: one section of an Article + the locale's Analyzer -> one Xapian document.
#pragma once

#include "analysis/analyzer.h"
#include "article/article.h"
#include "index/section_record.h"

#include <xapian.h>

#include <string>

namespace anticipa::index {

/// Builds one document per section: the title and questions are repeated on every section so
/// either can match, weighted over headings and body (schema.h). They are analyzed once per article.
/// `learned`: the phrasings customers found the article with (learn/), a field of their own.
std::vector<Xapian::Document> build_article_documents(const article::Article& article,
                                                      const analysis::Analyzer& analyzer,
                                                      const std::vector<std::string>& learned = {});

/// What SLOT_LEARNED holds for these learned phrasings: "" for none, else a digest of the set.
std::string learned_digest(const std::vector<std::string>& learned);

/// The unique id term of a section: "Qpt:reset-password#reset-link".
std::string unique_term(const std::string& locale, const std::string& id, const std::string& anchor);

/// The file term of a path (long paths are hashed to stay under Xapian's term limit).
std::string file_term(const std::string& path);

/// Words worth offering as spelling corrections: letters only, three bytes or more.
bool is_spelling_word(const std::string& term);

}  // namespace anticipa::index
