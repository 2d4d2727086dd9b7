// Article stage: the Markdown body -> sections (one per heading) with plain text and safe HTML.
#pragma once

#include "article/article.h"

#include <string>
#include <string_view>
#include <vector>

namespace anticipa::article {

/// A heading whose anchor an earlier heading already had: it is linked as `anchor` ("same-2").
struct RenamedAnchor {
    std::string heading;
    std::string anchor;
    int line = 0;
};

struct MarkdownBody {
    std::vector<Section> sections;
    std::vector<Link> links;
    std::vector<RenamedAnchor> renamed_anchors;
};

/// Parses CommonMark with cmark. Raw HTML never reaches the HTML (cmark's safe default), headings
/// get stable `id` anchors, and links keep the file line they are on (`first_line` is the line of
/// the body's first line in the file).
MarkdownBody parse_markdown(std::string_view body, int first_line);

}  // namespace anticipa::article
