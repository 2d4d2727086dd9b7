// Fuzzing: a Markdown body from any UTF-8 text, through cmark. Promises: never throws; the HTML of
// every section is safe (no raw HTML, no script links); every heading has an anchor that a link
// can name (not empty, no spaces or control characters; pinned anchors may hold other
// punctuation, which the pages escape).
#include "article/markdown.h"
#include "common/utf8.h"
#include "fuzz_input.h"

#include <algorithm>
#include <cctype>

using namespace anticipa;

namespace {

std::string lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

bool safe_html(const std::string& html) {
    const std::string lower = lowercase(html);
    for (const char* unsafe : {"<script", "<iframe", "<object", "<embed", "<style",
                               "href=\"javascript:", "src=\"javascript:", "href=\"vbscript:", "src=\"vbscript:"})
        if (lower.find(unsafe) != std::string::npos) return false;
    return true;
}

bool linkable(const std::string& anchor) {
    return !anchor.empty() &&
           std::none_of(anchor.begin(), anchor.end(), [](unsigned char c) { return c <= ' ' || c == 0x7f; });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::FuzzInput input(data, size);
    const int first_line = static_cast<int>(input.choose(8)) + 1;
    // The loader refuses a file that is not UTF-8 before any stage reads it (article_loader.cpp).
    if (find_invalid_utf8(input.rest()) != std::string::npos) return 0;
    const article::MarkdownBody body = article::parse_markdown(input.rest(), first_line);
    for (const auto& section : body.sections) {
        fuzz::require(safe_html(section.html), "section HTML carries no raw HTML and no script links");
        fuzz::require(section.level == 0 || linkable(section.anchor), "a heading has an anchor a link can name");
    }
    for (const auto& link : body.links) fuzz::require(link.line >= first_line, "a link's line is in the body");
    return 0;
}
