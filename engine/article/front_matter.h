// Article stage: the YAML front matter between "---" lines -> ArticleMeta, with located problems.
#pragma once

#include "article/article.h"
#include "common/problem.h"

#include <string>
#include <string_view>
#include <vector>

namespace anticipa::article {

/// What the loader knows about a file before its front matter is read.
struct FrontMatterContext {
    std::string file;           ///< for messages: "articles/pt/senha.md"
    std::string folder_locale;  ///< canonical locale of the folder; "" when documents are flat
    std::string default_id;     ///< used when the front matter has no id
};

struct FrontMatter {
    ArticleMeta meta;
    std::string_view body;    ///< the Markdown after the closing "---"
    int body_first_line = 1;  ///< line of the file where the body starts
    std::vector<Problem> problems;
};

/// Splits the front matter off `text` and validates every key. Unknown keys are warnings
/// (with a did-you-mean), wrong types and missing title are errors.
FrontMatter parse_front_matter(std::string_view text, const FrontMatterContext& context);

/// `text` as a YAML double-quoted scalar, for tools that write front matter (drafts, generated
/// corpora): what people type (colons, '#', quotes, leading dashes, line breaks) would otherwise
/// change the meaning of a plain scalar.
std::string yaml_quoted(std::string_view text);

}  // namespace anticipa::article
