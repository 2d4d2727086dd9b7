// Fuzzing: article front matter (YAML between "---" lines) from any UTF-8 text. Promises: never
// throws; the body is a view into the text; problems point at lines of the file; no article
// passes without a title.
#include "article/front_matter.h"
#include "common/utf8.h"
#include "fuzz_input.h"

#include <algorithm>

using namespace anticipa;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::FuzzInput input(data, size);
    const bool in_locale_folder = input.choose(2) == 1;
    const std::string_view text = input.rest();
    // The loader refuses a file that is not UTF-8 before any stage reads it (article_loader.cpp).
    if (find_invalid_utf8(text) != std::string::npos) return 0;
    const article::FrontMatterContext context{
        .file = "articles/en/fuzz.md", .folder_locale = in_locale_folder ? "en" : "", .default_id = "fuzz"};
    const article::FrontMatter parsed = article::parse_front_matter(text, context);

    const bool body_inside =
        parsed.body.empty() ||
        (parsed.body.data() >= text.data() && parsed.body.data() + parsed.body.size() <= text.data() + text.size());
    fuzz::require(body_inside, "the body is a part of the file's text");
    const int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
    fuzz::require(parsed.body_first_line >= 1 && parsed.body_first_line <= lines + 1,
                  "the body starts on a line of the file");
    for (const auto& problem : parsed.problems) {
        fuzz::require(!problem.message.empty() && !problem.code.empty(), "a problem says what is wrong");
        fuzz::require(problem.line >= 0 && problem.line <= lines + 1, "a problem points at a line of the file");
    }
    fuzz::require(has_errors(parsed.problems) || !parsed.meta.title.empty(), "an article without errors has a title");
    return 0;
}
