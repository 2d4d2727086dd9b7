// Eval stage: a judged relevance collection (queries, judgments, documents) as laid out in
// shared/eval/: queries.tsv (qid, locale, text), qrels.tsv (qid, docid, grade), docs/*.md.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace anticipa::eval {

struct JudgedQuery {
    std::string id, locale, text;
};

struct JudgedCollection {
    std::vector<JudgedQuery> queries;                         ///< in file order
    std::map<std::string, std::map<std::string, int>> qrels;  ///< qid -> docid -> grade
};

/// Reads both files; throws std::runtime_error naming file:line on a malformed line.
JudgedCollection read_judged_collection(const std::filesystem::path& queries, const std::filesystem::path& qrels);

}  // namespace anticipa::eval
